import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import type { Progress } from '../progress.js';
import { type Database, type Db, one, rows } from './index.js';

/**
 * Tables a backup leaves out: the ephemeral ones (a restored store starts with nobody signed in) and
 * the map's per-run aggregates, which the database's triggers rebuild as the results are restored.
 */
const SKIPPED = new Set(['sessions', 'login_failures', 'analysis_cells']);
const BATCH = 2000;
export const BACKUP_FORMAT = 'kamap-backup/1';

type TableInfo = { name: string; key: string[]; columns: string[]; selfRefs: string[]; serial: string | null };

async function migrationsApplied(db: Db): Promise<string[]> {
  const found = await rows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by id`);
  return found.map((r) => r.hash);
}

/** Tables in foreign-key order (parents first), with what backup and restore need to know of each. */
export async function describeTables(db: Db): Promise<TableInfo[]> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const fks = await rows<{ child: string; parent: string; column: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent, a.attname as column
        from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
  const cols = await rows<{ table: string; column: string; generated: string; default: string | null }>(
    db,
    sql`select table_name as table, column_name as column, is_generated as generated, column_default as default
        from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const keys = await rows<{ table: string; column: string }>(
    db,
    sql`select tc.table_name as table, kcu.column_name as column
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
        where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY' order by tc.table_name, kcu.ordinal_position`,
  );
  const names = tables.map((t) => t.name).filter((n) => !SKIPPED.has(n));
  const ordered: string[] = [];
  const visit = (name: string, stack: Set<string>) => {
    if (ordered.includes(name) || stack.has(name)) return;
    stack.add(name);
    for (const fk of fks)
      if (fk.child === name && fk.parent !== name && names.includes(fk.parent)) visit(fk.parent, stack);
    ordered.push(name);
  };
  for (const n of names) visit(n, new Set());
  return ordered.map((name) => ({
    name,
    key: keys.filter((k) => k.table === name).map((k) => k.column),
    columns: cols.filter((c) => c.table === name && c.generated !== 'ALWAYS').map((c) => c.column),
    selfRefs: fks.filter((f) => f.child === name && f.parent === name).map((f) => f.column),
    serial: cols.find((c) => c.table === name && c.default?.startsWith('nextval('))?.column ?? null,
  }));
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/**
 * Writes a consistent backup: one repeatable-read snapshot, every table as JSON lines, gzip.
 * Readable by any kamap with the same migrations, on either driver.
 */
export async function backup(
  database: Database,
  file: string,
  bar?: Progress,
): Promise<{ tables: number; rows: number }> {
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(file));
  const write = async (value: string) => {
    if (!gzip.write(`${value}\n`)) await once(gzip, 'drain');
  };
  let total = 0;
  let tableCount = 0;
  try {
    await database.db.transaction(
      async (tx) => {
        const tables = await describeTables(tx);
        tableCount = tables.length;
        const counts = await Promise.all(
          tables.map((t) => one<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(t.name)}`)),
        );
        bar?.total(counts.reduce((s, c) => s + (c?.n ?? 0), 0));
        await write(
          JSON.stringify({
            format: BACKUP_FORMAT,
            createdAt: new Date().toISOString(),
            migrations: await migrationsApplied(tx),
            tables: tables.map((t) => t.name),
          }),
        );
        for (const t of tables) {
          await write(JSON.stringify({ table: t.name }));
          const keyTuple = sql.join(
            t.key.map((k) => sql`t.${ident(k)}`),
            sql`, `,
          );
          let last: unknown[] | null = null;
          for (;;) {
            const after: SQL = last
              ? sql`(${keyTuple}) > (${sql.join(
                  last.map((v) => sql`${v}`),
                  sql`, `,
                )})`
              : sql`true`;
            const batch: { j: string; k: unknown[] }[] = await rows<{ j: string; k: unknown[] }>(
              tx,
              sql`select row_to_json(t)::text as j, json_build_array(${keyTuple}) as k
                  from ${ident(t.name)} t where ${after} order by ${keyTuple} limit ${BATCH}`,
            );
            for (const r of batch) await write(r.j);
            total += batch.length;
            bar?.tick(batch.length);
            if (batch.length < BATCH) break;
            last = batch[batch.length - 1]!.k;
          }
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  } finally {
    gzip.end();
    await written;
  }
  bar?.done();
  return { tables: tableCount, rows: total };
}

/**
 * Restores a backup into this store in one transaction: all of it or, on any error, nothing.
 * The store must be empty unless `replace` is set, which empties it first (same transaction).
 */
export async function restore(
  database: Database,
  file: string,
  opts: { replace?: boolean; bar?: Progress } = {},
): Promise<{ tables: number; rows: number }> {
  let total = 0;
  let tablesDone = 0;
  await database.db.transaction(async (tx) => {
    const tables = await describeTables(tx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    let header: { format: string; migrations: string[] } | undefined;
    let current: TableInfo | undefined;
    let batch: string[] = [];
    const flush = async () => {
      if (!current || !batch.length) return;
      const t = current;
      const payload = `[${batch.join(',')}]`;
      batch = [];
      const cols = sql.join(t.columns.map(ident), sql`, `);
      const values = sql.join(
        t.columns.map((c) => (t.selfRefs.includes(c) ? sql`null` : sql`j.${ident(c)}`)),
        sql`, `,
      );
      await tx.execute(
        sql`insert into ${ident(t.name)} (${cols}) select ${values} from json_populate_recordset(null::${ident(t.name)}, ${payload}::json) j`,
      );
      for (const c of t.selfRefs) {
        await tx.execute(
          sql`update ${ident(t.name)} t set ${ident(c)} = j.${ident(c)} from json_populate_recordset(null::${ident(t.name)}, ${payload}::json) j
              where ${sql.join(
                t.key.map((k) => sql`t.${ident(k)} = j.${ident(k)}`),
                sql` and `,
              )} and j.${ident(c)} is not null`,
        );
      }
    };
    // opened here, not before the transaction: lines read while nobody iterates would be lost
    const input = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of input) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line) as { format: string; migrations: string[] };
        if (header.format !== BACKUP_FORMAT) throw new Error(`${file} is not a kamap backup (${BACKUP_FORMAT})`);
        const mine = await migrationsApplied(tx);
        if (header.migrations.join() !== mine.join()) {
          throw new Error(
            `${file} was written by a kamap with ${header.migrations.length} migrations; this store has ${mine.length}. ` +
              'Restore it with the kamap version that wrote it, then upgrade.',
          );
        }
        if (opts.replace) {
          await tx.execute(
            sql`truncate ${sql.join(
              tables.map((t) => ident(t.name)),
              sql`, `,
            )} cascade`,
          );
        } else {
          for (const t of tables) {
            const any = await one<{ x: number }>(tx, sql`select 1 as x from ${ident(t.name)} limit 1`);
            if (any)
              throw new Error(
                `The store is not empty (table ${t.name} has rows); restore into an empty store, or pass --replace`,
              );
          }
        }
        continue;
      }
      if (line.startsWith('{"table":')) {
        await flush();
        const name = (JSON.parse(line) as { table: string }).table;
        current = byName.get(name);
        if (!current) throw new Error(`${file} has a table ${name} this store does not know`);
        tablesDone++;
        continue;
      }
      batch.push(line);
      total++;
      opts.bar?.tick();
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (!header) throw new Error(`${file} is empty`);
    for (const t of tables) {
      if (t.serial) {
        await tx.execute(
          sql`select setval(pg_get_serial_sequence(${t.name}, ${t.serial}), coalesce((select max(${ident(t.serial)}) from ${ident(t.name)}), 0) + 1, false)`,
        );
      }
    }
  });
  opts.bar?.done();
  return { tables: tablesDone, rows: total };
}

/** A digest of every table's content in key order: equal digests mean equal data (used by tests). */
export async function contentDigest(db: Db): Promise<Record<string, string>> {
  const tables = await describeTables(db);
  const out: Record<string, string> = {};
  for (const t of tables) {
    const order = sql.join(
      t.key.map((k) => sql`t.${ident(k)}`),
      sql`, `,
    );
    const r = await one<{ d: string | null; n: number }>(
      db,
      sql`select md5(coalesce(string_agg(row_to_json(t)::text, E'\n' order by ${order}), '')) as d, count(*)::int as n from ${ident(t.name)} t`,
    );
    out[t.name] = `${r?.n ?? 0}:${r?.d ?? ''}`;
  }
  return out;
}
