/** Business days for the generator: day numbers (days since 1970-01-01), China's trading rhythm. */

const DAY_MS = 86_400_000;

export function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

const isoCache = new Map<number, string>();

export function isoOfDay(day: number): string {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, text);
  }
  return text;
}

/** A timestamp in China Standard Time, as PostgreSQL reads it. */
export function cst(day: number, minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  return `${isoOfDay(day)} ${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:00+08`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (day + 4) % 7;
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 春节 (first day of the lunar year) by Gregorian date; outside the table, early February is close enough. */
const SPRING_FESTIVAL: Record<number, string> = {
  2018: '02-16',
  2019: '02-05',
  2020: '01-25',
  2021: '02-12',
  2022: '02-01',
  2023: '01-22',
  2024: '02-10',
  2025: '01-29',
  2026: '02-17',
  2027: '02-06',
  2028: '01-26',
  2029: '02-13',
  2030: '02-03',
  2031: '01-23',
  2032: '02-11',
  2033: '01-31',
  2034: '02-19',
  2035: '02-08',
};

export function springFestival(year: number): number {
  return dayOf(`${year}-${SPRING_FESTIVAL[year] ?? '02-05'}`);
}

/**
 * Relative order intake on a day: factories stop around Spring Festival (workers travel home, the
 * restart is slow), the National Day and Labour Day holidays are quiet, quarter ends and above all
 * December see the year-end push to use budgets and close targets, weekends are nearly empty.
 */
export function orderIntake(day: number): number {
  const date = new Date(day * DAY_MS);
  const month = date.getUTCMonth() + 1;
  const dom = date.getUTCDate();
  let w = 1;
  const wd = weekday(day);
  if (wd === 6) w *= 0.2;
  else if (wd === 0) w *= 0.06;

  const fromFestival = day - springFestival(date.getUTCFullYear());
  if (fromFestival >= -14 && fromFestival < -7) w *= 0.8;
  else if (fromFestival >= -7 && fromFestival < 0) w *= 0.3;
  else if (fromFestival >= 0 && fromFestival < 8) w *= 0.04;
  else if (fromFestival >= 8 && fromFestival < 16) w *= 0.4;
  else if (fromFestival >= 16 && fromFestival < 24) w *= 0.8;

  if (month === 12) w *= dom > 15 ? 1.7 : 1.3;
  else if ((month === 3 || month === 6 || month === 9) && dom > 20) w *= 1.2;
  else if (month === 10 && dom <= 7) w *= 0.08;
  else if (month === 5 && dom <= 5) w *= 0.3;
  return w;
}

/** The next Monday–Friday on or after the day. */
export function nextWorkday(day: number): number {
  const wd = weekday(day);
  if (wd === 6) return day + 2;
  if (wd === 0) return day + 1;
  return day;
}
