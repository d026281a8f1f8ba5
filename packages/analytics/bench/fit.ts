/**
 * How long the BG/NBD and Gamma-Gamma fits take on simulated portfolios of 10,000 and 20,000
 * customers. Run: node --conditions=source --import tsx packages/analytics/bench/fit.ts
 * The reference measured in the same run is one call of the public log-likelihood on the same rows
 * (which checks and groups the rows, then evaluates once), so the ratio compares across machines.
 */
import { bgNbdLogLikelihood, fitBgNbd, fitGammaGamma, gammaGammaLogLikelihood } from '../src/index.js';
import { simulateBgNbd, simulateGammaGamma } from '../src/testing/simulate.js';

const REPEATS = 5;
const BG_NBD = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
const GAMMA_GAMMA = { p: 6, q: 4, gamma: 15 };

function medianMs(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((u, v) => u - v)[Math.floor(REPEATS / 2)] as number;
}

const perFit: Record<string, number> = {};
for (const customers of [10_000, 20_000]) {
  const rows = simulateBgNbd(BG_NBD, customers, 1, { minT: 30, maxT: 80 });
  const fit = fitBgNbd(rows);
  const fitMs = medianMs(() => fitBgNbd(rows));
  const evaluationMs = medianMs(() => bgNbdLogLikelihood(BG_NBD, rows));
  perFit[`bg${customers}`] = fitMs;
  console.log(
    `BG/NBD       ${customers} customers: ${fitMs.toFixed(0)} ms per fit (${(fitMs / evaluationMs).toFixed(0)}× one log-likelihood call), ` +
      `r ${fit.r.toFixed(3)} α ${fit.alpha.toFixed(2)} a ${fit.a.toFixed(3)} b ${fit.b.toFixed(2)}, converged ${fit.converged}`,
  );

  const orders = simulateGammaGamma(GAMMA_GAMMA, customers, 1, [1, 2, 3, 5, 8]);
  const gg = fitGammaGamma(orders);
  const ggMs = medianMs(() => fitGammaGamma(orders));
  const ggEvaluationMs = medianMs(() => gammaGammaLogLikelihood(GAMMA_GAMMA, orders));
  perFit[`gg${customers}`] = ggMs;
  console.log(
    `Gamma-Gamma  ${customers} customers: ${ggMs.toFixed(0)} ms per fit (${(ggMs / ggEvaluationMs).toFixed(0)}× one log-likelihood call), ` +
      `p ${gg.p.toFixed(2)} q ${gg.q.toFixed(2)} γ ${gg.gamma.toFixed(2)}, converged ${gg.converged}`,
  );
}
console.log(
  `20k / 10k: BG/NBD ${((perFit.bg20000 ?? 0) / (perFit.bg10000 ?? 1)).toFixed(2)}×, ` +
    `Gamma-Gamma ${((perFit.gg20000 ?? 0) / (perFit.gg10000 ?? 1)).toFixed(2)}×`,
);
