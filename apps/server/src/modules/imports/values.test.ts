import { withCreditCheck } from '@kamap/contracts';
import { describe, expect, it } from 'vitest';
import {
  parseCreditCode,
  parseDate,
  parseInteger,
  parseMoney,
  parseQuantity,
  parseShare,
  ValueError,
} from './values.js';

describe('cell values as users’ files carry them', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['２０２４年１月５日', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['45296', '2024-01-05'],
    [45296, '2024-01-05'],
    ['1/5/2024', '2024-01-05'],
    ['25/12/2024', '2024-12-25'],
    ['2024-01-05 08:30:00', '2024-01-05'],
    [new Date(Date.UTC(2024, 0, 5)), '2024-01-05'],
    ['', null],
  ])('date %s → %s', (cell, expected) => expect(parseDate(cell)).toBe(expected));

  it.each(['2024/2/30', '2024-13-01', 'yesterday', '12345678'])('date %s is refused', (cell) =>
    expect(() => parseDate(cell)).toThrow(ValueError),
  );

  it.each([
    ['¥1,234.50', 123_450],
    ['￥1,234.50', 123_450],
    ['RMB 1,234.5', 123_450],
    ['1234.505', 123_451],
    ['12.5万', 12_500_000],
    ['1.2亿', 120_000_000_00],
    ['(300.00)', -30_000],
    ['-7', -700],
    ['1 234 元', 123_400],
    [1234.5, 123_450],
    ['', null],
  ])('money %s → %d fen', (cell, expected) => expect(parseMoney(cell)).toBe(expected));

  it('refuses what is not an amount', () => {
    expect(() => parseMoney('about 5')).toThrow(ValueError);
    expect(() => parseMoney('1.2.3')).toThrow(ValueError);
  });

  it('quantities keep three decimals; integers are whole; shares are fractions', () => {
    expect(parseQuantity('1,200.5')).toBe('1200.500');
    expect(parseQuantity('0.0005')).toBe('0.001');
    expect(parseInteger('1,200')).toBe(1200);
    expect(() => parseInteger('1.5')).toThrow(ValueError);
    expect(parseShare('35%')).toBe('0.3500');
    expect(parseShare('0.35')).toBe('0.3500');
    expect(parseShare('35')).toBe('0.3500');
  });

  it('checks the credit code’s check character', () => {
    const good = withCreditCheck('91310000MA1K00001');
    expect(parseCreditCode(good.toLowerCase())).toBe(good);
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    expect(() => parseCreditCode(bad)).toThrow(/check character/);
    expect(() => parseCreditCode('123')).toThrow(ValueError);
  });
});
