/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive, an
 * account orders as a Poisson process with rate λ ~ Gamma(r, rate α); after each repeat order it
 * drops out with probability p ~ Beta(a, b). From each account's history (x repeat orders, the last
 * at tx, observed for T since its first order) the model gives the expected number of future
 * orders and the probability that the account is still alive. Time units are the caller's (the
 * server uses weeks); only their consistency matters.
 */
import { nelderMead } from './optimise.js';
import { lnBeta, lnGamma } from './special-functions.js';

export type BgNbdRow = { x: number; tx: number; T: number };
export type BgNbdParams = { r: number; alpha: number; a: number; b: number };
export type BgNbdFit = BgNbdParams & { logLikelihood: number; iterations: number; converged: boolean };

/** Identical histories collapse into one group; order data in weeks or days repeats a lot. */
type Groups = {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  count: Float64Array;
  xIndex: Int32Array;
  distinctX: number[];
};

/** Σ ln L(r, α, a, b | x, tx, T) over the rows: the paper's likelihood of a customer, in log space. */
export function bgNbdLogLikelihood(params: BgNbdParams, rows: readonly BgNbdRow[]): number {
  checkParams(params);
  rows.forEach(checkRow);
  return logLikelihood(params, groupRows(rows));
}

/**
 * Maximum-likelihood fit by Nelder–Mead over the log-parameters, so every trial point is valid.
 * Starts at r = 1, α = (Σ T) / (Σ x) (the mean time per repeat order, i.e. the observed rate),
 * a = b = 1, and tries two more starts if the search does not converge; the best point wins.
 * Refuses rows without a single repeat order: the purchase rate is not identified then.
 */
export function fitBgNbd(rows: readonly BgNbdRow[]): BgNbdFit {
  rows.forEach(checkRow);
  const repeatOrders = rows.reduce((s, row) => s + row.x, 0);
  if (repeatOrders === 0) throw new RangeError('fitBgNbd needs at least one repeat order (some row with x > 0)');
  const groups = groupRows(rows);
  const meanGap = rows.reduce((s, row) => s + row.T, 0) / repeatOrders;

  const objective = (theta: readonly number[]) => {
    // beyond e^±30 the parameters mean nothing and the gamma functions lose their digits
    if (theta.some((v) => Math.abs(v) > 30)) return Number.POSITIVE_INFINITY;
    const [r, alpha, a, b] = theta.map(Math.exp) as [number, number, number, number];
    return -logLikelihood({ r, alpha, a, b }, groups);
  };
  const starts = [
    [1, meanGap, 1, 1],
    [0.5, meanGap / 2, 0.5, 2],
    [2, meanGap * 2, 2, 0.5],
  ];
  let best: ReturnType<typeof nelderMead> | null = null;
  let iterations = 0;
  for (const start of starts) {
    const result = nelderMead(objective, start.map(Math.log));
    iterations += result.iterations;
    if (!best || result.value < best.value || (result.converged && !best.converged && result.value <= best.value)) {
      best = result;
    }
    if (result.converged) break;
  }
  const found = best as ReturnType<typeof nelderMead>;
  const [r, alpha, a, b] = found.x.map(Math.exp) as [number, number, number, number];
  return { r, alpha, a, b, logLikelihood: -found.value, iterations, converged: found.converged };
}

/**
 * P(alive | x, tx, T) = 1 / (1 + δ(x > 0) · a / (b + x − 1) · ((α + T) / (α + tx))^(r + x)).
 * An account without repeat orders has had no chance to drop out, so it is alive with certainty.
 */
export function bgNbdProbabilityAlive(params: BgNbdParams, row: BgNbdRow): number {
  checkParams(params);
  checkRow(row);
  return Math.exp(lnProbabilityAlive(params, row));
}

/**
 * E[X(t) | x, tx, T] (eq. 10): orders expected in the next t time units
 *
 *   (a + b + x − 1) / (a − 1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)] · P(alive),
 *   z = t / (α + T + t).
 *
 * The 2F1 term is evaluated after Euler's transformation, 2F1(A, B; C; z) = (1−z)^(C−A−B) ·
 * 2F1(C−A, C−B; C; z), which turns the product into (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z).
 * Its first two parameters do not depend on x and its third grows with x, so it converges quickly
 * where the original's terms grow like n^(r+x) (and overflow for accounts with hundreds of orders).
 * Splitting off the leading 1 of that series, (a−1) cancels analytically, so a = 1 is no special case.
 * With x = tx = T = 0 this is the unconditional E[X(t)] of a new account.
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number, row: BgNbdRow): number {
  checkParams(params);
  checkRow(row);
  if (!(Number.isFinite(t) && t >= 0)) throw new RangeError(`t must be a non-negative number, got ${t}`);
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const { x, T } = row;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const lnOneMinusZ = -Math.log1p(t / (alpha + T));
  const series = hypergeometricTail(a + b - 1 - r, a, c, z);
  const aMinus1 = a - 1;
  // (1 − (1−z)^(a−1)) / (a − 1), whose limit at a = 1 is −ln(1 − z)
  const head = aMinus1 === 0 ? -lnOneMinusZ : -Math.expm1(aMinus1 * lnOneMinusZ) / aMinus1;
  const aliveExpectation = c * (head - Math.exp(aMinus1 * lnOneMinusZ) * series);
  return aliveExpectation * Math.exp(lnProbabilityAlive(params, row));
}

/**
 * G = Σ_{n≥1} (A)_n (a)_(n−1) zⁿ / ((c)_n n!), so that 2F1(A, a−1; c; z) = 1 + (a − 1) G.
 * Terms are summed until the rest, bounded by a geometric series with the larger of the current
 * term ratio and its limit z, is below double precision; a z so close to 1 that this takes over a
 * million terms (t ≫ α + T) is refused rather than answered wrongly.
 */
function hypergeometricTail(A: number, a: number, c: number, z: number): number {
  if (z === 0) return 0;
  let term = (A * z) / c;
  let sum = term;
  for (let n = 1; n < 1_000_000; n++) {
    const ratio = ((A + n) * (a + n - 1) * z) / ((c + n) * (n + 1));
    const bound = Math.max(Math.abs(ratio), z);
    if (bound < 1 && Math.abs(term) * (bound / (1 - bound)) <= 1e-16 * Math.abs(sum)) return sum;
    if (term === 0) return sum;
    term *= ratio;
    sum += term;
  }
  throw new RangeError(`the 2F1 series did not converge for z = ${z}: the horizon is too long for α + T`);
}

function lnProbabilityAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: BgNbdRow): number {
  if (x === 0) return 0;
  const lnOdds = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return -softplus(lnOdds);
}

/** ln(1 + e^d), exact for large d. */
function softplus(d: number): number {
  return d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
}

/**
 * ln L = ln[Γ(r+x) α^r / Γ(r)] + ln[B(a, b+x) / B(a, b)] − (r+x) ln(α+T)
 *        + ln(1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tx))^(r+x)),
 * the paper's sum of the "still alive" and "dropped out after the last order" terms with the
 * first factored out; the terms that depend on x only are computed once per distinct x.
 */
function logLikelihood({ r, alpha, a, b }: BgNbdParams, g: Groups): number {
  const lnAlpha = Math.log(alpha);
  const base = lnBeta(a, b) + lnGamma(r) - r * lnAlpha;
  const perX = Float64Array.from(g.distinctX, (x) => lnGamma(r + x) + lnBeta(a, b + x) - base);
  const dropShift = Float64Array.from(g.distinctX, (x) => (x > 0 ? Math.log(a / (b + x - 1)) : 0));
  const { x, tx, T, count, xIndex } = g;
  let total = 0;
  for (let i = 0; i < count.length; i++) {
    // typed arrays read in range, so the indexing cannot be undefined
    const xi = x[i] as number;
    const k = xIndex[i] as number;
    const rx = r + xi;
    const lnAlphaT = Math.log(alpha + (T[i] as number));
    let ll = (perX[k] as number) - rx * lnAlphaT;
    if (xi > 0) {
      const d = (dropShift[k] as number) + rx * (lnAlphaT - Math.log(alpha + (tx[i] as number)));
      ll += d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
    }
    total += (count[i] as number) * ll;
  }
  return total;
}

function groupRows(rows: readonly BgNbdRow[]): Groups {
  const index = new Map<string, number>();
  const xIndexOf = new Map<number, number>();
  const first: BgNbdRow[] = [];
  const count: number[] = [];
  for (const row of rows) {
    const key = `${row.x}|${row.tx}|${row.T}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, first.length);
      first.push(row);
      count.push(1);
    } else count[at] = (count[at] as number) + 1;
  }
  const distinctX: number[] = [];
  const xIndex = new Int32Array(first.length);
  first.forEach(({ x }, i) => {
    let k = xIndexOf.get(x);
    if (k === undefined) {
      k = distinctX.length;
      xIndexOf.set(x, k);
      distinctX.push(x);
    }
    xIndex[i] = k;
  });
  return {
    x: Float64Array.from(first, (row) => row.x),
    tx: Float64Array.from(first, (row) => row.tx),
    T: Float64Array.from(first, (row) => row.T),
    count: Float64Array.from(count),
    xIndex,
    distinctX,
  };
}

function checkParams({ r, alpha, a, b }: BgNbdParams): void {
  for (const [name, v] of Object.entries({ r, alpha, a, b })) {
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`BG/NBD parameter ${name} must be positive, got ${v}`);
  }
}

function checkRow(row: BgNbdRow, i?: number): void {
  const { x, tx, T } = row;
  const where = `BG/NBD row${i === undefined ? '' : ` ${i}`} (x ${x}, tx ${tx}, T ${T})`;
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`${where}: x must be a non-negative integer`);
  if (!(Number.isFinite(T) && T >= 0)) throw new RangeError(`${where}: T must be a non-negative number`);
  if (!(Number.isFinite(tx) && tx >= 0 && tx <= T)) throw new RangeError(`${where}: tx must be within [0, T]`);
}
