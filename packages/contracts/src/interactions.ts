import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, ListQueryBase, Money, Tracked, Version } from './common.js';
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
    nextStepDue: IsoDate.nullable(),
    nextStepOwner: UserRef.nullable(),
    nextStepTaskId: Id.nullable().describe('the follow-up task the next step became'),
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
    nextStepDue: IsoDate.nullable().default(null).describe('with a next step: it becomes a follow-up task due then'),
    nextStepOwnerId: Id.nullable().default(null).describe('who owns the follow-up task; defaults to you'),
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

/**
 * The sources an account's timeline merges; a module adds its own by exporting a timeline source
 * (modules/timeline) and naming it here.
 */
export const TimelineKind = z.enum(['interaction', 'order', 'need', 'task', 'complaint', 'survey']);
/** One entry of an account's timeline, newest first. */
export const TimelineEntry = z.object({
  kind: TimelineKind,
  id: z.string(),
  at: IsoDateTime,
  title: z.string(),
  subtype: z
    .string()
    .describe(
      'interaction kind, order status, need status, task kind, complaint event (received, escalated, resolved) or survey kind',
    ),
  amount: Money.nullable(),
  actor: UserRef.nullable(),
  link: z.string().nullable().describe('where to open it in the web app, when it has its own page'),
  score: z.number().int().nullable().describe('a survey response’s score'),
  template: z
    .object({ key: z.string(), params: z.record(z.string(), z.unknown()) })
    .nullable()
    .describe('a generated (care) task’s title as a message key and its parameters'),
});
export const TimelineQuery = z
  .object({
    kinds: z
      .string()
      .regex(/^[a-z_]+(,[a-z_]+)*$/)
      .optional()
      .describe('comma-separated timeline kinds to include (default all)'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export const UpdateVersionOnly = z.object({ version: Version }).strict();
