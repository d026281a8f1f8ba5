export { eventsRoutes } from './events.routes.js';
export { attendingAccounts } from './events.service.js';
export { clubEvents, eventInvitations, valueAddedServices } from './events.table.js';
