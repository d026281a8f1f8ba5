/**
 * Nelder–Mead simplex minimisation for the maximum-likelihood fits. The likelihoods have only three
 * or four parameters and no convenient gradients (2F1 and digamma terms), so a derivative-free
 * method is the simple, robust choice; the fits run it over log-parameters so every point is valid.
 */

export type NelderMeadOptions = {
  /** Edge length of the starting simplex along each axis. */
  initialStep?: number;
  /** Stop when the simplex values differ by less than this, relative to |best| (plus the same absolute). */
  fTolerance?: number;
  /** ... and every vertex lies within this distance of the best on each axis. */
  xTolerance?: number;
  /** Iterations over all runs together. */
  maxIterations?: number;
  /** Fresh simplices around the best point after the first run converged. */
  maxRestarts?: number;
};

export type Minimum = { x: number[]; value: number; iterations: number; converged: boolean };

type Vertex = { x: number[]; value: number };

const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

/**
 * Minimises `f` from `start`. A non-finite value counts as +∞, so the objective may reject points
 * it cannot evaluate. After convergence the search restarts from the best point with a fresh
 * simplex, because a collapsed simplex can stall short of the minimum; it stops when a restart no
 * longer improves the value beyond the tolerance.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): Minimum {
  const { initialStep = 0.5, fTolerance = 1e-10, xTolerance = 1e-6, maxIterations = 5000, maxRestarts = 5 } = options;
  const evaluate = (x: number[]): Vertex => {
    const value = f(x);
    return { x, value: Number.isFinite(value) ? value : Number.POSITIVE_INFINITY };
  };

  let best = evaluate([...start]);
  let iterations = 0;
  for (let run = 0; run <= maxRestarts; run++) {
    const result = simplexRun(evaluate, best, initialStep, fTolerance, xTolerance, maxIterations - iterations);
    iterations += result.iterations;
    const improvement = best.value - result.best.value;
    const previous = best;
    best = result.best;
    if (!result.converged) return { x: best.x, value: best.value, iterations, converged: false };
    // the first run has nothing to compare with; later ones confirm the point is a minimum
    if (run > 0 && improvement <= fTolerance * (Math.abs(previous.value) + 1)) {
      return { x: best.x, value: best.value, iterations, converged: true };
    }
  }
  return { x: best.x, value: best.value, iterations, converged: false };
}

function simplexRun(
  evaluate: (x: number[]) => Vertex,
  start: Vertex,
  step: number,
  fTolerance: number,
  xTolerance: number,
  maxIterations: number,
): { best: Vertex; iterations: number; converged: boolean } {
  const n = start.x.length;
  const simplex: Vertex[] = [start];
  for (let i = 0; i < n; i++) {
    const x = [...start.x];
    x[i] = (x[i] as number) + step;
    simplex.push(evaluate(x));
  }

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    simplex.sort((u, v) => u.value - v.value);
    const best = simplex[0] as Vertex;
    const worst = simplex[n] as Vertex;
    const secondWorst = simplex[n - 1] as Vertex;
    if (hasConverged(simplex, fTolerance, xTolerance)) return { best, iterations: iteration, converged: true };

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const v = simplex[i] as Vertex;
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (v.x[j] as number) / n;
    }
    const towards = (coefficient: number) =>
      evaluate(centroid.map((c, j) => c + coefficient * (c - (worst.x[j] as number))));

    const reflected = towards(REFLECT);
    if (reflected.value < best.value) {
      const expanded = towards(EXPAND);
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < secondWorst.value) {
      simplex[n] = reflected;
    } else {
      // contract on the better side of the worst point: outside if the reflection helped at all
      const contracted = reflected.value < worst.value ? towards(CONTRACT * REFLECT) : towards(-CONTRACT);
      if (contracted.value < Math.min(worst.value, reflected.value)) {
        simplex[n] = contracted;
      } else {
        for (let i = 1; i <= n; i++) {
          const v = simplex[i] as Vertex;
          simplex[i] = evaluate(v.x.map((x, j) => (best.x[j] as number) + SHRINK * (x - (best.x[j] as number))));
        }
      }
    }
  }
  simplex.sort((u, v) => u.value - v.value);
  return { best: simplex[0] as Vertex, iterations: maxIterations, converged: false };
}

function hasConverged(sorted: readonly Vertex[], fTolerance: number, xTolerance: number): boolean {
  const best = sorted[0] as Vertex;
  const worst = sorted[sorted.length - 1] as Vertex;
  if (!Number.isFinite(worst.value)) return false;
  if (worst.value - best.value > fTolerance * (Math.abs(best.value) + 1)) return false;
  return sorted.every((v) => v.x.every((x, j) => Math.abs(x - (best.x[j] as number)) <= xTolerance));
}
