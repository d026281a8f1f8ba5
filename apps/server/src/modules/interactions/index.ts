export { interactionsRoutes } from './interactions.routes.js';
export { interactionTimelineSource } from './interactions.service.js';
export { interactions } from './interactions.table.js';
