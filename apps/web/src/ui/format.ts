const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Integer fen → `¥1,234,567.89`, computed on integers so no float ever rounds a cent. */
export function formatMoney(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}¥${grouping.format(yuan)}.${String(cents).padStart(2, '0')}`;
}

/** Fen → a short label for charts and tight spaces: ¥1,234.5万 / ¥1.23亿 (zh) or ¥12.35M / ¥1.23B (en). */
export function formatMoneyShort(fen: number, language: string): string {
  const yuan = fen / 100;
  const abs = Math.abs(yuan);
  const sign = yuan < 0 ? '-' : '';
  const fixed = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (language.startsWith('zh')) {
    if (abs >= 1e8) return `${sign}¥${fixed(abs / 1e8)}亿`;
    if (abs >= 1e4) return `${sign}¥${fixed(abs / 1e4)}万`;
    return `${sign}¥${fixed(abs)}`;
  }
  if (abs >= 1e9) return `${sign}¥${fixed(abs / 1e9)}B`;
  if (abs >= 1e6) return `${sign}¥${fixed(abs / 1e6)}M`;
  if (abs >= 1e3) return `${sign}¥${fixed(abs / 1e3)}K`;
  return `${sign}¥${fixed(abs)}`;
}

/** Yuan as typed in a form (may carry cents) → integer fen. */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
export const fenToYuan = (fen: number) => fen / 100;

/**
 * A date (YYYY-MM-DD) as it is; a moment (an ISO timestamp) as its date in China, the calendar kamap
 * keeps, so the server drawing a page and the browser taking it over write the same, wherever each is.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaDate.format(new Date(value));
}

/** A moment as its date and time in China (YYYY-MM-DD HH:mm). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const parts = Object.fromEntries(chinaDateTime.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A moment's month and day in China (MM-DD), for short lists. */
export const formatMonthDay = (value: string) => formatDate(value).slice(5);

export const formatCount = (value: number) => grouping.format(value);

/** A decimal quantity as the API sends it ("15.000") without the trailing zeros ("15"). */
export function formatQuantity(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined) return '—';
  return `${(ratio * 100).toFixed(digits)}%`;
}

const pinyin = new Intl.Collator('zh-CN-u-co-pinyin');
/** Names sort by pinyin, as Chinese users expect (阿里 before 北京 before 中信). */
export const compareNames = (a: string, b: string) => pinyin.compare(a, b);

// built once: a formatter with a time zone takes milliseconds to build, and pages ask for today often
const chinaDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const chinaDateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Today's date in China (YYYY-MM-DD), the calendar kamap's server keeps due dates and counts in,
 * whatever time zone the browser is in.
 */
export function todayInChina(now = new Date()): string {
  return chinaDate.format(now);
}
