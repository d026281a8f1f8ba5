import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { ExportFormat } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { accountScope, dossierAccess, seesContactDetails } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { type Column, type ExportKind, filterSql, listExports, listReaders } from './export-lists.js';

/**
 * Exports in the caller's scope and masking, with the import's headers, so an exported file imports
 * again unchanged. Rows are read in keyset pages and written as they come: memory stays flat.
 */

/** A value Excel would run as a formula (=, +, -, @, tab, CR first) is written as text. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function visibleColumns(ctx: Ctx, kind: ExportKind): Column[] {
  return listExports[kind].columns.filter(
    (c) =>
      !c.personal || (c.personal === 'dossier' ? dossierAccess(ctx.user) === 'full' : seesContactDetails(ctx.user)),
  );
}

async function* pages(ctx: Ctx, kind: ExportKind, filter: SQL): AsyncGenerator<(string | number | null)[][]> {
  const def = listExports[kind];
  const columns = visibleColumns(ctx, kind);
  let after = '';
  for (;;) {
    const found = await rows<{ k: string; v: (string | number | null)[] }>(
      ctx.db,
      sql`select ${sql.raw(def.key)} as k, json_build_array(${sql.raw(columns.map((c) => c.expr).join(', '))}) as v
            from ${sql.raw(def.from)}
           where ${def.scopeAlias ? accountScope(ctx.user, def.scopeAlias) : sql`true`} and ${filter} and ${sql.raw(def.key)} > ${after}
             and ${sql.raw(def.live)}
           order by 1 limit 5000`,
    );
    if (!found.length) return;
    after = found.at(-1)!.k;
    yield found.map((r) => (typeof r.v === 'string' ? JSON.parse(r.v) : r.v));
  }
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function vcardText(value: string): string {
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

/** Refuses what cannot be exported before anything is written: the role's lists, the format, the filters. */
export function checkExport(ctx: Ctx, kind: ExportKind, format: ExportFormat, filters: Record<string, string>): SQL {
  if (format === 'vcf' && kind !== 'contacts') throw AppError.invalid('format', 'vCard is for contacts only');
  const roles = listReaders[kind];
  if (roles && !roles.includes(ctx.user.role)) {
    throw new AppError('forbidden', `Your role (${ctx.user.role}) has no ${kind} list`);
  }
  return filterSql(ctx, kind, filters);
}

/**
 * Writes an export to `out`: CSV in UTF-8 with BOM (Excel opens it), a streamed workbook, or vCard
 * 3.0 for contacts. Exports of personal data (contacts, interactions, surveys) are audited.
 */
export async function writeExport(
  ctx: Ctx,
  kind: ExportKind,
  format: ExportFormat,
  out: Writable,
  filters: Record<string, string> = {},
): Promise<number> {
  const filter = checkExport(ctx, kind, format, filters);
  const columns = visibleColumns(ctx, kind);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  let count = 0;
  if (format === 'xlsx') {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = book.addWorksheet(kind);
    sheet.addRow(columns.map((c) => c.header)).commit();
    for await (const page of pages(ctx, kind, filter)) {
      for (const r of page) {
        sheet.addRow(r.map((v) => (typeof v === 'string' ? neutralise(v) : v))).commit();
        count++;
      }
    }
    sheet.commit();
    await book.commit();
  } else if (format === 'csv') {
    await write(`\uFEFF${columns.map((c) => csvField(c.header)).join(',')}\r\n`);
    for await (const page of pages(ctx, kind, filter)) {
      await write(page.map((r) => `${r.map(csvField).join(',')}\r\n`).join(''));
      count += page.length;
    }
    out.end();
  } else {
    const at = (name: string) => columns.findIndex((c) => c.header === name);
    for await (const page of pages(ctx, kind, filter)) {
      for (const r of page) {
        const get = (name: string) => {
          const i = at(name);
          return i >= 0 && r[i] !== null ? vcardText(String(r[i])) : null;
        };
        const card = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${get('姓名')}`, `N:${get('姓名')};;;;`];
        if (get('职务')) card.push(`TITLE:${get('职务')}`);
        card.push(`ORG:${get('客户编号')}${get('部门') ? `;${get('部门')}` : ''}`);
        if (get('手机')) card.push(`TEL;TYPE=CELL:${get('手机')}`);
        if (get('邮箱')) card.push(`EMAIL:${get('邮箱')}`);
        card.push('END:VCARD');
        await write(`${card.join('\r\n')}\r\n`);
        count++;
      }
    }
    out.end();
  }
  if (listExports[kind].personal) {
    await audit(ctx, 'export.personal_data', kind, null, {
      format,
      rows: count,
      filters,
      dossier: dossierAccess(ctx.user),
    });
  }
  return count;
}

export async function exportToFile(ctx: Ctx, kind: ExportKind, format: ExportFormat, path: string): Promise<number> {
  const file = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    file.on('finish', resolve);
    file.on('error', reject);
  });
  const n = await writeExport(ctx, kind, format, file);
  await done;
  return n;
}
