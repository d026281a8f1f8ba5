import { z } from 'zod';

/** The lists that export to a file; the server declares each one's rows, filters and columns. */
export const ExportKind = z.enum([
  'accounts',
  'contacts',
  'order-lines',
  'payments',
  'products',
  'needs',
  'alerts',
  'complaints',
  'tasks',
  'interactions',
  'surveys',
]);
export type ExportKind = z.infer<typeof ExportKind>;

/** vCard is for contacts only. */
export const ExportFormat = z.enum(['csv', 'xlsx', 'vcf']);
export type ExportFormat = z.infer<typeof ExportFormat>;
