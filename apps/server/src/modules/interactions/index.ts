export { interactionsRoutes } from './interactions.routes.js';
export { interactions } from './interactions.table.js';
