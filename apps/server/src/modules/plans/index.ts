export { planActionCompletion } from './plan-actions.service.js';
export { contractsRoutes, opportunitiesRoutes, plansRoutes } from './plans.routes.js';
export { accountPlans, contracts, opportunities, planActions, salesTargets } from './plans.table.js';
