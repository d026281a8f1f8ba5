import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './lock.js';

/** A database or a transaction on it: repos take this so they work inside and outside transactions. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** A one-line description for logs and CLI output, without credentials. */
  describe: string;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

/** Sees every statement Drizzle sends (benchmarks replay them as their plain-SQL reference). */
export type QueryObserver = (query: string, params: unknown[]) => void;

export type DatabaseTarget = (
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string; command: string }
  | { kind: 'memory' }
) & { observe?: QueryObserver };

// int8 sums and counts fit in a double for any realistic amount of fen; numeric stays text.
pg.types.setTypeParser(20, (v) => Number(v));

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

const MIGRATION_LOCK = 727_274_001;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const logger = target.observe ? { logQuery: target.observe } : undefined;
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 20 });
    // An idle connection whose server process goes away (restart, failover, a dropped database)
    // is discarded by the pool and replaced on the next query; without a listener the event
    // would end the whole process.
    pool.on('error', () => {});
    const url = new URL(target.url);
    return {
      db: drizzlePg({ client: pool, logger }) as unknown as Db,
      driver: 'postgres',
      describe: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      pool,
      close: () => pool.end(),
    };
  }
  let release: () => void = () => {};
  let client: PGlite;
  // The embedded database runs inside this process: its buffer pool is the process's own memory, on
  // top of the operating system's cache of the same files. 32 MB instead of PostgreSQL's 128 MB keeps
  // a 1,000,000-line import about 100 MB smaller at no measurable cost in speed (the pages it drops
  // are read back from that cache).
  const options = { extensions: { pg_trgm }, postgresqlconf: ['shared_buffers=32MB'] };
  if (target.kind === 'pglite') {
    mkdirSync(target.dataDir, { recursive: true });
    release = lockDataDir(target.dataDir, target.command);
    try {
      client = await PGlite.create(join(target.dataDir, 'pg'), options);
    } catch (err) {
      release();
      throw err;
    }
  } else {
    client = await PGlite.create(options);
  }
  return {
    db: drizzlePglite({ client, logger }) as unknown as Db,
    driver: 'pglite',
    describe: target.kind === 'pglite' ? `embedded PGlite in ${target.dataDir}` : 'embedded PGlite in memory',
    pglite: client,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** Applies pending migrations; on PostgreSQL one node at a time, so several app nodes can start together. */
export async function migrate(database: Database): Promise<void> {
  if (database.driver === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const lockClient = await database.pool!.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(database.db as never, { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    lockClient.release();
  }
}

/** Runs raw SQL and returns its rows, the same on both drivers. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function one<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}

/** Raw timestamps come back as text ('2026-01-05 08:00:00+00') or Date, by driver; this gives ISO 8601. */
export function isoTimestamp(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value).replace(' ', 'T');
  return new Date(/[+-]\d\d$/.test(text) ? `${text}:00` : text).toISOString();
}

export function isoTimestampOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : isoTimestamp(value);
}

/** Raw dates come back as 'YYYY-MM-DD' text or a Date at UTC midnight, by driver. */
export function isoDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

export function isoDateOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : isoDate(value);
}

export { sql };

/** A JS string array as one PostgreSQL array parameter (Drizzle would otherwise spread it into a list). */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}

/**
 * Runs `work` again (up to `attempts` times) when PostgreSQL chose it as a deadlock victim or could
 * not serialize it: its transaction was rolled back whole, so trying again is safe. Jobs that rebuild
 * or read many tables at once (a rollup recompute while alerts are evaluated) meet this now and then.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await work();
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause ?? (err as { code?: string });
      if (n >= attempts || (cause?.code !== '40P01' && cause?.code !== '40001')) throw err;
      await new Promise((r) => setTimeout(r, 100 * n));
    }
  }
}
