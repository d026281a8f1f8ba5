import { z } from 'zod';
import { Id, IsoDate, ListQueryBase, Money, Tracked, Version } from './common.js';
import { OrderChannel, OrderStatus } from './enums.js';
import { UserRef } from './org.js';

export const OrderLine = z.object({
  id: z.number().int(),
  lineNo: z.number().int(),
  productId: Id,
  productCode: z.string(),
  productName: z.string(),
  quantity: z.string().describe('decimal as text'),
  unitPrice: Money,
  discount: Money,
  amount: Money,
  cost: Money,
  margin: Money,
});

export const OrderSummary = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  orderNo: z.string(),
  orderDate: IsoDate,
  channel: OrderChannel,
  agentId: Id.nullable(),
  salesRep: UserRef.nullable(),
  status: OrderStatus,
  amount: Money,
  cost: Money,
  margin: Money,
  dueDate: IsoDate.nullable(),
  paidDate: IsoDate.nullable(),
  paidAmount: Money,
  outstanding: Money,
  daysOverdue: z.number().int().nullable().describe('days past due at today while unpaid; null when not due or paid'),
  lineCount: z.number().int(),
});
export const Order = OrderSummary.extend({ currency: z.string(), lines: z.array(OrderLine) }).extend(Tracked.shape);

export const OrderListQuery = ListQueryBase.extend({
  sort: z.enum(['orderDate', '-orderDate', 'amount', '-amount']).default('-orderDate'),
  accountId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  status: OrderStatus.optional(),
  unpaid: z.stringbool().optional(),
  overdue: z.stringbool().optional(),
}).strict();

export const CreateOrderLine = z
  .object({
    productId: Id,
    quantity: z.number().positive().max(1e9),
    unitPrice: Money.nonnegative().optional().describe('defaults to the list price'),
    discount: Money.nonnegative().default(0).describe('total discount on the line'),
    cost: Money.nonnegative().optional().describe('defaults to quantity × standard cost'),
  })
  .strict();
export const CreateOrder = z
  .object({
    accountId: Id,
    orderNo: z.string().trim().min(1).max(40),
    orderDate: IsoDate,
    channel: OrderChannel.default('direct'),
    agentId: Id.nullable().default(null),
    salesRepId: Id.nullable().default(null),
    status: OrderStatus.default('fulfilled'),
    dueDate: IsoDate.nullable().default(null),
    lines: z.array(CreateOrderLine).min(1).max(500),
  })
  .strict();
export const UpdateOrder = z
  .object({
    version: Version,
    status: OrderStatus.optional(),
    dueDate: IsoDate.nullable().optional(),
    paidDate: IsoDate.nullable().optional(),
    paidAmount: Money.nonnegative().optional(),
  })
  .strict();

export const CompetitorRef = z.object({ id: Id, name: z.string() });
export const Competitor = z
  .object({
    id: Id,
    name: z.string(),
    country: z.string().nullable(),
    strengths: z.string().nullable(),
    weaknesses: z.string().nullable(),
  })
  .extend(Tracked.shape);
export const CreateCompetitor = z
  .object({
    name: z.string().trim().min(1).max(100),
    country: z.string().trim().max(40).nullable().default(null),
    strengths: z.string().trim().max(2000).nullable().default(null),
    weaknesses: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();
export const UpdateCompetitor = z
  .object({
    version: Version,
    name: z.string().trim().min(1).max(100).optional(),
    country: z.string().trim().max(40).nullable().optional(),
    strengths: z.string().trim().max(2000).nullable().optional(),
    weaknesses: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export const CompetitorPresence = z
  .object({
    id: Id,
    accountId: Id,
    competitor: CompetitorRef,
    categoryId: Id,
    categoryName: z.string(),
    estAnnualVolume: Money.nullable(),
    ourShare: z.number().min(0).max(1).nullable(),
    notes: z.string().nullable(),
  })
  .extend(Tracked.shape);
export const CreateCompetitorPresence = z
  .object({
    competitorId: Id,
    categoryId: Id,
    estAnnualVolume: Money.nonnegative().nullable().default(null),
    ourShare: z.number().min(0).max(1).nullable().default(null),
    notes: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();
export const UpdateCompetitorPresence = z
  .object({
    version: Version,
    estAnnualVolume: Money.nonnegative().nullable().optional(),
    ourShare: z.number().min(0).max(1).nullable().optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export const PresenceListQuery = ListQueryBase.extend({
  sort: z.enum(['estAnnualVolume', '-estAnnualVolume']).default('-estAnnualVolume'),
  competitorId: Id.optional(),
  categoryId: Id.optional(),
}).strict();
