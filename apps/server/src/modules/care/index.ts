export { careRoutes } from './care.routes.js';
export { runCare } from './care.service.js';
export { careConfig } from './care.table.js';
export { lunarToSolar, nextOccurrence, solarToLunar } from './lunar.js';
