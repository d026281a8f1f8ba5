import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Db } from './index.js';

/**
 * One connection in one transaction, for bulk work (the demo load, a rollup recompute): plain
 * queries, Drizzle on the same connection, and COPY in PostgreSQL's text format on either driver.
 */
export type Session = {
  driver: 'pglite' | 'postgres';
  /** Drizzle on the session's connection, inside its transaction. */
  db: Db;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY of rows in PostgreSQL's text format into `table (columns)`. */
  copy(table: string, columns: string, data: string | Uint8Array): Promise<void>;
};

/**
 * PGlite reads a COPY's input through the `arrayBuffer()` of the Blob it is given, and nothing else
 * of it. A real Blob holds its bytes where V8 does not count them, so during a large import hundreds
 * of dead 512 KB Blobs (over 200 MB) waited for a full collection that nothing prompted; a plain
 * ArrayBuffer of the exact bytes is counted and collected like any other object.
 */
function copyInput(data: string | Uint8Array): Blob {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { arrayBuffer: async () => buffer } as unknown as Blob;
}

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
        await pglite.query(`copy "${table}" (${columns}) from '/dev/blob'`, [], { blob: copyInput(data) });
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
