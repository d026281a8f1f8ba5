/** Customers drawn from the models themselves, for the tests that fits recover their parameters. */
import type { BgNbdParams, BgNbdRow } from '../bg-nbd.js';
import type { GammaGammaParams, GammaGammaRow } from '../gamma-gamma.js';
import { betaVariate, gammaVariate, seededRandom } from './random.js';

/**
 * BG/NBD customers: λ ~ Gamma(r, rate α), p ~ Beta(a, b); exponential gaps between orders while
 * alive, a drop-out with probability p after each repeat order, observed for T uniform on
 * [minT, maxT] since the first order (at time 0).
 */
export function simulateBgNbd(
  { r, alpha, a, b }: BgNbdParams,
  customers: number,
  seed: number,
  { minT, maxT }: { minT: number; maxT: number },
): BgNbdRow[] {
  const random = seededRandom(seed);
  return Array.from({ length: customers }, () => {
    const lambda = gammaVariate(random, r, alpha);
    const p = betaVariate(random, a, b);
    const T = minT + (maxT - minT) * random();
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(random()) / lambda;
      if (t > T) break;
      x += 1;
      tx = t;
      if (random() < p) break;
    }
    return { x, tx, T };
  });
}

/**
 * Gamma-Gamma customers: ν ~ Gamma(q, rate γ) per customer, each of its orders worth
 * Gamma(p, rate ν); customer i has orders[i mod orders.length] orders.
 */
export function simulateGammaGamma(
  { p, q, gamma }: GammaGammaParams,
  customers: number,
  seed: number,
  orders: readonly number[],
): GammaGammaRow[] {
  const random = seededRandom(seed);
  return Array.from({ length: customers }, (_, i) => {
    const nu = gammaVariate(random, q, gamma);
    const x = orders[i % orders.length] as number;
    let total = 0;
    for (let k = 0; k < x; k++) total += gammaVariate(random, p, nu);
    return { x, monetary: total / x };
  });
}
