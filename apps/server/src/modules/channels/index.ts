export { channelsRoutes } from './channels.routes.js';
export { accountAgents, agents, agentTerritories, registrations } from './channels.table.js';
export { companyMailDomain, companyNameKey } from './company-name.js';
export {
  decideRegistration,
  expireRegistrations,
  registrationScope,
  submitRegistration,
} from './registrations.service.js';
