export { cliPrincipal, importFromCli, parseImportKind, printFields } from './cli.js';
export { fieldsByKind, type ImportKind, importKinds } from './fields.js';
export { importsRoutes } from './imports.routes.js';
export { undoBatch } from './imports.service.js';
export { runImport } from './run-import.js';
