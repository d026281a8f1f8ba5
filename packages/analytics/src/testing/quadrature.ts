/**
 * Double-exponential quadrature for the tests that check closed forms against their defining
 * integrals. It copes with the integrable endpoint singularities those integrals have
 * (λ^(r−1) with r < 1, p^(a−1) with a < 1) without special handling, and its trapezoid core is
 * spectrally accurate on the smooth peaks in between.
 */

// nodes closer than this to an endpoint (or beyond it towards infinity) add nothing measurable
const SMALLEST_OFFSET = 1e-300;
const LARGEST = 1e300;

/** ∫ f over [lo, hi] by tanh-sinh: x = mid + half-width · tanh((π/2) sinh t). */
export function integrate(f: (x: number) => number, lo: number, hi: number, step = 1 / 32): number {
  const width = hi - lo;
  let sum = 0;
  for (let k = 0; ; k++) {
    const t = k * step;
    const u = (Math.PI / 2) * Math.sinh(t);
    const e = Math.exp(-2 * u);
    // distance of the node from the nearer endpoint, as a share of the width: (1 − tanh u) / 2
    const offset = e / (1 + e);
    if (offset * width < SMALLEST_OFFSET) break;
    // dx/dt = width/2 · (π/2) cosh t · sech² u, with sech² u = 4e / (1 + e)²
    const weight = ((width / 2) * (Math.PI / 2) * Math.cosh(t) * 4 * e) / ((1 + e) * (1 + e));
    if (k === 0) {
      sum += weight * f(lo + width / 2);
      continue;
    }
    // a node that rounds onto an endpoint would evaluate a singularity; its share is below rounding
    const left = lo + width * offset;
    const right = hi - width * offset;
    if (left > lo) sum += weight * f(left);
    if (right < hi) sum += weight * f(right);
  }
  return sum * step;
}

/**
 * ∫ f over [0, ∞) by exp-sinh: x = scale · exp((π/2) sinh t). `scale` should sit where f's mass
 * is; the default step puts about three nodes in each standard deviation of a peak as narrow as
 * a gamma density of shape 200.
 */
export function integrateToInfinity(f: (x: number) => number, scale: number, step = 1 / 64): number {
  let sum = 0;
  for (const direction of [1, -1]) {
    for (let k = direction === 1 ? 0 : 1; ; k++) {
      const t = direction * k * step;
      const x = scale * Math.exp((Math.PI / 2) * Math.sinh(t));
      if (x < SMALLEST_OFFSET || x > LARGEST) break;
      const value = f(x);
      if (value !== 0) sum += value * x * (Math.PI / 2) * Math.cosh(t);
    }
  }
  return sum * step;
}
