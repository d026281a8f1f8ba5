export { orgRoutes } from './org.routes.js';
export { findOrgUnit, insertOrgUnit, listOrgUnits, type OrgUnitRow } from './org.service.js';
export { orgUnits } from './org.table.js';
