/**
 * KA score (DOMAIN.md, formulas): each criterion's value is normalised to [0, 1] and weighted;
 * the weights add up to 100, so the score runs from 0 to 100. The breakdown is returned so the
 * account page can show where the points came from.
 */

export type Normalisation = 'percentile' | 'cap' | 'rating';
/** `invert` marks "lower is better" criteria (days sales outstanding, complaint counts, ...). */
export type ScoreCriterion = {
  key: string;
  weight: number;
  normalisation: Normalisation;
  cap?: number;
  invert?: boolean;
};
export type ScoreContribution = {
  key: string;
  value: number | null;
  normalised: number;
  weight: number;
  points: number;
};
export type ScoredAccount = { id: string; score: number; contributions: ScoreContribution[] };

/** Relative slack on Σ weights = 100, as the configuration checks it. */
const WEIGHT_SUM_TOLERANCE = 1e-6;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Scores every row on every criterion, in input order.
 *
 * - `percentile`: the share of the *other* rows with a value that this row's value is at least as
 *   good as, (count of values ≤ x − 1) / (n − 1), among the rows that have a value. Ties share the
 *   higher rank, so equal values never split, the best row gets 1 and a lone row gets 1.
 *   Inverted, the ranking runs the other way (count of values ≥ x), which keeps ties together too;
 *   a plain 1 − n would hand every tied row the lower rank.
 * - `cap`: value / cap clamped to [0, 1] (a negative value earns nothing).
 * - `rating`: a 1–5 manual rating mapped linearly, (x − 1) / 4, clamped to [0, 1].
 * - `invert` for `cap` and `rating`: 1 − normalised.
 * - A missing value (null or absent) earns 0 points, inverted or not: no data is no merit.
 *
 * points = weight × normalised, kept exact; score = Σ points rounded to 2 decimals.
 */
export function kaScores(
  rows: readonly { id: string; values: Record<string, number | null> }[],
  criteria: readonly ScoreCriterion[],
): ScoredAccount[] {
  checkCriteria(criteria);
  const criterionValue = (row: { values: Record<string, number | null> }, key: string): number | null => {
    const v = Object.hasOwn(row.values, key) ? row.values[key] : undefined;
    if (v === undefined || v === null) return null;
    if (!Number.isFinite(v))
      throw new RangeError(`criterion "${key}": value must be a finite number or null, got ${v}`);
    return v;
  };

  const normalisers = criteria.map((c) => {
    if (c.normalisation !== 'percentile') return (x: number) => normaliseScalar(c, x);
    const sorted = rows
      .map((row) => criterionValue(row, c.key))
      .filter((v): v is number => v !== null)
      .sort((u, v) => u - v);
    return (x: number) => percentileRank(sorted, x, c.invert === true);
  });

  return rows.map((row) => {
    const contributions = criteria.map((c, i): ScoreContribution => {
      const value = criterionValue(row, c.key);
      const normalised = value === null ? 0 : (normalisers[i] as (x: number) => number)(value);
      return { key: c.key, value, normalised, weight: c.weight, points: c.weight * normalised };
    });
    const total = contributions.reduce((s, c) => s + c.points, 0);
    return { id: row.id, score: Math.round(total * 100) / 100, contributions };
  });
}

function checkCriteria(criteria: readonly ScoreCriterion[]): void {
  const keys = new Set<string>();
  for (const c of criteria) {
    if (keys.has(c.key)) throw new RangeError(`criterion "${c.key}" appears more than once`);
    keys.add(c.key);
    if (!Number.isFinite(c.weight) || c.weight < 0) {
      throw new RangeError(`criterion "${c.key}": weight must be a non-negative number, got ${c.weight}`);
    }
    if (c.normalisation === 'cap' && !(c.cap !== undefined && Number.isFinite(c.cap) && c.cap > 0)) {
      throw new RangeError(`criterion "${c.key}": normalisation "cap" needs a positive cap, got ${c.cap}`);
    }
  }
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(sum - 100) > WEIGHT_SUM_TOLERANCE) {
    throw new RangeError(`criterion weights must add up to 100, they add up to ${sum}`);
  }
}

function normaliseScalar(c: ScoreCriterion, x: number): number {
  const n = c.normalisation === 'cap' ? clamp01(x / (c.cap as number)) : clamp01((x - 1) / 4);
  return c.invert ? 1 - n : n;
}

/** (count of values at least as bad as x, less x itself) / (n − 1); `sorted` is ascending and contains x. */
function percentileRank(sorted: readonly number[], x: number, lowerIsBetter: boolean): number {
  const n = sorted.length;
  if (n <= 1) return 1;
  const atLeastAsBad = lowerIsBetter ? n - lowerBound(sorted, x) : upperBound(sorted, x);
  return (atLeastAsBad - 1) / (n - 1);
}

/** First index whose value is ≥ x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
