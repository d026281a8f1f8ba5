import { createHash, type Hash } from 'node:crypto';
import type { Session } from '../../platform/db/session.js';

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
