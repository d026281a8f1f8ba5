import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../errors.js';

/**
 * Keyset paging: a cursor is the sort value and id of the last row seen, base64url JSON, so pages
 * stay stable while rows are added and never need OFFSET.
 */
export type SortSpec = { column: SQL; key: string; desc: boolean };

type CursorValue = [string | number | null, string];

export function encodeCursor(value: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([value, id] satisfies CursorValue)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorValue {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') return parsed as CursorValue;
  } catch {
    // fall through to the error below
  }
  throw AppError.invalid('querystring.cursor', 'not a cursor this server issued');
}

/** Parses a `sort` value like '-name' against the columns a list allows. */
export function sortSpec(sort: string, columns: Record<string, SQL>): SortSpec {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const column = columns[key];
  if (!column) throw AppError.invalid('querystring.sort', `cannot sort by ${key}`);
  return { column, key, desc };
}

/** WHERE fragment selecting rows after the cursor, with ids as tie-breaker; nulls sort last. */
export function afterCursor(spec: SortSpec, idColumn: SQL, cursor: string | undefined): SQL {
  if (!cursor) return sql`true`;
  const [value, id] = decodeCursor(cursor);
  const op = spec.desc ? sql`<` : sql`>`;
  if (value === null) return sql`(${spec.column} is null and ${idColumn} ${op} ${id})`;
  return sql`((${spec.column}) ${op} ${value} or ((${spec.column}) = ${value} and ${idColumn} ${op} ${id}) or ${spec.column} is null)`;
}

export function orderBy(spec: SortSpec, idColumn: SQL): SQL {
  const dir = spec.desc ? sql`desc` : sql`asc`;
  return sql`${spec.column} ${dir} nulls last, ${idColumn} ${dir}`;
}

/** Turns limit+1 fetched rows into a page with the cursor of its last row. */
export function toPage<R, T>(
  fetched: R[],
  limit: number,
  cursorOf: (row: R) => [string | number | null, string],
  map: (row: R) => T,
  total: number,
): { items: T[]; nextCursor: string | null; total: number } {
  const more = fetched.length > limit;
  const rows = more ? fetched.slice(0, limit) : fetched;
  const last = rows[rows.length - 1];
  return {
    items: rows.map(map),
    nextCursor: more && last ? encodeCursor(...cursorOf(last)) : null,
    total,
  };
}
