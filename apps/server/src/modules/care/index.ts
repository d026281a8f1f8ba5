export { careRoutes } from './care.routes.js';
export { loadCareConfig, runCare } from './care.service.js';
export { careConfig } from './care.table.js';
export { lunarToSolar, nextOccurrence, solarToLunar } from './lunar.js';
