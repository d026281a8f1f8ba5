export { needsRoutes } from './needs.routes.js';
export { createNeed, getNeed, needTimelineSource } from './needs.service.js';
export { needs } from './needs.table.js';
