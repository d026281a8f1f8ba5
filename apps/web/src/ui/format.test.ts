import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatMoneyShort,
  formatMonthDay,
  formatQuantity,
  todayInChina,
  yuanToFen,
} from './format';

describe('formatMoney', () => {
  it('prints integer fen as yuan with thousands separators and two decimals', () => {
    expect(formatMoney(123456789)).toBe('¥1,234,567.89');
    expect(formatMoney(123450)).toBe('¥1,234.50');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(0)).toBe('¥0.00');
  });

  it('puts the sign before the currency and keeps every cent of large amounts', () => {
    expect(formatMoney(-100001)).toBe('-¥1,000.01');
    // 9 007 199 254 740 991 fen is the largest integer a double holds exactly
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91');
  });

  it('shows a dash for a missing amount', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(undefined)).toBe('—');
  });
});

describe('formatMoneyShort', () => {
  it('uses 万 and 亿 in Chinese', () => {
    expect(formatMoneyShort(1234567800, 'zh-CN')).toBe('¥1,234.57万');
    expect(formatMoneyShort(25000000000, 'zh-CN')).toBe('¥2.5亿');
    expect(formatMoneyShort(99900, 'zh-CN')).toBe('¥999');
  });

  it('uses K, M and B in English', () => {
    expect(formatMoneyShort(1234567800, 'en')).toBe('¥12.35M');
    expect(formatMoneyShort(-150000, 'en')).toBe('-¥1.5K');
  });
});

describe('yuanToFen', () => {
  it('rounds what people type to whole fen', () => {
    expect(yuanToFen(1234.56)).toBe(123456);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
  });
});

describe('formatQuantity', () => {
  it('drops trailing zeros of a decimal quantity', () => {
    expect(formatQuantity('15.000')).toBe('15');
    expect(formatQuantity('2.500')).toBe('2.5');
    expect(formatQuantity('120')).toBe('120');
  });
});

describe('todayInChina', () => {
  it('is the date in Beijing time, whatever the browser’s zone', () => {
    // 2026-11-30 20:00 UTC is already 1 December in China; 15:59 UTC is still 30 November
    expect(todayInChina(new Date('2026-11-30T20:00:00Z'))).toBe('2026-12-01');
    expect(todayInChina(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11-30');
  });
});

describe('dates', () => {
  it('writes a moment in China time, wherever the code runs (the server draws pages the browser takes over)', () => {
    // 17:30 UTC is 01:30 the next day in China
    expect(formatDateTime('2026-12-01T17:30:00Z')).toBe('2026-12-02 01:30');
    expect(formatDate('2026-12-01T17:30:00Z')).toBe('2026-12-02');
    expect(formatMonthDay('2026-12-01T17:30:00Z')).toBe('12-02');
    expect(formatDateTime('2026-07-01T00:05:00+08:00')).toBe('2026-07-01 00:05');
  });

  it('leaves a calendar date as it is, and a missing one as a dash', () => {
    expect(formatDate('2026-03-04')).toBe('2026-03-04');
    expect(formatMonthDay('2026-03-04')).toBe('03-04');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });
});
