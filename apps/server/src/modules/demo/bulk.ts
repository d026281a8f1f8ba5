import { createHash, type Hash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Db } from '../../platform/db/index.js';

/**
 * Bulk writing for the generator: one transaction, rows buffered per table and written in batches
 * with COPY (from a blob on PGlite, from the client's stream on PostgreSQL), and a content hash fed
 * with every row in the order it was generated.
 */

export type ColumnType =
  | 'uuid'
  | 'text'
  | 'int'
  | 'smallint'
  | 'bigint'
  | 'numeric'
  | 'date'
  | 'timestamptz'
  | 'bool'
  | 'text[]'
  | 'uuid[]';
export type TableSpec = { table: string; columns: readonly (readonly [name: string, type: ColumnType])[] };
/** A value in PostgreSQL's text form (arrays as array literals), or null. */
export type Cell = string | null;

export type Session = {
  driver: 'pglite' | 'postgres';
  /** Drizzle on the session's connection, inside its transaction. */
  db: Db;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY of rows in PostgreSQL's text format into `table (columns)`. */
  copy(table: string, columns: string, data: string): Promise<void>;
};

/** Runs work in one transaction on one connection; rolls everything back when it throws. */
export async function withSession<T>(database: Database, work: (session: Session) => Promise<T>): Promise<T> {
  if (database.driver === 'pglite') {
    const pglite = database.pglite;
    if (!pglite) throw new Error('PGlite database without its client');
    const session: Session = {
      driver: 'pglite',
      db: database.db,
      query: async <R>(text: string, params?: unknown[]) => (await pglite.query<R>(text, params)).rows,
      copy: async (table, columns, data) => {
        await pglite.query(`copy "${table}" (${columns}) from '/dev/blob'`, [], { blob: new Blob([data]) });
      },
    };
    await pglite.exec('begin');
    try {
      const result = await work(session);
      await pglite.exec('commit');
      return result;
    } catch (err) {
      await pglite.exec('rollback');
      throw err;
    }
  }
  const pool = database.pool;
  if (!pool) throw new Error('PostgreSQL database without its pool');
  const client = await pool.connect();
  const session: Session = {
    driver: 'postgres',
    db: drizzle({ client }) as unknown as Db,
    query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
    copy: async (table, columns, data) => {
      await pipeline([data], client.query(copyFrom(`copy "${table}" (${columns}) from stdin`)));
    },
  };
  try {
    await client.query('begin');
    const result = await work(session);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

export type TableWriter = { add(cells: Cell[]): void };

export type Sink = {
  table(spec: TableSpec): TableWriter;
  /** Counts and hashes a row that a service inserted (users, org units). */
  note(table: string, cells: Cell[]): void;
  /** Writes the tables whose buffers are full. */
  flushFull(): Promise<void>;
  /** Writes every buffer, in the order the tables were first used. */
  flush(): Promise<void>;
  /** SHA-256 over every table's rows (each in generation order), independent of batch size and driver. */
  digest(): string;
  counts(): Record<string, number>;
  /** Rows written to the database so far (for progress). */
  written(): number;
};

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function copyText(cell: Cell): string {
  if (cell === null) return '\\N';
  if (!NEEDS_ESCAPE.test(cell)) return cell;
  return cell.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A PostgreSQL array literal of text-ish elements. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

type Buffer = { spec: TableSpec; lines: string[]; hash: Hash; count: number };

export function createSink(session: Session, opts: { batchRows: number }): Sink {
  const buffers = new Map<string, Buffer>();
  let written = 0;
  // PostgreSQL runs in its own process: one COPY may be in flight while the next batch is generated.
  let inFlight: Promise<void> | undefined;
  let failure: { error: unknown } | undefined;

  const settle = async () => {
    if (inFlight) await inFlight;
    inFlight = undefined;
    if (failure) throw failure.error;
  };

  const bufferFor = (spec: TableSpec): Buffer => {
    let buffer = buffers.get(spec.table);
    if (buffer && buffer.spec.columns.length === 0) buffer.spec = spec;
    if (!buffer) {
      buffer = { spec, lines: [], hash: createHash('sha256'), count: 0 };
      buffers.set(spec.table, buffer);
    }
    return buffer;
  };

  /** Writes the oldest batch (at most batchRows rows) of a table's buffer. */
  const write = async (buffer: Buffer) => {
    const n = Math.min(buffer.lines.length, opts.batchRows);
    if (n === 0) return;
    const { spec } = buffer;
    const whole = n === buffer.lines.length;
    const text = `${(whole ? buffer.lines : buffer.lines.slice(0, n)).join('\n')}\n`;
    buffer.hash.update(text);
    const columnList = spec.columns.map(([name]) => `"${name}"`).join(', ');
    await settle();
    inFlight = session.copy(spec.table, columnList, text).catch((error: unknown) => {
      failure = { error };
    });
    buffer.lines = whole ? [] : buffer.lines.slice(n);
    written += n;
  };

  return {
    table(spec) {
      const buffer = bufferFor(spec);
      return {
        add(cells) {
          if (cells.length !== spec.columns.length)
            throw new Error(`${spec.table}: ${cells.length} cells for ${spec.columns.length} columns`);
          let line = copyText(cells[0] as Cell);
          for (let i = 1; i < cells.length; i++) line += `\t${copyText(cells[i] as Cell)}`;
          buffer.lines.push(line);
          buffer.count++;
        },
      };
    },
    note(table, cells) {
      const buffer = bufferFor({ table, columns: [] });
      buffer.hash.update(`${cells.map(copyText).join('\t')}\n`);
      buffer.count++;
    },
    async flushFull() {
      for (const buffer of buffers.values()) while (buffer.lines.length >= opts.batchRows) await write(buffer);
    },
    async flush() {
      for (const buffer of buffers.values()) while (buffer.lines.length > 0) await write(buffer);
      await settle();
    },
    digest() {
      const total = createHash('sha256');
      for (const table of [...buffers.keys()].sort()) {
        const buffer = buffers.get(table) as Buffer;
        total.update(`${table}:${buffer.count}:${buffer.hash.copy().digest('hex')}\n`);
      }
      return total.digest('hex');
    },
    counts() {
      return Object.fromEntries([...buffers.entries()].map(([table, b]) => [table, b.count]));
    },
    written: () => written,
  };
}

/**
 * PostgreSQL's advice for populating a database: drop a table's secondary indexes and foreign keys,
 * load, then rebuild them (a sorted index build and one validating join beat per-row upkeep by about
 * 3× here). Definitions are read from the catalog, so this follows whatever the migrations declare;
 * it all happens inside the load's transaction, so a failure leaves the schema as it was.
 */
export type Suspension = { steps: number; restore(onStep: () => void): Promise<void> };

export async function suspendConstraints(session: Session, tables: readonly string[]): Promise<Suspension> {
  const indexes: { name: string; def: string }[] = [];
  const foreignKeys: { table: string; name: string; def: string }[] = [];
  for (const table of tables) {
    indexes.push(
      ...(await session.query<{ name: string; def: string }>(
        `select i.relname as name, pg_get_indexdef(i.oid) as def
           from pg_index x join pg_class i on i.oid = x.indexrelid
          where x.indrelid = $1::regclass
            and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
          order by i.relname`,
        [table],
      )),
    );
    const fks = await session.query<{ name: string; def: string }>(
      `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = $1::regclass and contype = 'f' order by conname`,
      [table],
    );
    foreignKeys.push(...fks.map((fk) => ({ table, ...fk })));
  }
  for (const fk of foreignKeys) await session.query(`alter table "${fk.table}" drop constraint "${fk.name}"`);
  for (const index of indexes) await session.query(`drop index "${index.name}"`);
  return {
    steps: indexes.length + foreignKeys.length,
    async restore(onStep) {
      if (session.driver === 'postgres') await session.query(`set local maintenance_work_mem = '512MB'`);
      for (const index of indexes) {
        await session.query(index.def);
        onStep();
      }
      for (const fk of foreignKeys) {
        await session.query(`alter table "${fk.table}" add constraint "${fk.name}" ${fk.def}`);
        onStep();
      }
    },
  };
}
