export { needsApproval } from './approvals.service.js';
export { exportsRoutes } from './exports.routes.js';
export {
  type ExportFormat,
  type ExportKind,
  exportKinds,
  exportToFile,
  neutralise,
  writeExport,
} from './exports.service.js';
