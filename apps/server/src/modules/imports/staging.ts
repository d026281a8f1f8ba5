import type { SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/access/index.js';
import { rows } from '../../platform/db/index.js';
import type { Session } from '../../platform/db/session.js';
import type { FieldDef } from './fields.js';

/**
 * The staging table of one import: the file's rows after parsing, normalised, one column per target
 * field plus the row number in the file. It is a temporary table dropped at the end of the import's
 * transaction, so a killed import leaves nothing behind.
 */
export const STAGING = 'import_staging';

export type RowError = { row: number; column: string; value: string | null; reason: string };

/**
 * Work an import kind does in JavaScript while the file streams by: columns computed per row (sort
 * keys, phones, line numbers, net amounts) and small side tables (one row per order or product).
 */
export type Collector = {
  /** Staging columns (name and type) filled from `row`. */
  columns: [string, string][];
  /** The computed values for one row, or the reason it is refused. */
  row(values: Record<string, unknown>, rowNo: number): unknown[] | RowError | Promise<unknown[] | RowError>;
  /** Creates the side tables (at the start) and writes what is left of them (at the end). */
  open?(session: Session): Promise<void>;
  close?(): Promise<void>;
};

/** What an import kind does with its staged rows: checks that need the database, then the writes. */
export type Applier = {
  /** Extra staging columns the applier fills in SQL (resolved ids and the like). */
  extraColumns: string;
  collector?: () => Collector;
  check(work: ApplyContext): Promise<RowError[]>;
  apply(work: ApplyContext): Promise<Record<string, number>>;
};

export type ApplyContext = {
  session: Session;
  user: Principal;
  batchId: string;
  scope: (alias: string) => SQL;
  exec: (query: SQL) => Promise<void>;
  select: <T>(query: SQL) => Promise<T[]>;
  /** The columns the file maps (empty cells in them mean "no change"). */
  mapped: Set<string>;
};

export function applyContext(
  session: Session,
  user: Principal,
  batchId: string,
  scope: (alias: string) => SQL,
  mapped: Set<string>,
): ApplyContext {
  return {
    session,
    user,
    batchId,
    scope,
    mapped,
    exec: async (query) => {
      await session.db.execute(query);
    },
    select: (query) => rows(session.db, query),
  };
}

/**
 * A work table that lives only inside the import's transaction. On PostgreSQL an unlogged table
 * created (and dropped) in the transaction: a temporary table would go through the session's small
 * local buffers (temp_buffers, 8 MB) and spill a million rows to disk; a rollback or a killed process
 * takes it away all the same. Two imports at once wait for each other on its name.
 */
export async function scratchTable(session: Session, name: string, columns: string): Promise<void> {
  await session.query(
    session.driver === 'postgres'
      ? `create unlogged table ${name} (${columns})`
      : `create temp table ${name} (${columns}) on commit drop`,
  );
  if (session.driver === 'postgres') scratch.get(session)?.push(name) ?? scratch.set(session, [name]);
}

const scratch = new WeakMap<Session, string[]>();

/** Drops the work tables before the commit (PostgreSQL; embedded ones go with the transaction). */
export async function dropScratch(session: Session): Promise<void> {
  const names = scratch.get(session) ?? [];
  if (names.length) await session.query(`drop table ${names.join(', ')}`);
  scratch.delete(session);
}

export async function createStaging(session: Session, fields: FieldDef[], computed: [string, string][], extra: string) {
  const columns = [...fields.map((f) => `"${f.key}" ${f.sqlType}`), ...computed.map(([c, t]) => `"${c}" ${t}`)].join(
    ', ',
  );
  // no primary key: rows arrive in file order, unique by construction, and an index would slow the COPY
  await scratchTable(session, STAGING, `row_no int, ${columns}${extra ? `, ${extra}` : ''}`);
}

const COPY_SPECIAL = /[\\\n\r\t]/;

function escapeCopy(text: string): string {
  // most values need no escaping: testing first spares a copy of each
  if (!COPY_SPECIAL.test(text)) return text;
  return text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) {
    return escapeCopy(`{${value.map((v) => `"${String(v).replace(/(["\\])/g, '\\$1')}"`).join(',')}}`);
  }
  return escapeCopy(String(value));
}

/** About 4,000 staged rows a chunk: the size measured fastest, small enough to keep memory flat. */
const CHUNK_BYTES = 512 * 1024;

/**
 * Writes rows as COPY text straight into a byte buffer and sends it in chunks, so memory stays flat
 * and a row leaves no string behind once encoded. One chunk is in flight while the next is filled
 * (two buffers, taking turns): the database works on it meanwhile.
 */
export function copyWriter(session: Session, table: string, columns: string[], chunkBytes = CHUNK_BYTES) {
  const buffers: Buffer[] = [];
  let current = 0;
  let used = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const parts: string[] = [];
  const columnList = columns.map((c) => `"${c}"`).join(', ');
  const send = async () => {
    if (!used) return;
    const data = buffers[current]!.subarray(0, used);
    current = 1 - current;
    used = 0;
    // the buffer filled next is the one whose COPY this waits for
    await inFlight;
    inFlight = session.copy(table, columnList, data);
  };
  return {
    async add(values: readonly unknown[]) {
      parts.length = values.length;
      for (let i = 0; i < values.length; i++) parts[i] = copyValue(values[i]);
      const line = parts.join('\t');
      // a UTF-16 code unit takes at most 3 bytes in UTF-8
      const room = line.length * 3 + 1;
      if (used + room > (buffers[current]?.length ?? 0)) {
        await send();
        if (room > (buffers[current]?.length ?? 0)) buffers[current] = Buffer.allocUnsafe(Math.max(chunkBytes, room));
      }
      const buffer = buffers[current]!;
      used += buffer.write(line, used);
      buffer[used++] = 0x0a;
    },
    async flush() {
      await send();
      await inFlight;
    },
  };
}
