/**
 * The generator's only source of randomness: sfc32 (Chris Doty-Humphrey's small fast counter), seeded
 * per purpose and per entity, so a record's values depend on the seed, the purpose and its index and
 * not on how much randomness earlier records happened to draw.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Standard normal. */
  normal(): number;
  /** k distinct items in random order (k capped at the number of items). */
  sample<T>(items: readonly T[], k: number): T[];
  /** A version-4-shaped UUID drawn from this stream. */
  uuid(): string;
};

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32's finaliser: spreads every input bit over the whole word. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(x: number): string {
  return (HEX[(x >>> 24) & 255] as string) + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
}

/** A stream for (seed, purpose, index): the same triple always gives the same sequence. */
export function createRng(seed: number, purpose: string, index = 0): Rng {
  let a = mix32(seed ^ fnv1a(purpose));
  let b = mix32(a ^ index);
  let c = mix32(b + 0x6a09e667);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();

  const float = () => next() / 4294967296;
  const int = (lo: number, hi: number) => lo + Math.floor(float() * (hi - lo + 1));
  let spareNormal: number | undefined;
  const rng: Rng = {
    float,
    int,
    chance: (p) => float() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(float() * items.length)] as T;
    },
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      let total = 0;
      for (const w of weights) total += w;
      let r = float() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i] as T;
      }
      return items[items.length - 1] as T;
    },
    normal: () => {
      if (spareNormal !== undefined) {
        const z = spareNormal;
        spareNormal = undefined;
        return z;
      }
      const u = 1 - float();
      const v = float();
      const radius = Math.sqrt(-2 * Math.log(u));
      spareNormal = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    sample: <T>(items: readonly T[], k: number): T[] => {
      const copy = items.slice();
      const n = Math.min(k, copy.length);
      for (let i = 0; i < n; i++) {
        const j = int(i, copy.length - 1);
        const tmp = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = tmp;
      }
      return copy.slice(0, n);
    },
    uuid: () => {
      const w1 = next();
      const w2 = (next() & 0xffff0fff) | 0x00004000;
      const w3 = (next() & 0x3fffffff) | 0x80000000;
      const w4 = next();
      const h2 = hex32(w2);
      const h3 = hex32(w3);
      return `${hex32(w1)}-${h2.slice(0, 4)}-${h2.slice(4)}-${h3.slice(0, 4)}-${h3.slice(4)}${hex32(w4)}`;
    },
  };
  return rng;
}

/** A picker over fixed weights, O(log n) per draw, for the hot loops. */
export function weightedPicker<T>(items: readonly T[], weights: readonly number[]): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    cumulative.push(total);
  }
  return (rng) => {
    const r = rng.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

/**
 * A bijection on [0, 10^digits) that looks random: distinct counters give distinct, scattered numbers
 * (used for phone numbers and organisation codes, which must be unique across the data set).
 */
export function scatter(counter: number, digits: number, salt: number): number {
  const modulus = 10 ** digits;
  // 7 919 and 104 729 are primes, coprime with 10^digits, so both steps are bijections.
  let x = (counter * 7919 + salt) % modulus;
  x = (x * 104729 + 12345) % modulus;
  return x;
}
