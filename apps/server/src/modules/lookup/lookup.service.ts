import { sql } from 'drizzle-orm';
import { accountScope } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { isoDate, isoDateOrNull, isoTimestamp, pgArray, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { toE164 } from '../../platform/phone.js';
import { selectSummaries, toAccountSummary } from '../accounts/index.js';
import { type ContactRow, contactSelect, toContactSummary } from '../contacts/index.js';
import { orderScope } from '../orders/index.js';

const MAX_MATCHES = 5;

/** Builds the screen-pop for one account (and the contact who is calling, if known). */
async function screenPop(ctx: Ctx, accountId: string) {
  const [interactions, orders, purchased, nextSteps] = await Promise.all([
    rows<{ id: string; kind: string; occurred_at: unknown; subject: string; next_step: string | null }>(
      ctx.db,
      sql`select id, kind, occurred_at, subject, next_step from interactions
          where account_id = ${accountId} and archived_at is null order by occurred_at desc limit 5`,
    ),
    rows<{
      id: string;
      order_no: string;
      order_date: unknown;
      amount: number;
      paid_amount: number;
      status: string;
      due_date: unknown;
    }>(
      ctx.db,
      sql`select o.id, o.order_no, o.order_date, o.amount, o.paid_amount, o.status, o.due_date from orders o
          where o.account_id = ${accountId} and o.archived_at is null and ${orderScope(ctx.user)}
          order by o.order_date desc, o.id desc limit 5`,
    ),
    rows<{ product_id: string; code: string; name: string; last_order_date: unknown; amount12m: number }>(
      ctx.db,
      sql`select l.product_id, p.code, p.name, max(l.order_date) as last_order_date,
            coalesce(sum(l.amount) filter (where l.order_date > current_date - interval '12 months'), 0)::bigint as amount12m
          from order_lines l join products p on p.id = l.product_id join orders o on o.id = l.order_id
          where l.account_id = ${accountId} and o.status <> 'cancelled' and ${orderScope(ctx.user)}
          group by l.product_id, p.code, p.name order by max(l.order_date) desc limit 10`,
    ),
    rows<{ id: string; next_step: string; occurred_at: unknown }>(
      ctx.db,
      sql`select id, next_step, occurred_at from interactions
          where account_id = ${accountId} and archived_at is null and next_step is not null
            and occurred_at > now() - interval '60 days'
          order by occurred_at desc limit 3`,
    ),
  ]);
  const unpaid = await rows<{ id: string; order_no: string; due_date: unknown; outstanding: number; overdue: boolean }>(
    ctx.db,
    sql`select o.id, o.order_no, o.due_date, (o.amount - o.paid_amount)::bigint as outstanding,
          (o.due_date < current_date) as overdue
        from orders o where o.account_id = ${accountId} and o.archived_at is null and o.status <> 'cancelled'
          and o.paid_amount < o.amount and ${orderScope(ctx.user)}
        order by o.due_date nulls last limit 10`,
  );
  return {
    recentInteractions: interactions.map((i) => ({
      id: i.id,
      kind: i.kind as never,
      occurredAt: isoTimestamp(i.occurred_at),
      subject: i.subject,
      nextStep: i.next_step,
    })),
    recentOrders: orders.map((o) => ({
      id: o.id,
      orderNo: o.order_no,
      orderDate: isoDate(o.order_date),
      amount: o.amount,
      status: o.status as never,
      outstanding: o.status === 'cancelled' ? 0 : Math.max(o.amount - o.paid_amount, 0),
    })),
    purchasedProducts: purchased.map((p) => ({
      productId: p.product_id,
      code: p.code,
      name: p.name,
      lastOrderDate: isoDate(p.last_order_date),
      amount12m: p.amount12m,
    })),
    openItems: [
      ...unpaid.map((o) => ({
        kind: (o.overdue ? 'overdue_invoice' : 'unpaid_invoice') as 'overdue_invoice' | 'unpaid_invoice',
        id: o.id,
        title: o.order_no,
        dueDate: isoDateOrNull(o.due_date),
        amount: o.outstanding,
      })),
      ...nextSteps.map((n) => ({
        kind: 'next_step' as const,
        id: n.id,
        title: n.next_step,
        dueDate: null,
        amount: null,
      })),
    ],
  };
}

/**
 * Caller lookup (screen-pop, seed 002): the number in any common spelling, normalised to E.164,
 * matched against contacts' phones and accounts' switchboards within the caller's scope.
 */
export async function lookupPhone(ctx: Ctx, phone: string) {
  const e164 = toE164(phone);
  if (!e164) throw AppError.invalid('querystring.phone', 'not a possible Chinese phone number');
  const contactRows = await rows<ContactRow>(
    ctx.db,
    sql`${contactSelect} where c.archived_at is null and ${accountScope(ctx.user, 'a')}
          and c.id in (select contact_id from contact_phones where e164 = ${e164})
        order by c.name limit ${MAX_MATCHES}`,
  );
  const switchboard = await selectSummaries(
    ctx.db,
    ctx.user,
    sql`a.phone_e164 = ${e164} and a.archived_at is null`,
    sql`order by a.name limit ${MAX_MATCHES}`,
  );
  const accountIds = [...new Set([...contactRows.map((c) => c.account_id), ...switchboard.map((a) => a.id)])].slice(
    0,
    MAX_MATCHES,
  );
  const summaries = accountIds.length
    ? await selectSummaries(ctx.db, ctx.user, sql`a.id = any(${pgArray(accountIds)}::uuid[])`)
    : [];
  const byId = new Map(summaries.map((s) => [s.id, toAccountSummary(s)]));
  const matches = await Promise.all(
    [
      ...contactRows.map((c) => ({ accountId: c.account_id, contact: toContactSummary(ctx, c) })),
      ...switchboard
        .filter((a) => !contactRows.some((c) => c.account_id === a.id))
        .map((a) => ({ accountId: a.id, contact: null })),
    ]
      .slice(0, MAX_MATCHES)
      .map(async (m) => ({
        account: byId.get(m.accountId)!,
        contact: m.contact,
        ...(await screenPop(ctx, m.accountId)),
      })),
  );
  return { query: phone, normalized: e164, matches };
}
