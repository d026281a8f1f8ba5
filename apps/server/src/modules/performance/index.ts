export { costToServe } from './cost-to-serve.js';
export { ensureBuiltInKpis } from './kpis.service.js';
export { performanceRoutes } from './performance.routes.js';
export { kpiDefinitions, kpiTargets, reviewActions, reviewCauses, reviews } from './performance.table.js';
export { periodRange, previousPeriod, quarterOf } from './periods.js';
export { snapshotGaps } from './reviews.service.js';
export { subjectVisible } from './subjects.js';
