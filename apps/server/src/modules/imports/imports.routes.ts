import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  IdParams,
  ImportBatch,
  ImportBatchDetail,
  ImportField,
  ImportKind,
  ImportPreview,
  ImportPreviewQuery,
  ImportRun,
  ImportTemplate,
  ImportUpload,
  ImportUploadQuery,
  SaveImportTemplate,
  StartImport,
} from '@kamap/contracts';
import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { guessHeaderRow, suggestMapping } from './fields.js';
import {
  deleteTemplate,
  getBatch,
  listBatches,
  listFields,
  listTemplates,
  mappingFromTemplate,
  saveTemplate,
  undoBatch,
} from './imports.service.js';
import { type FileFormat, inspectFile, previewRows } from './read-file.js';
import { type ImportProgress, type ImportResult, runImport } from './run-import.js';
import type { RowError } from './staging.js';

const tags = ['imports'];
const MAX_UPLOAD = 512 * 1024 * 1024;

type Upload = { path: string; fileName: string; format: FileFormat; userId: string; at: number };
type Run = {
  userId: string;
  started: number;
  progress: ImportProgress;
  result: ImportResult | null;
  error: string | null;
};

/** Uploads and runs live in this process for a day: the wizard is one sitting; history is in the database. */
const uploads = new Map<string, Upload>();
const runs = new Map<string, Run>();
const uploadDir = join(tmpdir(), 'kamap-imports');

function forget() {
  const old = Date.now() - 24 * 3600_000;
  for (const [id, u] of uploads) {
    if (u.at < old) {
      rmSync(u.path, { force: true });
      uploads.delete(id);
    }
  }
  for (const [id, r] of runs) if (r.started < old) runs.delete(id);
}

function upload(id: string, userId: string): Upload {
  const found = uploads.get(id);
  if (!found || found.userId !== userId) throw AppError.notFound('Upload');
  return found;
}

async function errorsWorkbook(errors: RowError[]): Promise<PassThrough> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = book.addWorksheet('错误 Errors');
  sheet.columns = [
    { header: '行 Row', key: 'row', width: 8 },
    { header: '列 Column', key: 'column', width: 20 },
    { header: '值 Value', key: 'value', width: 30 },
    { header: '原因 Reason', key: 'reason', width: 60 },
  ];
  for (const e of errors) sheet.addRow({ ...e, value: e.value === null ? '' : neutralise(e.value) }).commit();
  sheet.commit();
  void book.commit();
  return out;
}

/** A value a spreadsheet would run as a formula is kept as text. */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const importsRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, opts) => {
  const { database } = opts;
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

  app.get(
    '/imports/fields/:kind',
    {
      schema: {
        tags,
        summary: 'The target fields of an import kind, with the headers recognised for each',
        params: z.object({ kind: ImportKind }).strict(),
        response: { 200: z.object({ items: z.array(ImportField) }) },
      },
    },
    async (req) => ({ items: listFields(req.params.kind) }),
  );

  app.post(
    '/imports/uploads',
    {
      schema: {
        tags,
        summary: 'Upload a .xlsx or .csv file (raw body, application/octet-stream); streamed to disk',
        querystring: ImportUploadQuery,
        response: { 201: ImportUpload },
      },
    },
    async (req, reply) => {
      forget();
      mkdirSync(uploadDir, { recursive: true });
      const id = randomUUID();
      const path = join(uploadDir, id);
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          done(size > MAX_UPLOAD ? AppError.invalid('file', 'larger than 512 MB: use the CLI') : null, chunk);
        },
      });
      if (!req.body || typeof (req.body as NodeJS.ReadableStream).pipe !== 'function') {
        throw AppError.invalid('file', 'send the file as the request body (application/octet-stream)');
      }
      try {
        await pipeline(req.body as NodeJS.ReadableStream, limit, createWriteStream(path));
        const info = await inspectFile(path, req.query.fileName);
        uploads.set(id, {
          path,
          fileName: req.query.fileName,
          format: info.format,
          userId: req.ctx.user.id,
          at: Date.now(),
        });
        return reply.code(201).send({ uploadId: id, fileName: req.query.fileName, ...info });
      } catch (err) {
        rmSync(path, { force: true });
        throw err;
      }
    },
  );

  app.get(
    '/imports/uploads/:id/preview',
    {
      schema: {
        tags,
        summary: 'The first rows of an upload with the header row and column mapping suggested (or from a template)',
        params: IdParams,
        querystring: ImportPreviewQuery,
        response: { 200: ImportPreview },
      },
    },
    async (req) => {
      const file = upload(req.params.id, req.ctx.user.id);
      const rows = await previewRows(file.path, file.format, req.query.sheet, 30);
      const template = req.query.templateId
        ? (await listTemplates(req.ctx, req.query.kind)).items.find((t) => t.id === req.query.templateId)
        : undefined;
      if (req.query.templateId && !template) throw AppError.notFound('Import template');
      const headerRow = req.query.headerRow ?? template?.headerRow ?? guessHeaderRow(req.query.kind, rows);
      const headers = (rows.find((r) => r.row === headerRow)?.cells ?? []).map((c) => (c === null ? null : String(c)));
      return {
        sheet: req.query.sheet ?? null,
        headerRow,
        headers,
        rows: rows.map((r) => ({
          row: r.row,
          cells: r.cells.map((c) => (c === null ? null : c instanceof Date ? c.toISOString().slice(0, 10) : String(c))),
        })),
        mapping: template ? mappingFromTemplate(template.mapping, headers) : suggestMapping(req.query.kind, headers),
        fields: listFields(req.query.kind),
      };
    },
  );

  app.post(
    '/imports/uploads/:id/runs',
    {
      schema: {
        tags,
        summary: 'Start a dry run or a commit of an upload; poll the run for progress and result',
        params: IdParams,
        body: StartImport,
        response: { 202: z.object({ runId: z.uuid() }) },
      },
    },
    async (req, reply) => {
      const file = upload(req.params.id, req.ctx.user.id);
      const id = randomUUID();
      const run: Run = {
        userId: req.ctx.user.id,
        started: Date.now(),
        progress: { rows: 0, bytesRead: 0, bytes: 1, phase: 'reading' },
        result: null,
        error: null,
      };
      runs.set(id, run);
      runImport(
        database,
        req.ctx.user,
        { path: file.path, fileName: file.fileName, format: file.format, ...req.body },
        (p) => {
          run.progress = p;
        },
      ).then(
        (result) => {
          run.result = result;
        },
        (err: Error) => {
          run.error = err instanceof AppError ? err.message : `import failed: ${err.message}`;
          if (!(err instanceof AppError)) req.log.error(err);
        },
      );
      return reply.code(202).send({ runId: id });
    },
  );

  app.get(
    '/imports/runs/:id',
    {
      schema: {
        tags,
        summary: 'Progress of an import run: rows, rows/s, ETA, and its result',
        params: IdParams,
        response: { 200: ImportRun },
      },
    },
    async (req) => {
      const run = runs.get(req.params.id);
      if (!run || run.userId !== req.ctx.user.id) throw AppError.notFound('Import run');
      const secs = Math.max((Date.now() - run.started) / 1000, 0.001);
      const share = run.progress.bytesRead / Math.max(run.progress.bytes, 1);
      return {
        id: req.params.id,
        state: run.result ? ('done' as const) : run.error ? ('error' as const) : ('running' as const),
        rows: run.result?.rows ?? run.progress.rows,
        percent: run.result ? 100 : Math.round(share * 100),
        rowsPerSecond: Math.round((run.result?.rows ?? run.progress.rows) / (run.result?.seconds ?? secs)),
        etaSeconds: run.result || share <= 0 || share >= 1 ? null : Math.ceil((secs / share) * (1 - share)),
        phase: run.progress.phase,
        result: run.result,
        error: run.error,
      };
    },
  );

  app.get(
    '/imports/runs/:id/errors.xlsx',
    { schema: { tags, summary: 'The errors of a run (row, column, value, reason) as a workbook', params: IdParams } },
    async (req, reply) => {
      const run = runs.get(req.params.id);
      if (!run?.result || run.userId !== req.ctx.user.id) throw AppError.notFound('Import run');
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="import-errors-${req.params.id.slice(0, 8)}.xlsx"`);
      return reply.send(await errorsWorkbook(run.result.errors));
    },
  );

  app.get(
    '/imports/batches',
    {
      schema: {
        tags,
        summary: 'Import history: who, when, file hash, counts',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }).strict(),
        response: { 200: z.object({ items: z.array(ImportBatch), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => listBatches(req.ctx, req.query),
  );

  app.get(
    '/imports/batches/:id',
    {
      schema: {
        tags,
        summary: 'One import batch with its errors',
        params: IdParams,
        response: { 200: ImportBatchDetail },
      },
    },
    async (req) => getBatch(req.ctx, req.params.id),
  );

  app.get(
    '/imports/batches/:id/errors.xlsx',
    { schema: { tags, summary: 'The errors of a batch as a workbook', params: IdParams } },
    async (req, reply) => {
      const batch = await getBatch(req.ctx, req.params.id);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="import-errors-${req.params.id.slice(0, 8)}.xlsx"`);
      return reply.send(await errorsWorkbook(batch.errors));
    },
  );

  app.post(
    '/imports/batches/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo a committed import batch (its creations removed, its overwrites restored)',
        params: IdParams,
        response: { 200: ImportBatchDetail },
      },
    },
    async (req) => undoBatch(database, req.ctx.user, req.params.id, req.ctx.ip),
  );

  app.get(
    '/imports/templates',
    {
      schema: {
        tags,
        summary: 'Saved column mappings',
        querystring: z.object({ kind: ImportKind.optional() }).strict(),
        response: { 200: z.object({ items: z.array(ImportTemplate) }) },
      },
    },
    async (req) => listTemplates(req.ctx, req.query.kind) as Promise<{ items: z.infer<typeof ImportTemplate>[] }>,
  );

  app.post(
    '/imports/templates',
    {
      schema: {
        tags,
        summary: 'Save a column mapping (header text → field) for reuse',
        body: SaveImportTemplate,
        response: { 201: ImportTemplate },
      },
    },
    async (req, reply) => reply.code(201).send(await saveTemplate(req.ctx, req.body)),
  );

  app.delete(
    '/imports/templates/:id',
    {
      schema: {
        tags,
        summary: 'Delete a saved column mapping (its owner, an admin or a director)',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteTemplate(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
};
