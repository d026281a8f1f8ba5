/** Small load tools shared by the benchmarks: percentiles, a bounded concurrent runner, a report table. */

export type Stats = { n: number; p50: number; p99: number; mean: number; rps: number };

export function stats(latencies: number[], wallMs: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    n: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    mean: sorted.reduce((s, x) => s + x, 0) / Math.max(sorted.length, 1),
    rps: (sorted.length / wallMs) * 1000,
  };
}

/** Runs `total` calls of `task(i)` with `concurrency` in flight, returning per-call latency in ms. */
export async function runConcurrent(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const t = performance.now();
      await task(i);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return stats(latencies, performance.now() - started);
}

export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
export const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
