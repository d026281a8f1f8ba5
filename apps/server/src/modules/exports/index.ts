export { needsApproval } from './approvals.service.js';
export { type ExportKind, exportKinds } from './export-lists.js';
export { exportsRoutes } from './exports.routes.js';
export { exportToFile, neutralise, writeExport } from './exports.service.js';
