import { z } from 'zod';
import { AccountSummary } from './accounts.js';
import { Id, IsoDate, IsoDateTime, Money } from './common.js';
import { ContactSummary } from './contacts.js';
import { InteractionKind, OrderStatus } from './enums.js';

export const LookupQuery = z
  .object({ phone: z.string().trim().min(3).max(40).describe('any common spelling of a Chinese mobile or landline') })
  .strict();

/** Everything a KAM needs on screen when this number calls (seed 002 screen-pop). */
export const LookupMatch = z.object({
  account: AccountSummary,
  contact: ContactSummary.nullable().describe('null when the number is the account switchboard'),
  recentInteractions: z.array(
    z.object({
      id: Id,
      kind: InteractionKind,
      occurredAt: IsoDateTime,
      subject: z.string(),
      nextStep: z.string().nullable(),
    }),
  ),
  recentOrders: z.array(
    z.object({
      id: Id,
      orderNo: z.string(),
      orderDate: IsoDate,
      amount: Money,
      status: OrderStatus,
      outstanding: Money,
    }),
  ),
  purchasedProducts: z.array(
    z.object({ productId: Id, code: z.string(), name: z.string(), lastOrderDate: IsoDate, amount12m: Money }),
  ),
  openItems: z.array(
    z.object({
      kind: z.enum(['overdue_invoice', 'unpaid_invoice', 'open_order', 'next_step']),
      id: z.string(),
      title: z.string(),
      dueDate: IsoDate.nullable(),
      amount: Money.nullable(),
    }),
  ),
});
export const LookupResult = z.object({
  query: z.string(),
  normalized: z.string().describe('E.164'),
  matches: z.array(LookupMatch),
});
