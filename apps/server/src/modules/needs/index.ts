export { needsRoutes } from './needs.routes.js';
export { needs } from './needs.table.js';
