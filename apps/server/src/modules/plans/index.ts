export { planActionCompletion } from './plan-actions.service.js';
export type { PlanSnapshot } from './plan-diff.js';
export { contractsRoutes, opportunitiesRoutes, plansRoutes } from './plans.routes.js';
export {
  accountPlans,
  contracts,
  opportunities,
  opportunityContacts,
  planActions,
  planItems,
  planVersions,
  salesTargets,
} from './plans.table.js';
export { planTemplate } from './templates.js';
