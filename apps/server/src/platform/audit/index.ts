export { audit } from './audit.js';
export { auditLog } from './audit.table.js';
