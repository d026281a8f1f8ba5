import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/index.js';
import { type Database, rows } from '../../platform/db/index.js';
import { principalById } from '../users/index.js';
import { fieldsByKind, guessHeaderRow, type ImportKind, importKinds, suggestMapping } from './fields.js';
import { mappingFromTemplate } from './imports.service.js';
import { detectFormat, previewRows } from './read-file.js';
import { type ImportProgress, type ImportResult, runImport } from './run-import.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

export function parseImportKind(kind: string | undefined): ImportKind {
  if (!kind || !importKinds.includes(kind as ImportKind)) {
    throw new Error(`--type must be one of ${importKinds.join(', ')}`);
  }
  return kind as ImportKind;
}

/** The CLI acts as a named user (default: the first admin), so scope and masking apply as on the web. */
export async function cliPrincipal(database: Database, username?: string): Promise<Principal> {
  const [found] = await rows<{ id: string }>(
    database.db,
    username
      ? sql`select id from users where username = ${username.toLowerCase()} and disabled_at is null`
      : sql`select id from users where role = 'admin' and disabled_at is null order by created_at limit 1`,
  );
  const principal = found && (await principalById(database.db, found.id));
  if (!principal)
    throw new Error(username ? `no active user ${username}` : 'no admin user: create one with `kamap user add`');
  // the operator at the console acts as that user with its role's full rights (not a read-only feed)
  return { ...principal, tokenScopes: null };
}

export function printFields(kind: ImportKind): void {
  say(`fields of ${kind} (key — 中文 / English — headers recognised):`);
  for (const f of fieldsByKind[kind]) {
    say(
      `  ${f.key}${f.required ? ' (required)' : ''}${f.personal ? ' (personal)' : ''} — ${f.zh} / ${f.en} — ${f.aliases.join(', ')}`,
    );
  }
}

/**
 * `kamap import FILE --type T`: header row and mapping guessed from the file unless given (a mapping
 * file maps header text or column number to field key), a progress bar with rows/s and ETA, and a
 * summary with the errors (row, column, value, reason).
 */
export async function importFromCli(
  database: Database,
  file: string,
  opts: {
    kind: ImportKind;
    mapping?: string;
    sheet?: string;
    headerRow?: number;
    dryRun?: boolean;
    onError?: 'abort' | 'skip';
    as?: string;
  },
): Promise<ImportResult> {
  const user = await cliPrincipal(database, opts.as);
  const format = detectFormat(file, file);
  const preview = await previewRows(file, format, opts.sheet, 30);
  const headerRow = opts.headerRow ?? guessHeaderRow(opts.kind, preview);
  const headers = (preview.find((r) => r.row === headerRow)?.cells ?? []).map((c) => (c === null ? null : String(c)));
  let mapping = suggestMapping(opts.kind, headers);
  if (opts.mapping) {
    const given = JSON.parse(readFileSync(opts.mapping, 'utf8')) as Record<string, string>;
    const byHeader = mappingFromTemplate(given, headers);
    const byIndex = Object.fromEntries(Object.entries(given).filter(([k]) => /^\d+$/.test(k)));
    mapping = { ...byHeader, ...byIndex };
  }
  say(
    `${opts.dryRun ? 'dry run: ' : ''}${opts.kind} from ${basename(file)} (header row ${headerRow}): ${Object.entries(
      mapping,
    )
      .map(([i, k]) => `${headers[Number(i)] ?? `#${i}`} → ${k}`)
      .join(', ')}`,
  );
  const started = Date.now();
  let lastLine = 0;
  const report = (p: ImportProgress, final = false) => {
    if (!final && Date.now() - lastLine < 1000) return;
    lastLine = Date.now();
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round(p.rows / secs);
    const share = p.bytesRead / Math.max(p.bytes, 1);
    const eta = share > 0 && share < 1 ? Math.ceil((secs / share) * (1 - share)) : 0;
    const line = `import: ${p.rows} rows, ${(share * 100).toFixed(0)}% of the file, ${rate} rows/s${p.phase === 'writing' ? ', writing to the store…' : `, ETA ${eta}s`}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K${final ? '\n' : ''}` : `${line}\n`);
  };
  const result = await runImport(
    database,
    user,
    {
      path: file,
      fileName: basename(file),
      format,
      kind: opts.kind,
      sheet: opts.sheet,
      headerRow,
      mapping,
      dryRun: Boolean(opts.dryRun),
      onError: opts.onError ?? 'abort',
    },
    (p) => report(p, p.phase === 'writing'),
  );
  say(
    `${result.status}: ${result.rows} rows in ${result.seconds.toFixed(1)} s (${Math.round(result.rows / Math.max(result.seconds, 0.001))} rows/s); ${Object.entries(
      result.counts,
    )
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; ${result.errorCount} errors${result.batchId ? `; batch ${result.batchId}` : ''}`,
  );
  for (const e of result.errors.slice(0, 50))
    say(`  row ${e.row}, ${e.column}${e.value === null ? '' : ` "${e.value}"`}: ${e.reason}`);
  if (result.errors.length > 50) say(`  … ${result.errorCount - 50} more`);
  return result;
}
