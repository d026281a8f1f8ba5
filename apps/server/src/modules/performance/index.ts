export { costToServe } from './cost-to-serve.js';
export { type KpiHook, registerKpiHook } from './measures.js';
export { performanceRoutes } from './performance.routes.js';
export { kpiDefinitions, kpiTargets, reviews } from './performance.table.js';
export { periodRange } from './periods.js';
