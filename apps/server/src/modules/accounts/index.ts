export { selectSummaries, toAccountSummary } from './accounts.repo.js';
export { accountsRoutes } from './accounts.routes.js';
export { assertAccountInScope, getAccountSummary } from './accounts.service.js';
export { accounts, accountTeam } from './accounts.table.js';
export { type CoverageGap, coverageGap } from './coverage.js';
