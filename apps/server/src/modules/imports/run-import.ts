import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { sql } from 'drizzle-orm';
import { type Action, accountScope, assertCan, dossierAccess, type Principal } from '../../platform/access/index.js';
import type { Database } from '../../platform/db/index.js';
import { withSession } from '../../platform/db/session.js';
import { AppError } from '../../platform/errors.js';
import { accountsApplier } from './apply-accounts.js';
import { ordersApplier } from './apply-orders.js';
import { competitorsApplier, contactsApplier, paymentsApplier, productsApplier } from './apply-records.js';
import { type FieldDef, fieldsByKind, type ImportKind } from './fields.js';
import { type FileFormat, readRows } from './read-file.js';
import {
  type Applier,
  applyContext,
  copyWriter,
  createStaging,
  dropScratch,
  type RowError,
  STAGING,
} from './staging.js';
import { type Cell, cellText, ValueError } from './values.js';

export type ImportOptions = {
  path: string;
  fileName: string;
  format: FileFormat;
  kind: ImportKind;
  sheet?: string | undefined;
  /** 1-based row of the headers; data starts below it. */
  headerRow: number;
  /** file column index (0-based, as text) → target field key */
  mapping: Record<string, string>;
  dryRun: boolean;
  onError: 'abort' | 'skip';
};

export type ImportProgress = { rows: number; bytesRead: number; bytes: number; phase: 'reading' | 'writing' };

export type ImportResult = {
  batchId: string | null;
  status: 'dry_run' | 'committed' | 'failed';
  kind: ImportKind;
  rows: number;
  counts: Record<string, number>;
  errorCount: number;
  /** The first errors (all of them up to 10,000), in row order. */
  errors: RowError[];
  fileSha256: string;
  seconds: number;
};

const appliers: Record<ImportKind, Applier> = {
  accounts: accountsApplier,
  contacts: contactsApplier,
  products: productsApplier,
  orders: ordersApplier,
  payments: paymentsApplier,
  competitors: competitorsApplier,
};

const requiredAction: Record<ImportKind, Action> = {
  accounts: 'account.write',
  contacts: 'contact.write',
  products: 'product.write',
  orders: 'order.write',
  payments: 'order.write',
  competitors: 'competitor.write',
};

const KEEP_ERRORS = 10_000;

class DryRunDone extends Error {
  constructor(readonly counts: Record<string, number>) {
    super('dry run');
  }
}

class Rejected extends Error {}

function isBlank(cells: Cell[]): boolean {
  for (const cell of cells) if (cell !== null && cellText(cell) !== null) return false;
  return true;
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Checks the mapping: known fields, each once, required ones present, personal ones only for dossier roles. */
export function checkMapping(kind: ImportKind, mapping: Record<string, string>, user: Principal): FieldDef[] {
  const fields = fieldsByKind[kind];
  const seen = new Set<string>();
  for (const [column, key] of Object.entries(mapping)) {
    const field = fields.find((f) => f.key === key);
    if (!field) throw AppError.invalid(`mapping.${column}`, `${key} is not a field of ${kind}`);
    if (seen.has(key)) throw AppError.invalid(`mapping.${column}`, `${key} is mapped twice`);
    if (field.personal && dossierAccess(user) !== 'full') {
      throw AppError.invalid(`mapping.${column}`, `your role may not import personal data (${key})`);
    }
    seen.add(key);
  }
  const missing = fields.filter((f) => f.required && !seen.has(f.key));
  const needsAccount =
    fields.some((f) => f.key === 'account_code') && !seen.has('account_code') && !seen.has('credit_code');
  if (missing.length || needsAccount) {
    const names = [...missing.map((f) => f.key), ...(needsAccount ? ['account_code or credit_code'] : [])];
    throw AppError.invalid('mapping', `required fields not mapped: ${names.join(', ')}`);
  }
  if (kind === 'accounts' && !seen.has('code') && !seen.has('credit_code')) {
    throw AppError.invalid('mapping', 'required fields not mapped: code or credit_code');
  }
  return fields;
}

/**
 * Imports one file: streams its rows, validates and normalises them in JavaScript, COPYs them into a
 * staging table, then lets the kind's applier check them against the store and upsert them set-based
 * — all in one transaction with the batch record, so a killed process leaves no partial batch. A dry
 * run does all of it and rolls back, so its counts are exactly what a commit would do.
 */
export async function runImport(
  database: Database,
  user: Principal,
  opts: ImportOptions,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  assertCan(user, requiredAction[opts.kind]);
  const fields = checkMapping(opts.kind, opts.mapping, user);
  const started = Date.now();
  const sha = await fileSha256(opts.path);
  const applier = appliers[opts.kind];
  const collector = applier.collector?.();
  const mapped = Object.entries(opts.mapping).map(([column, key]) => ({
    index: Number(column),
    field: fields.find((f) => f.key === key)!,
  }));
  const errors: RowError[] = [];
  let errorCount = 0;
  const addError = (e: RowError) => {
    errorCount++;
    if (errors.length < KEEP_ERRORS) errors.push(e);
  };
  let dataRows = 0;
  const batchId = randomUUID();

  const finish = (status: ImportResult['status'], counts: Record<string, number>): ImportResult => ({
    batchId: status === 'committed' ? batchId : null,
    status,
    kind: opts.kind,
    rows: dataRows,
    counts,
    errorCount,
    errors: errors.sort((a, b) => a.row - b.row),
    fileSha256: sha,
    seconds: (Date.now() - started) / 1000,
  });

  try {
    const committed = await withSession(database, async (session) => {
      if (session.driver === 'postgres') await session.query(`set local work_mem = '128MB'`);
      await createStaging(session, fields, collector?.columns ?? [], applier.extraColumns);
      await collector?.open?.(session);
      const writer = copyWriter(session, STAGING, [
        'row_no',
        ...fields.map((f) => f.key),
        ...(collector?.columns.map(([c]) => c) ?? []),
      ]);
      const { rows, position } = readRows(opts.path, opts.format, opts.sheet);
      // one values object and one staged row for the whole file, refilled row by row: a million rows
      // leave no million objects behind for the garbage collector
      const values: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f.key, null]));
      const staged: unknown[] = new Array(1 + fields.length + (collector?.columns.length ?? 0));
      let lastReport = 0;
      for await (const source of rows) {
        if (source.row <= opts.headerRow || isBlank(source.cells)) continue;
        dataRows++;
        let bad = false;
        for (const { index, field } of mapped) {
          const cell: Cell = source.cells[index] ?? null;
          try {
            values[field.key] = field.parse(cell);
          } catch (err) {
            if (!(err instanceof ValueError)) throw err;
            values[field.key] = undefined;
            bad = true;
            addError({ row: source.row, column: field.key, value: cellText(cell), reason: err.message });
          }
        }
        for (const { field } of mapped) {
          if (field.required && values[field.key] === null) {
            bad = true;
            addError({ row: source.row, column: field.key, value: null, reason: '必填 / required' });
          }
        }
        if (bad) continue;
        const computed = collector ? await collector.row(values, source.row) : [];
        if (!Array.isArray(computed)) {
          addError(computed);
          continue;
        }
        staged[0] = source.row;
        for (let i = 0; i < fields.length; i++) staged[i + 1] = values[fields[i]!.key] ?? null;
        for (let i = 0; i < computed.length; i++) staged[i + 1 + fields.length] = computed[i];
        await writer.add(staged);
        if (dataRows - lastReport >= 5000) {
          lastReport = dataRows;
          onProgress({ rows: dataRows, bytesRead: position.read, bytes: position.size, phase: 'reading' });
        }
      }
      await writer.flush();
      await collector?.close?.();
      onProgress({ rows: dataRows, bytesRead: position.size, bytes: position.size, phase: 'writing' });
      await session.query(`analyze ${STAGING}`);

      await session.db.execute(sql`
        insert into import_batches (id, kind, file_name, file_sha256, sheet, rows, counts, created_by)
        values (${batchId}::uuid, ${opts.kind}, ${opts.fileName}, ${sha}, ${opts.sheet ?? null}, ${dataRows}, '{}'::jsonb, ${user.id}::uuid)`);
      const work = applyContext(
        session,
        user,
        batchId,
        (alias) => accountScope(user, alias),
        new Set(Object.values(opts.mapping)),
      );
      const found = await applier.check(work);
      for (const e of found) addError(e);
      if (errorCount > 0 && opts.onError === 'abort' && !opts.dryRun) throw new Rejected();
      if (errorCount > 0) {
        const failed = [...new Set(found.map((e) => e.row))];
        if (failed.length) await session.query(`delete from ${STAGING} where row_no = any($1::int[])`, [failed]);
      }
      const counts = await applier.apply(work);
      if (opts.dryRun) throw new DryRunDone(counts);
      await dropScratch(session);
      const { linesAfterId, linesUpToId, ...shown } = counts as Record<string, number>;
      await session.db.execute(sql`
        update import_batches set counts = ${JSON.stringify(shown)}::jsonb, error_count = ${errorCount},
               errors = ${JSON.stringify(errors.slice(0, 1000))}::jsonb,
               lines_after_id = ${linesAfterId ?? null}, lines_up_to_id = ${linesUpToId ?? null}
         where id = ${batchId}::uuid`);
      await session.db.execute(sql`
        insert into audit_log (user_id, action, entity, entity_id, details)
        values (${user.id}::uuid, 'import.commit', 'import_batch', ${batchId}, ${JSON.stringify({ kind: opts.kind, file: opts.fileName, sha256: sha, rows: dataRows, ...shown })}::jsonb)`);
      return shown;
    });
    return finish('committed', committed);
  } catch (err) {
    if (err instanceof DryRunDone) {
      const { linesAfterId: _a, linesUpToId: _b, ...shown } = err.counts;
      return finish('dry_run', shown);
    }
    if (!(err instanceof Rejected)) throw err;
  }
  // a failed import leaves the store as it was, but the history says it was tried
  await database.db.execute(sql`
    insert into import_batches (kind, file_name, file_sha256, sheet, rows, counts, error_count, errors, status, created_by)
    values (${opts.kind}, ${opts.fileName}, ${sha}, ${opts.sheet ?? null}, ${dataRows}, '{}'::jsonb, ${errorCount},
            ${JSON.stringify(errors.slice(0, 1000))}::jsonb, 'failed', ${user.id}::uuid)`);
  return finish('failed', {});
}
