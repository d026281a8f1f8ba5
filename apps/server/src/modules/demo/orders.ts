import type { TableWriter } from './bulk.js';
import { cst, isoOfDay, nextWorkday, orderIntake } from './calendar.js';
import { type AccountPlan, HISTORY_DAYS, type Trajectory } from './plan.js';
import { type Rng, weightedPicker } from './random.js';

/**
 * Orders and their lines, one account at a time so that any size streams through a bounded buffer.
 * Dates follow the Chinese business year and the account's trajectory; amounts follow its spend;
 * payments follow its payment habit.
 */

export type ProductRow = { id: string; top: string; unit: string; list: number; cost: number };

export const ORDER_COLUMNS = {
  table: 'orders',
  columns: [
    ['id', 'uuid'],
    ['account_id', 'uuid'],
    ['order_no', 'text'],
    ['order_date', 'date'],
    ['channel', 'text'],
    ['agent_id', 'uuid'],
    ['sales_rep_id', 'uuid'],
    ['amount', 'bigint'],
    ['cost', 'bigint'],
    ['discount', 'bigint'],
    ['due_date', 'date'],
    ['paid_date', 'date'],
    ['paid_amount', 'bigint'],
    ['status', 'text'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['updated_at', 'timestamptz'],
    ['updated_by', 'uuid'],
  ],
} as const;

export const ORDER_LINE_COLUMNS = {
  table: 'order_lines',
  columns: [
    ['order_id', 'uuid'],
    ['account_id', 'uuid'],
    ['line_no', 'int'],
    ['product_id', 'uuid'],
    ['order_date', 'date'],
    ['quantity', 'numeric'],
    ['unit_price', 'bigint'],
    ['discount', 'bigint'],
    ['amount', 'bigint'],
    ['cost', 'bigint'],
  ],
} as const;

const pickLineCount = weightedPicker([1, 2, 3, 4, 5, 6, 7, 8], [30, 22, 16, 11, 8, 6, 4, 3]);

/** Relative intake per day over the history, and its maximum (for rejection sampling). */
function intakeTable(asOf: number): { first: number; weights: Float64Array; max: number } {
  const first = asOf - HISTORY_DAYS + 1;
  const weights = new Float64Array(HISTORY_DAYS);
  let max = 0;
  for (let i = 0; i < HISTORY_DAYS; i++) {
    const w = orderIntake(first + i);
    weights[i] = w;
    if (w > max) max = w;
  }
  return { first, weights, max };
}

function trend(trajectory: Trajectory, x: number): number {
  switch (trajectory) {
    case 'growing':
      return 0.45 + 1.1 * x;
    case 'declining':
      return 1.5 - 1.1 * x;
    case 'new':
      return 0.7 + 0.6 * x;
    case 'dormant':
    case 'lost':
      return 1.3 - 0.8 * x;
    default:
      return 1;
  }
}

/** products: per top-level category code. */
export function createOrderBook(
  asOf: number,
  products: Map<string, ProductRow[]>,
  orders: TableWriter,
  lines: TableWriter,
) {
  const intake = intakeTable(asOf);
  const anyProducts = [...products.values()].flat();
  const perDay = new Map<number, number>();

  const sampleDay = (rng: Rng, a: AccountPlan, from: number, to: number): number => {
    const span = to - from + 1;
    for (let tries = 0; tries < 400; tries++) {
      const day = from + Math.floor(rng.float() * span);
      const w = (intake.weights[day - intake.first] ?? 0) * trend(a.trajectory, (day - from) / span);
      if (rng.float() * intake.max * 1.55 < w) return day;
    }
    return nextWorkday(from + Math.floor(rng.float() * span));
  };

  const orderNo = (day: number): string => {
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    return `SO${isoOfDay(day).replace(/-/g, '')}${String(n).padStart(5, '0')}`;
  };

  /** Writes the account's orders and lines; returns the number of lines. */
  return function writeAccountOrders(rng: Rng, a: AccountPlan): number {
    if (a.lines <= 0 || a.from > a.to) return 0;
    const from = Math.max(a.from, intake.first);
    const to = Math.min(a.to, asOf);
    const counts: number[] = [];
    for (let remaining = a.lines; remaining > 0; ) {
      const k = Math.min(pickLineCount(rng), remaining);
      counts.push(k);
      remaining -= k;
    }
    const days = counts.map(() => sampleDay(rng, a, from, to));
    // The last order pins the lifecycle: recent for active accounts, at the end of the window otherwise.
    const last =
      a.lifecycle === 'active'
        ? Math.max(from, asOf - Math.floor(150 * rng.float() ** 2))
        : Math.max(from, to - rng.int(0, 20));
    days[0] = Math.min(nextWorkday(last), to);
    days.sort((x, y) => x - y);

    const pickCategory = weightedPicker(
      a.categories.map((c) => c.code),
      a.categories.map((c) => c.weight),
    );
    const perLine = (a.spend * ((to - from + 1) / 365)) / a.lines;
    const priceFactor = a.tags.includes('年度框架协议') ? 0.95 : 1;
    const reps = a.team.filter((t) => t.role === 'sales').map((t) => t.member.id);

    counts.forEach((k, o) => {
      const day = days[o] as number;
      const orderId = rng.uuid();
      const viaAgent = a.agent !== null && day >= a.agent.since && rng.chance(0.65);
      let amount = 0;
      let cost = 0;
      let discounts = 0;
      for (let l = 1; l <= k; l++) {
        const value = perLine * Math.exp(0.7 * rng.normal() - 0.245);
        const candidates = products.get(pickCategory(rng)) ?? anyProducts;
        let product = rng.pick(candidates);
        for (let t = 0; t < 2 && product.list > 2 * value; t++) {
          const other = rng.pick(candidates);
          if (other.list < product.list) product = other;
        }
        let depth = a.discount + 0.02 * rng.normal() + (viaAgent ? 0.04 : 0);
        if (rng.chance(0.03)) depth = 0.3 + rng.float() * 0.15;
        depth = Math.min(0.45, Math.max(0, depth));
        const unitPrice = Math.round((product.list * priceFactor) / 100) * 100;
        let quantity = Math.max(1, Math.round(value / (unitPrice * (1 - depth))));
        if (product.list >= 5_000_000 && (product.unit === '套' || product.unit === '项' || product.unit === '年'))
          quantity = Math.min(quantity, 2);
        const gross = quantity * unitPrice;
        const discount = Math.round(gross * depth);
        const lineAmount = gross - discount;
        let lineCost = Math.round(quantity * product.cost * (1 + 0.05 * rng.normal()));
        if (rng.chance(0.02)) lineCost = Math.round(lineCost * (1.25 + rng.float() * 0.35));
        amount += lineAmount;
        cost += lineCost;
        discounts += discount;
        // lines may precede their header: foreign keys are checked after the load
        lines.add([
          orderId,
          a.id,
          String(l),
          product.id,
          isoOfDay(day),
          String(quantity),
          String(unitPrice),
          String(discount),
          String(lineAmount),
          String(lineCost),
        ]);
      }

      const status = rng.chance(0.012) ? 'cancelled' : day > asOf - 25 && rng.chance(0.6) ? 'open' : 'fulfilled';
      const due = day + a.paymentTerms;
      let paidDay: number | null = null;
      let paid = 0;
      if (status === 'fulfilled' || (status === 'open' && a.paymentTerms === 0 && rng.chance(0.5))) {
        const lateness = paymentDelay(rng, a);
        if (lateness !== null) {
          const when = Math.max(day, due + lateness);
          if (when <= asOf) {
            paidDay = when;
            paid =
              (a.payer === 'late' || a.payer === 'bad') && rng.chance(0.08)
                ? Math.round(amount * (0.4 + rng.float() * 0.5))
                : amount;
          }
        }
      }
      const rep = a.owner === null ? null : reps.length > 0 && rng.chance(0.3) ? rng.pick(reps) : a.owner.id;
      const created = cst(day, rng.int(9 * 60, 17 * 60));
      orders.add([
        orderId,
        a.id,
        orderNo(day),
        isoOfDay(day),
        viaAgent ? 'agent' : 'direct',
        viaAgent ? (a.agent as { id: string }).id : null,
        rep,
        String(amount),
        String(cost),
        String(discounts),
        isoOfDay(due),
        paidDay === null ? null : isoOfDay(paidDay),
        String(paid),
        status,
        created,
        rep,
        paidDay === null ? created : cst(paidDay, 10 * 60),
        rep,
      ]);
    });
    return a.lines;
  };
}

/** Days after the due date an invoice is paid, or null when it never is. */
function paymentDelay(rng: Rng, a: AccountPlan): number | null {
  const prompt = () => rng.int(-10, 5);
  const late = () => 30 + Math.floor(rng.float() ** 1.5 * 90);
  switch (a.payer) {
    case 'prompt':
      return rng.chance(0.95) ? prompt() : rng.int(6, 25);
    case 'mixed':
      return rng.chance(0.5) ? prompt() : late();
    case 'late':
      return rng.chance(0.15) ? rng.int(0, 20) : late();
    case 'bad':
      return rng.chance(0.2) ? null : late();
  }
}
