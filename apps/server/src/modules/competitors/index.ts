export { competitorsRoutes } from './competitors.routes.js';
export { competitorPresence, competitors } from './competitors.table.js';
