export { lookupRoutes } from './lookup.routes.js';
