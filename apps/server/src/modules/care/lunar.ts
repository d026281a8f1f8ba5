import { LunarDay, LunarMonth, SolarDay } from 'tyme4ts';

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The solar date of lunar month/day in lunar year `year`. A 30th in a year whose month has 29 days
 * falls on the 29th (the custom: celebrate on the month's last day); leap months are not used, so a
 * birthday in a leap month is kept in the ordinary month of that number.
 */
export function lunarToSolar(year: number, month: number, day: number): string {
  const days = LunarMonth.fromYm(year, month).getDayCount();
  const solar = LunarDay.fromYmd(year, month, Math.min(day, days)).getSolarDay();
  return iso(solar.getYear(), solar.getMonth(), solar.getDay());
}

/** The solar date of month/day in `year`; 29 February falls on the 28th in common years. */
export function solarInYear(year: number, month: number, day: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, Math.min(day, last));
}

/** The first day on or after `from` (YYYY-MM-DD) on which a yearly solar or lunar date falls. */
export function nextOccurrence(calendar: 'solar' | 'lunar', month: number, day: number, from: string): string {
  const year = Number(from.slice(0, 4));
  // a late-twelfth-month lunar date of year Y − 1 can fall in January of Y
  for (const y of calendar === 'lunar' ? [year - 1, year, year + 1] : [year, year + 1]) {
    const date = calendar === 'lunar' ? lunarToSolar(y, month, day) : solarInYear(y, month, day);
    if (date >= from) return date;
  }
  throw new RangeError(`no occurrence of ${calendar} ${month}-${day} after ${from}`);
}

/** The lunar month and day of a solar date (leap months as their ordinary number). */
export function solarToLunar(date: string): { month: number; day: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lunar = SolarDay.fromYmd(y, m, d).getLunarDay();
  return { month: lunar.getLunarMonth().getMonth(), day: lunar.getDay() };
}
