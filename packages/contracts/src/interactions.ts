import { z } from 'zod';
import { Id, IsoDateTime, ListQueryBase, Money, Tracked, Version } from './common.js';
import { InteractionKind } from './enums.js';
import { UserRef } from './org.js';

export const Interaction = z
  .object({
    id: Id,
    accountId: Id,
    accountName: z.string(),
    kind: InteractionKind,
    occurredAt: IsoDateTime,
    subject: z.string(),
    notes: z.string().nullable(),
    nextStep: z.string().nullable(),
    user: UserRef,
    contacts: z.array(z.object({ id: Id, name: z.string() })),
    colleagues: z.array(UserRef),
    checkInPlace: z.string().nullable(),
    checkInAt: IsoDateTime.nullable(),
  })
  .extend(Tracked.shape);
export const InteractionListQuery = ListQueryBase.extend({
  sort: z.enum(['occurredAt', '-occurredAt']).default('-occurredAt'),
  accountId: Id.optional(),
  kind: InteractionKind.optional(),
  userId: Id.optional(),
  contactId: Id.optional(),
}).strict();
export const CreateInteraction = z
  .object({
    accountId: Id,
    kind: InteractionKind,
    occurredAt: IsoDateTime,
    subject: z.string().trim().min(1).max(200),
    notes: z.string().trim().max(10000).nullable().default(null),
    nextStep: z.string().trim().max(1000).nullable().default(null),
    contactIds: z.array(Id).max(50).default([]),
    colleagueIds: z.array(Id).max(20).default([]),
    checkInPlace: z.string().trim().max(200).nullable().default(null),
    checkInAt: IsoDateTime.nullable().default(null),
  })
  .strict();
export const UpdateInteraction = z
  .object({
    version: Version,
    subject: z.string().trim().min(1).max(200).optional(),
    notes: z.string().trim().max(10000).nullable().optional(),
    nextStep: z.string().trim().max(1000).nullable().optional(),
    contactIds: z.array(Id).max(50).optional(),
    colleagueIds: z.array(Id).max(20).optional(),
  })
  .strict();

/** One entry of an account's timeline: interactions and orders merged, newest first. */
export const TimelineEntry = z.object({
  kind: z.enum(['interaction', 'order']),
  id: z.string(),
  at: IsoDateTime,
  title: z.string(),
  subtype: z.string().describe('interaction kind or order status'),
  amount: Money.nullable(),
  actor: UserRef.nullable(),
});
export const TimelineQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export const UpdateVersionOnly = z.object({ version: Version }).strict();
