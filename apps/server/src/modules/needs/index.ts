export { needsRoutes } from './needs.routes.js';
export { needTimelineSource } from './needs.service.js';
export { needs } from './needs.table.js';
