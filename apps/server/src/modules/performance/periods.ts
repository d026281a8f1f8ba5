/** A period's first and last day: '2026' is the year, '2026-Q4' October–December, '2026-11' November. */
export type Range = { from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function periodRange(period: string): Range {
  const y = Number(period.slice(0, 4));
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  if (q) {
    const first = (Number(q[1]) - 1) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${lastDay(y, first + 2)}` };
  }
  const m = /^\d{4}-(\d{2})$/.exec(period);
  if (m) {
    const month = Number(m[1]);
    return { from: `${y}-${pad(month)}-01`, to: `${y}-${pad(month)}-${lastDay(y, month)}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** The period before: the previous quarter, month or year. */
export function previousPeriod(period: string): string {
  const y = Number(period.slice(0, 4));
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  if (q) return Number(q[1]) === 1 ? `${y - 1}-Q4` : `${y}-Q${Number(q[1]) - 1}`;
  const m = /^\d{4}-(\d{2})$/.exec(period);
  if (m) return Number(m[1]) === 1 ? `${y - 1}-12` : `${y}-${pad(Number(m[1]) - 1)}`;
  return String(y - 1);
}

/** The quarter a day falls in. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The same range one year earlier (growth compares with it); 29 February becomes the 28th. */
export function yearBefore(range: Range): Range {
  const shift = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    const m = Number(d.slice(5, 7));
    return `${y}-${pad(m)}-${pad(Math.min(Number(d.slice(8, 10)), lastDay(y, m)))}`;
  };
  return { from: shift(range.from), to: shift(range.to) };
}

export const daysIn = (r: Range) => Math.round((Date.parse(r.to) - Date.parse(r.from)) / 86_400_000) + 1;
