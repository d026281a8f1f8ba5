import { isValidCreditCode } from '@kamap/contracts';

/**
 * Cell values as users' files carry them, turned into what the database stores. Each parser returns
 * the value, `null` for an empty cell, or throws `ValueError` with the reason a person can act on.
 */
export class ValueError extends Error {}

/** A cell as read: text from CSV; text, number, Date or boolean from a workbook. */
export type Cell = string | number | boolean | Date | null;

export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell).trim();
  return text === '' ? null : text;
}

/** Numbers and dates also come in full-width digits (１２３，４５６): compared after NFKC folding. */
function foldedText(cell: Cell): string | null {
  return cellText(cell)?.normalize('NFKC') ?? null;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoFrom(y: number, m: number, d: number): string {
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new ValueError(`日期不存在 / not a calendar date: ${y}-${m}-${d}`);
  }
  return date.toISOString().slice(0, 10);
}

function fromSerial(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) throw new ValueError('不是日期 / not a date');
  return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Dates: 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105, Excel serial numbers (45296), workbook
 * date cells, and m/d/yyyy as English ERP exports write it (d/m/yyyy when the first part exceeds 12).
 */
export function parseDate(cell: Cell): string | null {
  if (typeof cell !== 'string') return parseDateCell(cell);
  const known = dateTexts.get(cell);
  if (known !== undefined) return known;
  const parsed = parseDateCell(cell);
  if (dateTexts.size >= 10_000) dateTexts.clear();
  dateTexts.set(cell, parsed);
  return parsed;
}

/** A file repeats a few hundred dates over many rows: each text is parsed once (refusals are not kept). */
const dateTexts = new Map<string, string | null>();

function parseDateCell(cell: Cell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw new ValueError('不是日期 / not a date');
    return cell.toISOString().slice(0, 10);
  }
  if (typeof cell === 'number') return fromSerial(cell);
  const text = foldedText(cell);
  if (text === null) return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text);
  if (m) return isoFrom(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return isoFrom(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return a > 12 ? isoFrom(Number(m[3]), b, a) : isoFrom(Number(m[3]), a, b);
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromSerial(Number(text));
  throw new ValueError(`无法识别的日期 / not a date (use 2024-01-05, 2024/1/5 or 2024年1月5日): ${text}`);
}

const UNITS: Record<string, number> = { 万: 4, 亿: 8, 千: 3, 百: 2, k: 3, K: 3 };

/**
 * A decimal number as text with its scale, exactly: "¥1,234.50", "12.5万", "(300)", "1 234", "-7".
 * Returns [integer digits as bigint, scale] so money never passes through a float.
 */
function decimal(cell: Cell, what: string): { units: bigint; scale: number } | null {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new ValueError(`不是数字 / not a ${what}`);
    cell = cell.toFixed(6);
  }
  const raw = foldedText(cell);
  if (raw === null) return null;
  let text = raw.replace(/^(RMB|CNY)/i, '').replace(/[¥￥元,，\s]/g, '');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1]!;
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  let shift = 0;
  const unit = UNITS[text.slice(-1)];
  if (unit !== undefined) {
    shift = unit;
    text = text.slice(0, -1);
  }
  if (text.endsWith('%')) {
    shift -= 2;
    text = text.slice(0, -1);
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === '' && !m[2])) throw new ValueError(`不是数字 / not a ${what}: ${raw}`);
  const frac = m[2] ?? '';
  let units = BigInt(`${m[1] || '0'}${frac}`);
  let scale = frac.length - shift;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: negative ? -units : units, scale };
}

function rescale(value: { units: bigint; scale: number }, scale: number): bigint {
  if (value.scale <= scale) return value.units * 10n ** BigInt(scale - value.scale);
  const div = 10n ** BigInt(value.scale - scale);
  const q = value.units / div;
  const r = value.units % div;
  // half away from zero, as accountants round
  if ((r < 0n ? -r : r) * 2n >= div) return q + (value.units < 0n ? -1n : 1n);
  return q;
}

/** Money in fen (分): ¥1,234.50 → 123450; 12.5万 = 125,000 元 → 12500000. */
export function parseMoney(cell: Cell): number | null {
  const value = decimal(cell, 'amount');
  if (value === null) return null;
  const fen = rescale(value, 2);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ValueError('金额过大 / amount too large');
  }
  return Number(fen);
}

/** A quantity with up to three decimals, as text for a numeric column. */
export function parseQuantity(cell: Cell): string | null {
  const value = decimal(cell, 'number');
  if (value === null) return null;
  const milli = rescale(value, 3);
  const sign = milli < 0n ? '-' : '';
  const abs = (milli < 0n ? -milli : milli).toString().padStart(4, '0');
  return `${sign}${abs.slice(0, -3)}.${abs.slice(-3)}`;
}

export function parseInteger(cell: Cell): number | null {
  const value = decimal(cell, 'whole number');
  if (value === null) return null;
  const n = rescale(value, 0);
  if (rescale(value, 3) !== n * 1000n) throw new ValueError('不是整数 / not a whole number');
  if (n > 2_147_483_647n || n < -2_147_483_648n) throw new ValueError('数值过大 / number too large');
  return Number(n);
}

/** A share as a fraction 0–1: "35%", "0.35" or "35" (percent when above 1). */
export function parseShare(cell: Cell): string | null {
  const value = decimal(cell, 'share');
  if (value === null) return null;
  let ten4 = rescale(value, 4);
  if (ten4 > 10_000n) ten4 = rescale(value, 2);
  if (ten4 < 0n || ten4 > 10_000n) throw new ValueError('份额应在 0–100% 之间 / a share is between 0 and 100%');
  return (Number(ten4) / 10_000).toFixed(4);
}

export function parseText(max: number) {
  return (cell: Cell): string | null => {
    const text = cellText(cell);
    if (text !== null && text.length > max) throw new ValueError(`超过 ${max} 个字符 / longer than ${max} characters`);
    return text;
  };
}

/** 统一社会信用代码: 18 characters with the GB 32100-2015 check character. */
export function parseCreditCode(cell: Cell): string | null {
  const text = foldedText(cell)?.toUpperCase() ?? null;
  if (text === null) return null;
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(text))
    throw new ValueError('不是统一社会信用代码（18 位）/ not a unified social credit code (18 characters)');
  if (!isValidCreditCode(text))
    throw new ValueError(
      '统一社会信用代码校验位不符 / the check character (18th) does not match: mistyped credit code',
    );
  return text;
}

/** One of `values`, accepting the Chinese labels in `labels` too. */
export function parseChoice(values: readonly string[], labels: Record<string, string> = {}) {
  return (cell: Cell): string | null => {
    const text = cellText(cell);
    if (text === null) return null;
    const lower = text.toLowerCase();
    if (values.includes(lower)) return lower;
    const byLabel = labels[text];
    if (byLabel) return byLabel;
    throw new ValueError(`取值应为 / one of ${values.join(', ')}`);
  };
}

/** 1–5 ratings. */
export function parseRating(cell: Cell): number | null {
  const n = parseInteger(cell);
  if (n !== null && (n < 1 || n > 5)) throw new ValueError('评分应为 1–5 / a rating from 1 to 5');
  return n;
}

/** Tags separated by commas, semicolons, 、 or |. */
export function parseTags(cell: Cell): string[] | null {
  const text = cellText(cell);
  if (text === null) return null;
  return [
    ...new Set(
      text
        .split(/[,;、|]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}
