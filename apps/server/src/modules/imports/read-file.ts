import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../platform/errors.js';
import type { Cell } from './values.js';

/**
 * Reads users' spreadsheets as a stream of rows, never the whole file: CSV through csv-parse after
 * the encoding is detected (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030), workbooks
 * through exceljs' streaming reader. A byte that does not decode stops the read with an error
 * naming the encoding: a wrong guess must never turn into mojibake in the database.
 */
export type FileFormat = 'csv' | 'xlsx';
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030';
export type SourceRow = { row: number; cells: Cell[] };
export type FileInfo = { format: FileFormat; encoding: Encoding | null; sheets: string[]; size: number };
/** Bytes of the file read so far, for progress and ETA. */
export type Position = { read: number; size: number };

export function detectFormat(path: string, fileName: string): FileFormat {
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (/\.xls$/i.test(fileName)) {
    throw new AppError('validation', 'old .xls workbooks are not read: save the file as .xlsx or .csv in Excel', [
      { path: 'file', message: 'save as .xlsx or .csv' },
    ]);
  }
  return 'csv';
}

export function detectEncoding(path: string): Encoding {
  const sample = Buffer.alloc(64 * 1024);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, sample, 0, sample.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = sample.subarray(0, n);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  try {
    // stream: true, so a character cut at the end of the sample is not taken for an invalid byte
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    const text = iconv.decode(bytes, 'gb18030');
    if (text.slice(0, -1).includes('\uFFFD')) {
      throw new AppError('validation', 'the file is neither UTF-8 nor GB18030/GBK text: save it as CSV UTF-8', [
        { path: 'file', message: 'unknown text encoding' },
      ]);
    }
    return 'gb18030';
  }
}

/** Decodes bytes to text, failing (not substituting) on the first byte that does not decode. */
class Decode extends Transform {
  private readonly utf8: InstanceType<typeof TextDecoder> | null;
  private readonly other: ReturnType<typeof iconv.getDecoder> | null;
  private offset = 0;

  constructor(private readonly encoding: Encoding) {
    super({ decodeStrings: true, readableObjectMode: false });
    this.utf8 =
      encoding === 'utf-8' || encoding === 'utf-8-bom' || encoding === 'utf-16le'
        ? new TextDecoder(encoding === 'utf-16le' ? 'utf-16le' : 'utf-8', { fatal: true, ignoreBOM: false })
        : null;
    this.other = this.utf8 ? null : iconv.getDecoder('gb18030');
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const text = this.utf8 ? this.utf8.decode(chunk, { stream: true }) : this.other!.write(chunk);
      if (!this.utf8 && text.includes('\uFFFD')) throw new Error('undecodable');
      this.offset += chunk.length;
      done(null, text);
    } catch {
      done(this.failure());
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      const rest = this.utf8 ? this.utf8.decode() : (this.other!.end() ?? '');
      if (rest.includes('\uFFFD')) throw new Error('undecodable');
      done(null, rest);
    } catch {
      done(this.failure());
    }
  }

  private failure(): AppError {
    const name = this.encoding === 'gb18030' ? 'GB18030/GBK' : this.encoding === 'utf-16le' ? 'UTF-16' : 'UTF-8';
    return new AppError(
      'validation',
      `the file is not valid ${name} text near byte ${this.offset}: it mixes encodings; save it again as CSV UTF-8`,
      [{ path: 'file', message: `not valid ${name}` }],
    );
  }
}

function guessDelimiter(path: string, encoding: Encoding): string {
  const sample = Buffer.alloc(8192);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, sample, 0, sample.length, 0);
  } finally {
    closeSync(fd);
  }
  const text =
    encoding === 'gb18030'
      ? iconv.decode(sample.subarray(0, n), 'gb18030')
      : sample.subarray(0, n).toString(encoding === 'utf-16le' ? 'utf16le' : 'utf8');
  const lines = text.split(/\r?\n/).slice(0, 5).join('\n');
  const count = (c: string) => lines.split(c).length;
  const candidates = [',', '\t', ';'];
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

function counted(path: string, position: Position) {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  stream.on('data', (chunk) => {
    position.read += chunk.length;
  });
  return stream;
}

async function* csvRows(path: string, position: Position): AsyncGenerator<SourceRow> {
  const encoding = detectEncoding(path);
  const parser = parseCsv({
    delimiter: guessDelimiter(path, encoding),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    info: true,
  });
  const decode = new Decode(encoding);
  const source = counted(path, position);
  source.on('error', (err) => parser.destroy(err));
  decode.on('error', (err) => parser.destroy(err));
  source.pipe(decode).pipe(parser);
  let previousEnd = 0;
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const row = previousEnd + 1;
    previousEnd = record.info.lines;
    yield { row, cells: record.record.map((c) => (c === '' ? null : c)) };
  }
}

function workbookCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return workbookCell((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value) return workbookCell((value as { text: ExcelJS.CellValue }).text);
    if ('error' in value) return null;
  }
  return String(value);
}

type Reader = Omit<ExcelJS.stream.xlsx.WorkbookReader, 'model'> & {
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
};

function sheetName(reader: Reader, worksheet: { id: number | string; name: string }): string {
  const rel = reader.workbookRels?.find(
    (r) => r.Target.replace(/^\/?xl\//, '') === `worksheets/sheet${worksheet.id}.xml`,
  );
  return reader.model?.sheets?.find((s) => s.rId === rel?.Id)?.name ?? worksheet.name;
}

function openWorkbook(path: string, position: Position): Reader {
  return new ExcelJS.stream.xlsx.WorkbookReader(counted(path, position) as never, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as Reader;
}

async function* workbookRows(path: string, sheet: string | undefined, position: Position): AsyncGenerator<SourceRow> {
  const reader = openWorkbook(path, position);
  const names: string[] = [];
  for await (const worksheet of reader) {
    const name = sheetName(reader, worksheet as unknown as { id: number; name: string });
    names.push(name);
    if (sheet !== undefined && name !== sheet) {
      for await (const _ of worksheet as AsyncIterable<unknown>) {
        // a sheet before the chosen one is read through (a zip is read in order)
      }
      continue;
    }
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(workbookCell(values[i]));
      yield { row: row.number, cells };
    }
    return;
  }
  throw new AppError('validation', `the workbook has no sheet named ${sheet} (it has ${names.join(', ')})`, [
    { path: 'sheet', message: 'no such sheet' },
  ]);
}

/** The rows of a file (of one sheet of a workbook: the first unless named), with the read position. */
export function readRows(
  path: string,
  format: FileFormat,
  sheet?: string,
): { rows: AsyncGenerator<SourceRow>; position: Position } {
  const position: Position = { read: 0, size: statSync(path).size };
  return { rows: format === 'csv' ? csvRows(path, position) : workbookRows(path, sheet, position), position };
}

export async function inspectFile(path: string, fileName: string): Promise<FileInfo> {
  const format = detectFormat(path, fileName);
  const size = statSync(path).size;
  if (format === 'csv') return { format, encoding: detectEncoding(path), sheets: [], size };
  const reader = openWorkbook(path, { read: 0, size });
  const sheets: string[] = [];
  for await (const worksheet of reader) {
    // the workbook part, read before the sheets, names them all: no need to read the sheets
    const named = reader.model?.sheets?.map((s) => s.name);
    if (named?.length) {
      (reader as unknown as { stream?: { destroy(): void } }).stream?.destroy();
      return { format, encoding: null, sheets: named, size };
    }
    sheets.push(sheetName(reader, worksheet as unknown as { id: number; name: string }));
    for await (const _ of worksheet as AsyncIterable<unknown>) {
      // without a workbook part first, each sheet is read through to reach the next
    }
  }
  return { format, encoding: null, sheets, size };
}

/** The first `limit` rows, for choosing the header row and checking the mapping. */
export async function previewRows(path: string, format: FileFormat, sheet: string | undefined, limit: number) {
  const { rows } = readRows(path, format, sheet);
  const out: SourceRow[] = [];
  for await (const row of rows) {
    out.push(row);
    if (out.length >= limit) break;
  }
  await rows.return(undefined);
  return out;
}
