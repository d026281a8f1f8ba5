export { contactsRoutes } from './contacts.routes.js';
export { type ContactRow, contactSelect, toContactSummary } from './contacts.service.js';
export { contactPhones, contacts } from './contacts.table.js';
