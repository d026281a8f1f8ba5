/**
 * Payment habits (DOMAIN.md, formulas) of one account at a date: a small pure reference for the
 * server's SQL, which computes the same figures over all accounts at once.
 */

/**
 * One invoice (in kamap: an order with its payment terms). `issueDate` is when the revenue
 * counts, for DSO; dates are ISO YYYY-MM-DD. `paidDate` is the date of the (last) payment and
 * `paidAmount` what was paid by then.
 */
export type Invoice = {
  amount: number;
  issueDate: string;
  dueDate: string;
  paidDate: string | null;
  paidAmount: number;
};
export type PaymentHabits = {
  dso: number | null;
  onTimeShare: number | null;
  meanDaysLate: number | null;
  overdueAmount: number;
  receivables: number;
};

const DAY_MS = 86_400_000;
const DSO_WINDOW_DAYS = 90;
/** On-time share looks at invoices that fell due in the last half year; days late at the last year's payments. */
const ON_TIME_WINDOW_DAYS = 182;
const LATE_WINDOW_DAYS = 365;

/**
 * As the books stood at `asOf`: invoices issued later do not exist yet, and a payment dated
 * after asOf has not happened yet.
 *
 * - receivables: Σ unpaid part, amount − paid amount (never below 0: an overpayment is not a debt).
 * - overdueAmount: the unpaid part of invoices due before asOf.
 * - dso: receivables / revenue of the last 90 days (issued in (asOf − 90, asOf]) × 90 days;
 *   null without revenue in that window.
 * - onTimeShare: among invoices due in (asOf − 182, asOf], the share paid in full on or before the
 *   due date (an invoice still unpaid past its due date counts as late); null when none fell due.
 * - meanDaysLate: mean of paid date − due date over invoices paid after their due date, with the
 *   payment in (asOf − 365, asOf]; null when none was.
 */
export function paymentHabits(invoices: readonly Invoice[], asOf: string): PaymentHabits {
  const today = day('asOf', asOf);
  let receivables = 0;
  let overdueAmount = 0;
  let revenue = 0;
  let due = 0;
  let onTime = 0;
  let late = 0;
  let daysLate = 0;
  for (const [i, inv] of invoices.entries()) {
    checkAmounts(inv, i);
    const issued = day(`invoice ${i} issueDate`, inv.issueDate);
    const dueOn = day(`invoice ${i} dueDate`, inv.dueDate);
    const paidOn = inv.paidDate === null ? null : day(`invoice ${i} paidDate`, inv.paidDate);
    if (issued > today) continue;
    const isPaid = paidOn !== null && paidOn <= today;
    const outstanding = Math.max(0, inv.amount - (isPaid ? inv.paidAmount : 0));
    receivables += outstanding;
    if (dueOn < today) overdueAmount += outstanding;
    if (issued > today - DSO_WINDOW_DAYS) revenue += inv.amount;
    if (dueOn > today - ON_TIME_WINDOW_DAYS && dueOn <= today) {
      due += 1;
      if (isPaid && paidOn <= dueOn && inv.paidAmount >= inv.amount) onTime += 1;
    }
    if (isPaid && paidOn > dueOn && paidOn > today - LATE_WINDOW_DAYS) {
      late += 1;
      daysLate += paidOn - dueOn;
    }
  }
  return {
    dso: revenue > 0 ? (receivables / revenue) * DSO_WINDOW_DAYS : null,
    onTimeShare: due > 0 ? onTime / due : null,
    meanDaysLate: late > 0 ? daysLate / late : null,
    overdueAmount,
    receivables,
  };
}

/** Days since 1970-01-01 of an ISO date. */
function day(name: string, iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 2025-02-30 over into March; a date that does not round-trip is not a date
  if (!match || new Date(ms).toISOString().slice(0, 10) !== iso) {
    throw new RangeError(`${name} must be an ISO date YYYY-MM-DD, got "${iso}"`);
  }
  return ms / DAY_MS;
}

function checkAmounts(inv: Invoice, i: number): void {
  if (!Number.isFinite(inv.amount)) throw new RangeError(`invoice ${i}: amount must be finite, got ${inv.amount}`);
  if (!(Number.isFinite(inv.paidAmount) && inv.paidAmount >= 0)) {
    throw new RangeError(`invoice ${i}: paidAmount must be a non-negative number, got ${inv.paidAmount}`);
  }
}
