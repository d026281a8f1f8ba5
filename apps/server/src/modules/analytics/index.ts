export { analyticsRoutes } from './analytics.routes.js';
export { recomputeRollups, refreshAccountRollups, rollupReferenceQuery } from './rollups.js';
export { runAnalysis } from './runs.service.js';
