import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Parser } from 'csv-parse';
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

function encodingName(encoding: Encoding): string {
  return encoding === 'gb18030' ? 'GB18030/GBK' : encoding === 'utf-16le' ? 'UTF-16' : 'UTF-8';
}

function undecodable(encoding: Encoding, offset: number): AppError {
  const name = encodingName(encoding);
  return new AppError(
    'validation',
    `the file is not valid ${name} text near byte ${offset}: it mixes encodings; save it again as CSV UTF-8`,
    [{ path: 'file', message: `not valid ${name}` }],
  );
}

/** Bytes of a UTF-8 sequence, by its first byte (an invalid first byte is left to isUtf8 to refuse). */
function sequenceLength(first: number): number {
  return first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
}

/** What turns the file's bytes into what the parser reads, refusing a byte that does not decode. */
type TextCheck = { next(chunk: Buffer): Buffer | string; end(): Buffer | string };

/**
 * Checks that bytes are UTF-8 and hands them on as they are: the CSV parser reads UTF-8 bytes
 * itself, so decoding each chunk to a string here would only make garbage (a string and a buffer
 * again per chunk). A character cut at the end of a chunk is checked with the start of the next.
 */
function utf8Check(): TextCheck {
  let tail: Buffer | null = null;
  let offset = 0;
  const valid = (chunk: Buffer): boolean => {
    let start = 0;
    if (tail) {
      start = Math.min(sequenceLength(tail[0]!) - tail.length, chunk.length);
      const joined = Buffer.concat([tail, chunk.subarray(0, start)]);
      if (joined.length < sequenceLength(joined[0]!)) tail = joined;
      else if (!isUtf8(joined)) return false;
      else tail = null;
    }
    let end = chunk.length;
    for (let i = chunk.length - 1; i >= Math.max(start, chunk.length - 4); i--) {
      if ((chunk[i]! & 0xc0) !== 0x80) {
        if (i + sequenceLength(chunk[i]!) > chunk.length) end = i;
        break;
      }
    }
    if (!isUtf8(chunk.subarray(start, end))) return false;
    if (end < chunk.length) tail = Buffer.from(chunk.subarray(end));
    return true;
  };
  return {
    next(chunk) {
      if (!valid(chunk)) throw undecodable('utf-8', offset);
      offset += chunk.length;
      return chunk;
    },
    end() {
      if (tail) throw undecodable('utf-8', offset);
      return '';
    },
  };
}

/**
 * GB18030 through the platform's decoder where Node has it (full ICU, as released): iconv-lite's
 * streaming decoder drops a character when a read cuts a four-byte sequence after its third byte.
 */
function gb18030Decoder(): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder('gb18030', { fatal: true });
  } catch {
    return null;
  }
}

/** Decodes UTF-16 and GB18030 to text, failing (not substituting) on the first byte that does not decode. */
function decodeCheck(encoding: 'utf-16le' | 'gb18030'): TextCheck {
  const decoder =
    encoding === 'utf-16le' ? new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false }) : gb18030Decoder();
  const other = decoder ? null : iconv.getDecoder('gb18030');
  let offset = 0;
  const decoded = (text: string) => {
    if (other && text.includes('\uFFFD')) throw undecodable(encoding, offset);
    return text;
  };
  return {
    next(chunk) {
      let text: string;
      try {
        text = decoder ? decoder.decode(chunk, { stream: true }) : other!.write(chunk);
      } catch {
        throw undecodable(encoding, offset);
      }
      decoded(text);
      offset += chunk.length;
      return text;
    },
    end() {
      try {
        return decoded(decoder ? decoder.decode() : (other!.end() ?? ''));
      } catch (err) {
        throw err instanceof AppError ? err : undecodable(encoding, offset);
      }
    },
  };
}

/**
 * csv-parse, each record followed by the count of lines read when it ended (so a quoted field with
 * line breaks still gives the next record its true row number). Its own `info` option would say the
 * same with two objects of twenty properties per record.
 */
class NumberedParser extends Parser {
  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (Array.isArray(record)) record.push(this.info.lines);
    return super.push(record, encoding);
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
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  stream.on('data', (chunk) => {
    position.read += chunk.length;
  });
  return stream;
}

/**
 * 64 KB reads: the parser turns each chunk into rows at once, and they wait until read; larger
 * chunks kept so many waiting that V8 moved them to the old generation, which only a full
 * collection empties (256 KB chunks: about 100 MB of garbage between two).
 */
const READ_CHUNK = 64 * 1024;
/** A preview reads a few rows: small reads, so it leaves few parsed rows unread behind it. */
const PREVIEW_CHUNK = 4 * 1024;

/**
 * The rows of a CSV file. Each chunk read goes through the encoding check into the parser, and the
 * rows it makes are taken from it at once, before the next read: no stream between them holds
 * chunks or rows waiting, so each lives only as long as it is used.
 */
async function* csvRows(path: string, position: Position, chunkBytes: number): AsyncGenerator<SourceRow> {
  const encoding = detectEncoding(path);
  const parser = new NumberedParser({
    delimiter: guessDelimiter(path, encoding),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  // the parser's errors are thrown from here (its `errored`), not emitted to nobody
  parser.on('error', () => {});
  const check = encoding === 'utf-8' || encoding === 'utf-8-bom' ? utf8Check() : decodeCheck(encoding);
  let previousEnd = 0;
  const numbered = (record: (string | number)[]): SourceRow => {
    const row = previousEnd + 1;
    previousEnd = record.pop() as number;
    // the parser's own array becomes the row's cells: an empty field is an empty cell
    for (let i = 0; i < record.length; i++) if (record[i] === '') record[i] = null as never;
    return { row, cells: record as Cell[] };
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
      position.read += chunk.length;
      parser.write(check.next(chunk));
      if (parser.errored) throw parser.errored;
      for (let record = parser.read(); record !== null; record = parser.read()) yield numbered(record);
    }
    const rest = check.end();
    if (rest.length) parser.write(rest);
    parser.end();
    for await (const record of parser as AsyncIterable<(string | number)[]>) yield numbered(record);
  } finally {
    parser.destroy();
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
  chunkBytes = READ_CHUNK,
): { rows: AsyncGenerator<SourceRow>; position: Position } {
  const position: Position = { read: 0, size: statSync(path).size };
  return {
    rows: format === 'csv' ? csvRows(path, position, chunkBytes) : workbookRows(path, sheet, position),
    position,
  };
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
  const { rows } = readRows(path, format, sheet, PREVIEW_CHUNK);
  const out: SourceRow[] = [];
  for await (const row of rows) {
    out.push(row);
    if (out.length >= limit) break;
  }
  await rows.return(undefined);
  return out;
}
