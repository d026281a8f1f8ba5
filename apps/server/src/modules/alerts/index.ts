export { alertsRoutes } from './alerts.routes.js';
export { type DeliveryOptions, pushNewAlerts, sendDigests } from './delivery.service.js';
export { evaluateAlerts } from './evaluate.js';
export { thresholds as alertThresholds } from './settings.js';
