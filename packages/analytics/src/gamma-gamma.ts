/**
 * Gamma-Gamma model of order value (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie's
 * note on the model): each order of an account is worth Gamma(p, rate ν), and ν varies across
 * accounts as Gamma(q, rate γ). An account's mean order value is then shrunk towards the
 * population mean, the more the fewer orders it has.
 */
import { nelderMead } from './optimise.js';
import { lnGamma } from './special-functions.js';

/** x: the number of orders behind `monetary`, their mean value (the paper's repeat purchases). */
export type GammaGammaRow = { x: number; monetary: number };
export type GammaGammaParams = { p: number; q: number; gamma: number };
export type GammaGammaFit = GammaGammaParams & { logLikelihood: number; iterations: number; converged: boolean };

type Prepared = {
  x: number[];
  lnX: number[];
  monetary: number[];
  lnMonetary: number[];
  xIndex: number[];
  distinctX: number[];
};

/**
 * Σ ln f(m̄ | x) over the rows with x > 0, where
 *   f(m̄ | p, q, γ, x) = Γ(px + q) / (Γ(px) Γ(q)) · γ^q · m̄^(px−1) · x^(px) / (γ + m̄x)^(px+q).
 * Rows with x = 0 have no mean order value to explain and add nothing.
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly GammaGammaRow[]): number {
  checkParams(params);
  rows.forEach(checkRow);
  return logLikelihood(params, prepare(rows));
}

/**
 * Maximum-likelihood fit by Nelder–Mead over the log-parameters. Rows with x = 0 are ignored (no
 * order value observed beyond the first order). Starts at p = 1, q = 2, γ = the mean of the
 * monetary values, which puts the population mean pγ / (q − 1) on the observed one; two more
 * starts are tried if the search does not converge.
 */
export function fitGammaGamma(rows: readonly GammaGammaRow[]): GammaGammaFit {
  rows.forEach(checkRow);
  const used = rows.filter((row) => row.x > 0);
  if (used.length === 0) throw new RangeError('fitGammaGamma needs at least one row with x > 0');
  const prepared = prepare(used);
  const mean = used.reduce((s, row) => s + row.monetary, 0) / used.length;

  const objective = (theta: readonly number[]) => {
    if (theta.some((v) => Math.abs(v) > 30)) return Number.POSITIVE_INFINITY;
    const [p, q, gamma] = theta.map(Math.exp) as [number, number, number];
    return -logLikelihood({ p, q, gamma }, prepared);
  };
  const starts = [
    [1, 2, mean],
    [0.5, 1.5, mean / 2],
    [4, 4, mean * 0.75],
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
  const [p, q, gamma] = found.x.map(Math.exp) as [number, number, number];
  return { p, q, gamma, logLikelihood: -found.value, iterations, converged: found.converged };
}

/**
 * E[M | p, q, γ, m̄, x] = (γ + m̄x) p / (px + q − 1): a weighted mean of the population mean
 * pγ / (q − 1), weight (q − 1) / (px + q − 1), and the account's own m̄. With x = 0 it is the
 * population mean, which exists only for q > 1.
 */
export function gammaGammaExpectedValue(params: GammaGammaParams, row: GammaGammaRow): number {
  checkParams(params);
  checkRow(row);
  const { p, q, gamma } = params;
  const x = row.x;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    throw new RangeError(`the expected order value is infinite for q = ${q} with x = ${x} (needs px + q > 1)`);
  }
  return x === 0 ? (p * gamma) / denominator : ((gamma + row.monetary * x) * p) / denominator;
}

function logLikelihood({ p, q, gamma }: GammaGammaParams, d: Prepared): number {
  const lnGammaQ = lnGamma(q);
  const qLnGamma = q * Math.log(gamma);
  const perX = d.distinctX.map((x) => lnGamma(p * x + q) - lnGamma(p * x) - lnGammaQ + qLnGamma);
  let total = 0;
  for (let i = 0; i < d.x.length; i++) {
    const px = p * (d.x[i] as number);
    const m = d.monetary[i] as number;
    total +=
      (perX[d.xIndex[i] as number] as number) +
      (px - 1) * (d.lnMonetary[i] as number) +
      px * (d.lnX[i] as number) -
      (px + q) * Math.log(gamma + m * (d.x[i] as number));
  }
  return total;
}

function prepare(rows: readonly GammaGammaRow[]): Prepared {
  const d: Prepared = { x: [], lnX: [], monetary: [], lnMonetary: [], xIndex: [], distinctX: [] };
  const xIndexOf = new Map<number, number>();
  for (const { x, monetary } of rows) {
    if (x === 0) continue;
    let k = xIndexOf.get(x);
    if (k === undefined) {
      k = d.distinctX.length;
      xIndexOf.set(x, k);
      d.distinctX.push(x);
    }
    d.x.push(x);
    d.lnX.push(Math.log(x));
    d.monetary.push(monetary);
    d.lnMonetary.push(Math.log(monetary));
    d.xIndex.push(k);
  }
  return d;
}

function checkParams({ p, q, gamma }: GammaGammaParams): void {
  for (const [name, v] of Object.entries({ p, q, gamma })) {
    if (!(Number.isFinite(v) && v > 0))
      throw new RangeError(`Gamma-Gamma parameter ${name} must be positive, got ${v}`);
  }
}

function checkRow(row: GammaGammaRow, i?: number): void {
  const where = `Gamma-Gamma row${i === undefined ? '' : ` ${i}`} (x ${row.x}, monetary ${row.monetary})`;
  if (!(Number.isInteger(row.x) && row.x >= 0)) throw new RangeError(`${where}: x must be a non-negative integer`);
  if (row.x > 0 && !(Number.isFinite(row.monetary) && row.monetary > 0)) {
    throw new RangeError(`${where}: monetary must be a positive number when x > 0`);
  }
}
