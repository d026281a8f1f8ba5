export { relationshipsRoutes } from './relationships.routes.js';
