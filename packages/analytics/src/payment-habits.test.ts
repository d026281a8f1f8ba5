import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Invoice, paymentHabits } from './index.js';

const invoice = (
  issueDate: string,
  amount: number,
  dueDate: string,
  paidDate: string | null = null,
  paidAmount = 0,
): Invoice => ({ issueDate, amount, dueDate, paidDate, paidAmount });

describe('paymentHabits', () => {
  it('computes a hand-worked ledger as it stood at the date', () => {
    const ledger = [
      invoice('2025-01-01', 1000, '2025-01-31', '2025-01-30', 1000), // on time
      invoice('2025-01-15', 500, '2025-02-14', '2025-02-24', 500), // 10 days late
      invoice('2025-02-10', 800, '2025-03-12'), // unpaid and overdue
      invoice('2025-03-01', 1200, '2025-03-31', '2025-04-05', 1200), // paid after asOf: still open, due today
      invoice('2025-03-20', 600, '2025-04-19', '2025-03-25', 400), // part paid: 200 open, not on time
      invoice('2025-04-02', 999, '2025-05-02'), // issued after asOf: not yet on the books
      invoice('2024-11-01', 300, '2024-12-01', '2024-12-21', 300), // 20 days late, outside the DSO window
    ];
    const result = paymentHabits(ledger, '2025-03-31');
    expect(result).toEqual({
      receivables: 2200, // 800 + 1200 + 200
      overdueAmount: 800, // only the invoice due before 2025-03-31
      dso: (2200 / 4100) * 90, // revenue issued after 2024-12-31: 1000 + 500 + 800 + 1200 + 600
      onTimeShare: 0.2, // of the five due in the last half year (not the one due 04-19), one paid in full by its due date
      meanDaysLate: 15,
    });
    expect(result.dso).toBeCloseTo(48.29, 2);
  });

  it('answers null where there is nothing to measure', () => {
    expect(paymentHabits([], '2025-03-31')).toEqual({
      dso: null,
      onTimeShare: null,
      meanDaysLate: null,
      overdueAmount: 0,
      receivables: 0,
    });
    const old = paymentHabits([invoice('2024-01-01', 100, '2024-02-01', '2024-01-20', 100)], '2025-03-31');
    // fell due more than half a year ago: no longer part of the on-time share
    expect(old).toEqual({ dso: null, onTimeShare: null, meanDaysLate: null, overdueAmount: 0, receivables: 0 });
  });

  it('does not count an overpayment as negative debt', () => {
    const result = paymentHabits([invoice('2025-03-01', 100, '2025-03-10', '2025-03-05', 150)], '2025-03-31');
    expect(result.receivables).toBe(0);
    expect(result.dso).toBe(0);
  });

  it('refuses dates that are not real ISO dates and negative payments', () => {
    expect(() => paymentHabits([], '2025-02-30')).toThrow(/asOf/);
    expect(() => paymentHabits([invoice('2025/01/01', 1, '2025-01-31')], '2025-03-31')).toThrow(/issueDate/);
    expect(() => paymentHabits([invoice('2025-01-01', 1, '2025-01-31', '2025-01-02', -1)], '2025-03-31')).toThrow(
      /paidAmount/,
    );
  });

  const date = fc
    .integer({ min: 0, max: 400 })
    .map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const ledger = fc.array(
    fc.record({
      issueDate: date,
      amount: fc.integer({ min: 0, max: 1000 }),
      dueDate: date,
      paidDate: fc.option(date, { nil: null }),
      paidAmount: fc.integer({ min: 0, max: 1000 }),
    }),
    { maxLength: 30 },
  );

  it('does not depend on invoice order and keeps its figures consistent', () => {
    fc.assert(
      fc.property(
        ledger.chain((l) => fc.tuple(fc.constant(l), fc.shuffledSubarray(l, { minLength: l.length }))),
        date,
        ([original, shuffled], asOf) => {
          const result = paymentHabits(original, asOf);
          expect(paymentHabits(shuffled, asOf)).toEqual(result);
          expect(result.overdueAmount).toBeLessThanOrEqual(result.receivables);
          if (result.onTimeShare !== null) expect(result.onTimeShare >= 0 && result.onTimeShare <= 1).toBe(true);
          if (result.meanDaysLate !== null) expect(result.meanDaysLate).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('never raises receivables when an open invoice gets paid', () => {
    fc.assert(
      fc.property(ledger, date, fc.nat(), (l, asOf, pick) => {
        if (!l.length) return;
        const i = pick % l.length;
        const paidNow = l.map((inv, j) => (j === i ? { ...inv, paidDate: asOf, paidAmount: inv.amount } : inv));
        expect(paymentHabits(paidNow, asOf).receivables).toBeLessThanOrEqual(paymentHabits(l, asOf).receivables);
      }),
    );
  });
});
