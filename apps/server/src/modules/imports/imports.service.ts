import { type SQL, sql } from 'drizzle-orm';
import { assertCan, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { type Database, isoTimestamp, isoTimestampOrNull, rows } from '../../platform/db/index.js';
import { withSession } from '../../platform/db/session.js';
import { AppError } from '../../platform/errors.js';
import { refreshRollupsForAccounts } from '../analytics/index.js';
import { fieldsByKind, type ImportKind, importKinds } from './fields.js';

export type BatchRow = {
  id: string;
  kind: string;
  file_name: string;
  file_sha256: string;
  sheet: string | null;
  rows: number;
  counts: Record<string, number>;
  error_count: number;
  status: 'committed' | 'undone' | 'failed';
  created_by: string;
  created_by_name: string;
  created_at: unknown;
  undone_at: unknown;
};

const toBatch = (r: BatchRow) => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  fileSha256: r.file_sha256,
  sheet: r.sheet,
  rows: r.rows,
  counts: r.counts,
  errorCount: r.error_count,
  status: r.status,
  createdBy: { id: r.created_by, displayName: r.created_by_name },
  createdAt: isoTimestamp(r.created_at),
  undoneAt: isoTimestampOrNull(r.undone_at),
});

/** Import history: admins and directors see everyone's, others their own. */
export async function listBatches(ctx: Ctx, q: { limit: number }) {
  const mine =
    ctx.user.role === 'admin' || ctx.user.role === 'director' ? sql`true` : sql`b.created_by = ${ctx.user.id}`;
  const found = await rows<BatchRow>(
    ctx.db,
    sql`select b.*, u.display_name as created_by_name from import_batches b join users u on u.id = b.created_by
         where ${mine} order by b.created_at desc limit ${q.limit}`,
  );
  return { items: found.map(toBatch), nextCursor: null };
}

export async function getBatch(ctx: Ctx, id: string) {
  const mine =
    ctx.user.role === 'admin' || ctx.user.role === 'director' ? sql`true` : sql`b.created_by = ${ctx.user.id}`;
  const [found] = await rows<BatchRow & { errors: unknown }>(
    ctx.db,
    sql`select b.*, u.display_name as created_by_name from import_batches b join users u on u.id = b.created_by
         where b.id = ${id} and ${mine}`,
  );
  if (!found) throw AppError.notFound('Import batch');
  return {
    ...toBatch(found),
    errors: found.errors as { row: number; column: string; value: string | null; reason: string }[],
  };
}

/** The tables a batch can have written, children first (the order undo deletes in). */
const CREATED_TABLES = [
  'orders',
  'contact_phones',
  'contacts',
  'competitor_presence',
  'competitors',
  'products',
  'product_categories',
  'accounts',
] as const;

/**
 * Undoes a committed batch in one transaction: rows it overwrote get their old values back, rows it
 * created are deleted (order lines by the id range it took, other rows by its transaction time and
 * author), and the touched accounts' rollups are refreshed. Refused (409) when later records rest on
 * what it created, or when a later batch changed the same rows.
 */
export async function undoBatch(database: Database, user: Principal, id: string, ip: string | null = null) {
  const ctx: Ctx = { db: database.db, user, ip };
  const batch = await getBatch(ctx, id);
  if (batch.status !== 'committed')
    throw new AppError('conflict', `This import is ${batch.status}; only a committed one can be undone`);
  if (batch.createdBy.id !== user.id) assertCan(user, 'analytics.configure');
  try {
    await withSession(database, async (session) => {
      const q = session.query;
      // compared in SQL: a timestamp through the driver loses its microseconds
      const createdBy = '(created_at, created_by) = (select created_at, created_by from import_batches where id = $1)';
      const [b] = await q<{ lines_after_id: number | null; lines_up_to_id: number | null }>(
        'select lines_after_id, lines_up_to_id from import_batches where id = $1 for update',
        [id],
      );
      const later = await q<{ id: string }>(
        `select id from import_batches where status = 'committed' and kind = any($2::text[])
            and created_at > (select created_at from import_batches where id = $1) limit 1`,
        [id, relatedKinds(batch.kind as ImportKind)],
      );
      if (later.length)
        throw new AppError('conflict', 'A later import changed the same kind of records: undo that one first');
      await q(`create temp table undo_accounts (id uuid) on commit drop`);
      await q(
        `insert into undo_accounts select account_id from order_lines where id > $1 and id <= $2
         union select id from accounts where (created_at, created_by) = (select created_at, created_by from import_batches where id = $3)
         union select (before->>'id')::uuid from import_batch_changes where batch_id = $3 and entity = 'accounts'
         union select (before->>'account_id')::uuid from import_batch_changes where batch_id = $3 and entity in ('orders', 'order_lines', 'contacts', 'competitor_presence')`,
        [b!.lines_after_id ?? 0, b!.lines_up_to_id ?? 0, id],
      );
      if (b!.lines_up_to_id !== null) {
        await q('delete from order_lines where id > $1 and id <= $2', [b!.lines_after_id, b!.lines_up_to_id]);
      }
      const changed = await q<{ entity: string }>(
        'select distinct entity from import_batch_changes where batch_id = $1',
        [id],
      );
      for (const { entity } of changed) {
        const columns = await q<{ column_name: string }>(
          `select column_name from information_schema.columns
            where table_name = $1 and table_schema = current_schema() and is_generated = 'NEVER' and column_name <> 'id'`,
          [entity],
        );
        const list = columns.map((c) => `"${c.column_name}"`).join(', ');
        await q(
          `update "${entity}" t set (${list}) = (select ${list} from jsonb_populate_record(null::"${entity}", c.before))
             from import_batch_changes c
            where c.batch_id = $1 and c.entity = $2 and t.id::text = c.record_id`,
          [id, entity],
        );
      }
      for (const table of CREATED_TABLES) {
        if (table === 'contact_phones') {
          // rollups rest on the accounts and categories: refreshed once the orders are gone
          await refreshRollupsForAccounts(session.db, sql`select id from undo_accounts where id is not null`);
          await q(`delete from contact_phones where contact_id in (select id from contacts where ${createdBy})`, [id]);
          continue;
        }
        if (table === 'accounts') {
          await q(`delete from account_team where account_id in (select id from accounts where ${createdBy})`, [id]);
        }
        await q(`delete from "${table}" where ${createdBy}`, [id]);
      }
      await q(`update import_batches set status = 'undone', undone_at = now(), undone_by = $2 where id = $1`, [
        id,
        user.id,
      ]);
      await q(
        `insert into audit_log (user_id, action, entity, entity_id, ip) values ($1, 'import.undo', 'import_batch', $2, $3)`,
        [user.id, id, ip],
      );
    });
  } catch (err) {
    const code =
      (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23503') {
      throw new AppError(
        'conflict',
        'Records added since this import rest on what it created; it can no longer be undone',
      );
    }
    throw err;
  }
  return getBatch(ctx, id);
}

function relatedKinds(kind: ImportKind): string[] {
  return kind === 'orders' || kind === 'payments'
    ? ['orders', 'payments']
    : [kind, ...(kind === 'accounts' ? ['orders'] : [])];
}

export function listFields(kind: ImportKind) {
  return fieldsByKind[kind].map((f) => ({
    key: f.key,
    zh: f.zh,
    en: f.en,
    required: Boolean(f.required),
    personal: Boolean(f.personal),
    aliases: f.aliases,
  }));
}

type TemplateRow = {
  id: string;
  kind: ImportKind;
  name: string;
  header_row: number;
  mapping: Record<string, string>;
  owner_id: string;
  owner_name: string;
};

const toTemplate = (t: TemplateRow) => ({
  id: t.id,
  kind: t.kind,
  name: t.name,
  headerRow: t.header_row,
  mapping: t.mapping,
  owner: { id: t.owner_id, displayName: t.owner_name },
});

const templateSelect = sql`select t.id, t.kind, t.name, t.header_row, t.mapping, t.owner_id, u.display_name as owner_name
                             from import_templates t join users u on u.id = t.owner_id`;

/** Admins and directors look after everyone's templates; the others only after their own. */
const managesTemplate = (ctx: Ctx) =>
  ctx.user.role === 'admin' || ctx.user.role === 'director'
    ? sql`true`
    : sql`import_templates.owner_id = ${ctx.user.id}::uuid`;

const notYours = (owner: string) =>
  new AppError(
    'forbidden',
    `This template belongs to ${owner}: only its owner, an admin or a director may change or delete it; save yours under another name`,
  );

export async function listTemplates(ctx: Ctx, kind?: ImportKind) {
  const found = await rows<TemplateRow>(
    ctx.db,
    sql`${templateSelect} where ${kind ? sql`t.kind = ${kind}` : sql`true`} order by t.kind, t.name`,
  );
  return { items: found.map(toTemplate) };
}

async function findTemplate(ctx: Ctx, where: SQL): Promise<TemplateRow | undefined> {
  return (await rows<TemplateRow>(ctx.db, sql`${templateSelect} where ${where}`))[0];
}

/**
 * Saves a named mapping (header text → field), so it applies to the next file by its headers. A name
 * already taken is overwritten only by the template's owner, an admin or a director: the check is
 * the upsert's own condition, so two people saving at once cannot slip past it.
 */
export async function saveTemplate(
  ctx: Ctx,
  input: { kind: ImportKind; name: string; headerRow: number; mapping: Record<string, string> },
) {
  if (!importKinds.includes(input.kind)) throw AppError.invalid('kind', 'unknown import kind');
  const keys = new Set(fieldsByKind[input.kind].map((f) => f.key));
  for (const [header, key] of Object.entries(input.mapping)) {
    if (!keys.has(key)) throw AppError.invalid(`mapping.${header}`, `${key} is not a field of ${input.kind}`);
  }
  const [saved] = await rows<{ id: string }>(
    ctx.db,
    sql`insert into import_templates (kind, name, header_row, mapping, owner_id)
        values (${input.kind}, ${input.name}, ${input.headerRow}, ${JSON.stringify(input.mapping)}::jsonb, ${ctx.user.id})
        on conflict (kind, name) do update set header_row = excluded.header_row, mapping = excluded.mapping
         where ${managesTemplate(ctx)}
        returning id`,
  );
  if (!saved) {
    const taken = await findTemplate(ctx, sql`t.kind = ${input.kind} and t.name = ${input.name}`);
    throw notYours(taken?.owner_name ?? 'someone else');
  }
  await audit(ctx, 'import.template.save', 'import_template', saved.id, { kind: input.kind, name: input.name });
  return toTemplate((await findTemplate(ctx, sql`t.id = ${saved.id}`))!);
}

/** Deletes a saved mapping: its owner, an admin or a director (checked in the delete itself). */
export async function deleteTemplate(ctx: Ctx, id: string): Promise<void> {
  const [gone] = await rows<{ id: string; kind: string; name: string }>(
    ctx.db,
    sql`delete from import_templates where id = ${id} and ${managesTemplate(ctx)} returning id, kind, name`,
  );
  if (!gone) {
    const kept = await findTemplate(ctx, sql`t.id = ${id}`);
    if (!kept) throw AppError.notFound('Import template');
    throw notYours(kept.owner_name);
  }
  await audit(ctx, 'import.template.delete', 'import_template', id, { kind: gone.kind, name: gone.name });
}

/** Applies a saved template (header text → field) to a file's header row. */
export function mappingFromTemplate(
  template: Record<string, string>,
  headers: (string | null)[],
): Record<string, string> {
  const mapping: Record<string, string> = {};
  headers.forEach((h, i) => {
    if (h !== null && template[h.trim()]) mapping[String(i)] = template[h.trim()]!;
  });
  return mapping;
}
