import dayjs from 'dayjs';

/** The quarter a day falls in: '2026-Q4'. */
export function quarterOf(day: dayjs.Dayjs = dayjs()): string {
  return `${day.year()}-Q${Math.floor(day.month() / 3) + 1}`;
}

/** This quarter and the seven before it, newest first, then this year and last. */
export function periodOptions(today: dayjs.Dayjs = dayjs()): string[] {
  const quarters = Array.from({ length: 8 }, (_, i) => quarterOf(today.subtract(i * 3, 'month')));
  return [...quarters, String(today.year()), String(today.year() - 1)];
}

export const previousQuarter = (period: string) => {
  const [y, q] = period.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
};
