import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { UserRef } from './org.js';

export const ImportKind = z.enum(['accounts', 'contacts', 'products', 'orders', 'payments', 'competitors']);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportField = z.object({
  key: z.string(),
  zh: z.string(),
  en: z.string(),
  required: z.boolean(),
  personal: z.boolean(),
  aliases: z.array(z.string()),
});

export const ImportUpload = z.object({
  uploadId: Id,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'gb18030']).nullable(),
  sheets: z.array(z.string()),
  size: z.number().int(),
});

export const ImportUploadQuery = z.object({ fileName: z.string().trim().min(1).max(255) }).strict();

export const ImportPreviewQuery = z
  .object({
    kind: ImportKind,
    sheet: z.string().max(100).optional(),
    headerRow: z.coerce.number().int().min(1).max(1000).optional(),
    templateId: Id.optional(),
  })
  .strict();

/** file column index (0-based, as text) → target field key */
export const ImportMapping = z.record(z.string().regex(/^\d+$/), z.string().max(60));

export const ImportPreview = z.object({
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  headers: z.array(z.string().nullable()),
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string().nullable()) })),
  mapping: ImportMapping,
  fields: z.array(ImportField),
});

export const StartImport = z
  .object({
    kind: ImportKind,
    sheet: z.string().max(100).optional(),
    headerRow: z.number().int().min(1).max(1000),
    mapping: ImportMapping,
    dryRun: z.boolean(),
    onError: z.enum(['abort', 'skip']).default('abort'),
  })
  .strict();

export const ImportRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string().nullable(),
  reason: z.string(),
});

export const ImportResult = z.object({
  batchId: Id.nullable(),
  status: z.enum(['dry_run', 'committed', 'failed']),
  kind: ImportKind,
  rows: z.number().int(),
  counts: z.record(z.string(), z.number()),
  errorCount: z.number().int(),
  errors: z.array(ImportRowError),
  fileSha256: z.string(),
  seconds: z.number(),
});

export const ImportRun = z.object({
  id: Id,
  state: z.enum(['running', 'done', 'error']),
  rows: z.number().int(),
  percent: z.number(),
  rowsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  phase: z.enum(['reading', 'writing']),
  result: ImportResult.nullable(),
  error: z.string().nullable(),
});

export const ImportBatch = z.object({
  id: Id,
  kind: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  sheet: z.string().nullable(),
  rows: z.number().int(),
  counts: z.record(z.string(), z.number()),
  errorCount: z.number().int(),
  status: z.enum(['committed', 'undone', 'failed']),
  createdBy: UserRef,
  createdAt: IsoDateTime,
  undoneAt: IsoDateTime.nullable(),
});

export const ImportBatchDetail = ImportBatch.extend({ errors: z.array(ImportRowError) });

export const ImportTemplate = z.object({
  id: Id,
  kind: ImportKind,
  name: z.string(),
  headerRow: z.number().int(),
  /** header text → field key */
  mapping: z.record(z.string(), z.string()),
  /** Who saved it: only they, an admin or a director may overwrite or delete it. */
  owner: UserRef,
});

export const SaveImportTemplate = z
  .object({
    kind: ImportKind,
    name: z.string().trim().min(1).max(80),
    headerRow: z.number().int().min(1).max(1000),
    mapping: z.record(z.string().max(200), z.string().max(60)),
  })
  .strict();
