import { z } from 'zod';
import { Tier } from './analytics.js';
import { Id, IsoDate, IsoDateTime, ListQueryBase, Version } from './common.js';
import { TaskStatus } from './needs.js';
import { UserRef } from './org.js';

export const TaskKind = z.enum(['care', 'follow_up', 'need']);
export const TaskSourceKind = z.enum([
  'interaction',
  'need',
  'revisit',
  'birthday',
  'festival',
  'anniversary',
  'event',
]);

/** A task for one person on one account: care, an interaction's next step, or a need's measure. */
export const Task = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  owner: UserRef,
  kind: TaskKind,
  title: z.string().describe('in zh-CN; for generated tasks, render `template` in the reader’s language'),
  suggestedAction: z.string().nullable(),
  template: z
    .object({ key: z.string(), params: z.record(z.string(), z.unknown()) })
    .nullable()
    .describe('what a generated (care) task says, as a message key and its parameters'),
  dueDate: IsoDate,
  status: TaskStatus,
  snoozedUntil: IsoDate.nullable(),
  effectiveDate: IsoDate.describe('the snooze date while snoozed, else the due date'),
  skipReason: z.string().nullable(),
  sourceKind: TaskSourceKind.nullable(),
  sourceId: Id.nullable(),
  contact: z.object({ id: Id, name: z.string() }).nullable(),
  doneAt: IsoDateTime.nullable(),
  doneInteractionId: Id.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Task = z.infer<typeof Task>;

export const TaskListQuery = ListQueryBase.omit({ includeArchived: true })
  .extend({
    sort: z.enum(['dueDate', '-dueDate']).default('dueDate'),
    mine: z.stringbool().optional().describe('only tasks you own'),
    ownerId: Id.optional(),
    accountId: Id.optional(),
    kind: TaskKind.optional(),
    status: TaskStatus.optional(),
    active: z.stringbool().optional().describe('true: open or snoozed'),
    dueBy: IsoDate.optional().describe('effective date on or before this day'),
    dueFrom: IsoDate.optional().describe('effective date on or after this day'),
  })
  .strict();

export const CreateTask = z
  .object({
    accountId: Id,
    ownerId: Id.optional().describe('defaults to you'),
    kind: z.enum(['care', 'follow_up']),
    title: z.string().trim().min(1).max(200),
    suggestedAction: z.string().trim().max(1000).nullable().default(null),
    dueDate: IsoDate,
    contactId: Id.nullable().default(null),
  })
  .strict();
export const CompleteTask = z
  .object({
    version: Version,
    interactionId: Id.nullable().default(null).describe('the interaction that did it, of the same account'),
  })
  .strict();
export const SnoozeTask = z.object({ version: Version, until: IsoDate }).strict();
export const SkipTask = z.object({ version: Version, reason: z.string().trim().min(1).max(500) }).strict();
export const ReopenTask = z.object({ version: Version }).strict();

export const TaskCounts = z.object({
  overdue: z.number().int(),
  today: z.number().int(),
  week: z.number().int(),
});

/** A festival the care job greets accounts for; lunar ones are converted each year. */
export const Festival = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,40}$/),
    name: z.string().trim().min(1).max(40),
    calendar: z.enum(['solar', 'lunar']),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    enabled: z.boolean(),
  })
  .strict();
export const CareConfig = z
  .object({
    revisitDays: z.record(Tier, z.number().int().min(1).max(365)),
    leadDays: z
      .number()
      .int()
      .min(0)
      .max(30)
      .describe('create birthday, festival and anniversary tasks this many days ahead'),
    festivalTiers: z.array(Tier).describe('tiers whose accounts get festival greetings'),
    festivals: z.array(Festival).max(40),
    anniversaries: z.boolean().describe('first-order anniversaries (until contracts exist)'),
  })
  .strict();
export type CareConfig = z.infer<typeof CareConfig>;
export const CareConfigVersion = z.object({ config: CareConfig, version: z.number().int() });
export const UpdateCareConfig = z.object({ config: CareConfig, version: Version }).strict();
export const CareSourceKind = z.enum(['revisit', 'birthday', 'festival', 'anniversary']);
export const CareRunResult = z.object({ asOf: IsoDate, created: z.record(CareSourceKind, z.number().int()) });
export const RunCare = z.object({ asOf: IsoDate.optional() }).strict();

export const CalendarToken = z.object({
  id: Id,
  prefix: z.string(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
  lastUsedAt: IsoDateTime.nullable(),
});
export const CreateCalendarToken = z
  .object({ days: z.number().int().min(1).max(366).default(180).describe('valid for this many days') })
  .strict();
export const NewCalendarToken = CalendarToken.extend({
  token: z.string().describe('shown once'),
  path: z.string().describe('the feed path to subscribe to, under this server'),
});
export const CalendarFeedParams = z.object({ token: z.string().min(20).max(100) }).strict();
