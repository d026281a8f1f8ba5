import { describe, expect, it } from 'vitest';
import { lunarToSolar, nextOccurrence, solarInYear, solarToLunar } from './lunar.js';

/**
 * Festival dates 2020–2030 as published in the Chinese almanac (农历/万年历; the State Council's
 * holiday notices for the years already announced): 春节 1-1, 端午 5-5, 中秋 8-15, 元宵 1-15.
 */
const almanac: [year: number, springFestival: string, lantern: string, dragonBoat: string, midAutumn: string][] = [
  [2020, '2020-01-25', '2020-02-08', '2020-06-25', '2020-10-01'],
  [2021, '2021-02-12', '2021-02-26', '2021-06-14', '2021-09-21'],
  [2022, '2022-02-01', '2022-02-15', '2022-06-03', '2022-09-10'],
  [2023, '2023-01-22', '2023-02-05', '2023-06-22', '2023-09-29'],
  [2024, '2024-02-10', '2024-02-24', '2024-06-10', '2024-09-17'],
  [2025, '2025-01-29', '2025-02-12', '2025-05-31', '2025-10-06'],
  [2026, '2026-02-17', '2026-03-03', '2026-06-19', '2026-09-25'],
  [2027, '2027-02-06', '2027-02-20', '2027-06-09', '2027-09-15'],
  [2028, '2028-01-26', '2028-02-09', '2028-05-28', '2028-10-03'],
  [2029, '2029-02-13', '2029-02-27', '2029-06-16', '2029-09-22'],
  [2030, '2030-02-03', '2030-02-17', '2030-06-05', '2030-09-12'],
];

describe('lunar conversion against the almanac', () => {
  it.each(almanac)('%i', (year, spring, lantern, dragon, midAutumn) => {
    expect(lunarToSolar(year, 1, 1)).toBe(spring);
    expect(lunarToSolar(year, 1, 15)).toBe(lantern);
    expect(lunarToSolar(year, 5, 5)).toBe(dragon);
    expect(lunarToSolar(year, 8, 15)).toBe(midAutumn);
    expect(solarToLunar(midAutumn)).toEqual({ month: 8, day: 15 });
  });

  it('a 30th in a 29-day month falls on the 29th', () => {
    // 农历乙巳年十二月 has 29 days; its last day is 除夕 2026-02-16
    expect(lunarToSolar(2025, 12, 30)).toBe('2026-02-16');
  });

  it('the next occurrence looks into the next year and back into the previous lunar year', () => {
    expect(nextOccurrence('lunar', 8, 15, '2026-09-25')).toBe('2026-09-25');
    expect(nextOccurrence('lunar', 8, 15, '2026-09-26')).toBe('2027-09-15');
    // 腊月二十 of lunar 2025 is in January 2026
    expect(nextOccurrence('lunar', 12, 20, '2026-01-01')).toBe('2026-02-07');
    expect(nextOccurrence('lunar', 12, 1, '2026-01-01')).toBe('2026-01-19');
    expect(nextOccurrence('solar', 2, 29, '2026-01-01')).toBe('2026-02-28');
    expect(nextOccurrence('solar', 1, 1, '2026-12-31')).toBe('2027-01-01');
    expect(solarInYear(2028, 2, 29)).toBe('2028-02-29');
  });
});
