/**
 * RFM (DOMAIN.md, formulas): recency, frequency and monetary value each scored 1–5 by quintile
 * (5 best), and the account's segment from the R × FM grid.
 */

export type RfmSegment =
  | 'champions'
  | 'loyal'
  | 'potential_loyalist'
  | 'new_customers'
  | 'promising'
  | 'need_attention'
  | 'about_to_sleep'
  | 'at_risk'
  | 'cannot_lose'
  | 'hibernating'
  | 'lost';
export type RfmResult = { id: string; r: number; f: number; m: number; segment: RfmSegment };
/** recencyDays: days since the last order (null: never ordered); frequency and monetary: in the window. */
export type RfmRow = { id: string; recencyDays: number | null; frequency: number; monetary: number };

/**
 * Scores every row, in input order. Quintiles come from mid-ranks: a value's position is
 * (count strictly worse + half the count equal) / n, and score = 1 + ⌊5 × position⌋. Equal values
 * therefore always share a score (a tie group lands where its middle lies: when every account
 * ordered once, all get F = 3), and the result depends on the values only, never on row order.
 *
 * Accounts that never ordered (recencyDays null) have no place in the ranking: they get
 * R = F = M = 1, hence segment 'lost', and are left out of the quintiles so they do not push the
 * buyers' scores up.
 */
export function rfmScores(rows: readonly RfmRow[]): RfmResult[] {
  for (const row of rows) checkRow(row);
  const buyers = rows.filter((r) => r.recencyDays !== null);
  // recency is better when smaller: rank its negation
  const r = quintileScorer(buyers.map((b) => -(b.recencyDays as number)));
  const f = quintileScorer(buyers.map((b) => b.frequency));
  const m = quintileScorer(buyers.map((b) => b.monetary));
  return rows.map((row) => {
    if (row.recencyDays === null) return { id: row.id, r: 1, f: 1, m: 1, segment: rfmSegment(1, 1, 1) };
    const scores = { r: r(-row.recencyDays), f: f(row.frequency), m: m(row.monetary) };
    return { id: row.id, ...scores, segment: rfmSegment(scores.r, scores.f, scores.m) };
  });
}

/**
 * The segment of an (R, F, M) cell on the widely used R × FM grid, with FM = ⌊(F + M) / 2⌋ (an
 * account reaches a higher FM band only when frequency and value together put it there):
 *
 * ```
 * FM \ R   1            2            3               4                   5
 *   5      cannot_lose  cannot_lose  loyal           loyal               champions
 *   4      at_risk      at_risk      loyal           loyal               champions
 *   3      at_risk      at_risk      need_attention  potential_loyalist  potential_loyalist
 *   2      lost         hibernating  about_to_sleep  potential_loyalist  potential_loyalist
 *   1      lost         hibernating  about_to_sleep  promising           new_customers
 * ```
 *
 * The common ten-segment grid has hibernating across R 1–2 × FM 1–2; the eleventh segment, lost,
 * is its R = 1 column: the longest silent of the low-value accounts.
 */
export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  for (const [name, v] of Object.entries({ r, f, m })) {
    if (!Number.isInteger(v) || v < 1 || v > 5)
      throw new RangeError(`${name} must be an integer from 1 to 5, got ${v}`);
  }
  const row = SEGMENT_GRID[Math.floor((f + m) / 2) - 1] as readonly RfmSegment[];
  return row[r - 1] as RfmSegment;
}

// indexed [FM − 1][R − 1]: the table above, bottom row first
const SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
  ['lost', 'hibernating', 'about_to_sleep', 'promising', 'new_customers'],
  ['lost', 'hibernating', 'about_to_sleep', 'potential_loyalist', 'potential_loyalist'],
  ['at_risk', 'at_risk', 'need_attention', 'potential_loyalist', 'potential_loyalist'],
  ['at_risk', 'at_risk', 'loyal', 'loyal', 'champions'],
  ['cannot_lose', 'cannot_lose', 'loyal', 'loyal', 'champions'],
];

/** 1–5 by mid-rank among `values` (higher is better) for a value that is one of them. */
function quintileScorer(values: readonly number[]): (x: number) => number {
  const sorted = [...values].sort((u, v) => u - v);
  const n = sorted.length;
  return (x) => {
    const below = firstIndexWhere(sorted, (v) => v >= x);
    const equal = firstIndexWhere(sorted, (v) => v > x) - below;
    // (below + equal / 2) / n < 1 whenever x is among the values, so the score stays within 1–5
    return 1 + Math.floor((5 * (below + equal / 2)) / n);
  };
}

/** Binary search on an ascending array for the first index where `test` holds (test is monotone). */
function firstIndexWhere(sorted: readonly number[], test: (v: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(sorted[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function checkRow(row: RfmRow): void {
  if (row.recencyDays !== null && !(Number.isFinite(row.recencyDays) && row.recencyDays >= 0)) {
    throw new RangeError(
      `account ${row.id}: recencyDays must be a non-negative number or null, got ${row.recencyDays}`,
    );
  }
  if (!(Number.isFinite(row.frequency) && row.frequency >= 0)) {
    throw new RangeError(`account ${row.id}: frequency must be a non-negative number, got ${row.frequency}`);
  }
  if (!Number.isFinite(row.monetary)) {
    throw new RangeError(`account ${row.id}: monetary must be a finite number, got ${row.monetary}`);
  }
}
