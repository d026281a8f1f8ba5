/**
 * Seeded random numbers for the simulation tests: the same seed gives the same customers on every
 * machine, so a recovery test either always passes or always fails.
 */

export type Random = () => number;

/** Uniform on (0, 1): a Weyl counter through a 32-bit avalanche mix; never exactly 0 or 1. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z = (z ^ (z >>> 16)) >>> 0;
    return (z + 0.5) / 4294967296;
  };
}

export function standardNormal(random: Random): number {
  // Box–Muller; the second variate is dropped to keep the stream simple
  return Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, rate) by Marsaglia & Tsang; shapes below 1 via Gamma(shape + 1) · U^(1/shape). */
export function gammaVariate(random: Random, shape: number, rate: number): number {
  if (shape < 1) return gammaVariate(random, shape + 1, rate) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = standardNormal(random);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function betaVariate(random: Random, a: number, b: number): number {
  const x = gammaVariate(random, a, 1);
  return x / (x + gammaVariate(random, b, 1));
}
