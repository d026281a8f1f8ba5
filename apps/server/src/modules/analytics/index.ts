export { analyticsRoutes } from './analytics.routes.js';
export { latestRunId, latestTier } from './latest.js';
export { paretoPoints } from './portfolio.service.js';
export {
  recomputeRollups,
  refreshAccountRollups,
  refreshRollupsForAccounts,
  rollupReferenceQuery,
} from './rollups.js';
export { runAnalysis } from './runs.service.js';
