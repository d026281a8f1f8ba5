import { z } from 'zod';
import { Tier } from './analytics.js';
import { Id, IsoDate, ListQueryBase, Rating, Tracked, Version } from './common.js';
import { UserRef } from './org.js';

export const NeedKind = z.enum(['explicit', 'implicit']);
export const NeedCategory = z.enum([
  'product',
  'price',
  'delivery',
  'quality',
  'service',
  'technical',
  'relationship',
  'other',
]);
export const NeedSourceKind = z.enum(['visit', 'complaint', 'survey', 'interaction']);
export const NeedStatus = z.enum(['open', 'planned', 'in_progress', 'met', 'deferred', 'rejected']);
export type NeedStatus = z.infer<typeof NeedStatus>;
export const PriorityBand = z.enum(['P1', 'P2', 'P3']);

/**
 * Which status may follow which: open → planned → in_progress → met; deferred and rejected are
 * decisions that can be taken until the need is met, and a deferred need can be reopened.
 */
export const needTransitions: Record<NeedStatus, readonly NeedStatus[]> = {
  open: ['planned', 'in_progress', 'deferred', 'rejected'],
  planned: ['in_progress', 'open', 'deferred', 'rejected'],
  in_progress: ['met', 'planned', 'deferred', 'rejected'],
  met: [],
  deferred: ['open', 'planned'],
  rejected: [],
};

export const TaskStatus = z.enum(['open', 'done', 'snoozed', 'skipped']);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** One measure of a need's fulfilment plan (具体的措施、时间安排、责任人), stored as a task of kind `need`. */
export const NeedTask = z
  .object({
    id: Id,
    needId: Id,
    measure: z.string(),
    owner: UserRef,
    dueDate: IsoDate,
    status: TaskStatus,
    overdue: z.boolean(),
  })
  .extend(Tracked.shape);

export const Need = z
  .object({
    id: Id,
    accountId: Id,
    accountName: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    kind: NeedKind,
    category: NeedCategory,
    sourceKind: NeedSourceKind.nullable(),
    sourceId: Id.nullable().describe('the interaction, complaint or survey the need came from'),
    importance: Rating,
    urgency: Rating,
    feasibility: Rating,
    priority: z.number().int().min(1).max(125).describe('importance × urgency × feasibility'),
    band: PriorityBand,
    status: NeedStatus,
    tier: Tier.nullable().describe("the account's tier in the latest analysis run"),
    tasks: z.array(NeedTask),
    createdBy: UserRef.nullable(),
  })
  .extend(Tracked.shape);
export type Need = z.infer<typeof Need>;

export const NeedSort = z.enum(['priority', '-priority', 'updatedAt', '-updatedAt']);
export const NeedListQuery = ListQueryBase.extend({
  sort: NeedSort.default('-priority'),
  accountId: Id.optional(),
  status: NeedStatus.optional(),
  open: z.stringbool().optional().describe('true: open, planned or in progress only'),
  kind: NeedKind.optional(),
  category: NeedCategory.optional(),
  band: PriorityBand.optional(),
  tier: Tier.optional(),
}).strict();

const needFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable(),
  kind: NeedKind,
  category: NeedCategory,
  sourceKind: NeedSourceKind.nullable(),
  sourceId: Id.nullable(),
  importance: Rating,
  urgency: Rating,
  feasibility: Rating,
};
export const CreateNeed = z
  .object(needFields)
  .partial({ description: true, sourceKind: true, sourceId: true })
  .strict();
export type CreateNeed = z.infer<typeof CreateNeed>;
export const UpdateNeed = z
  .object({ ...needFields, status: NeedStatus })
  .partial()
  .extend({ version: Version })
  .strict();
export type UpdateNeed = z.infer<typeof UpdateNeed>;

export const CreateNeedTask = z
  .object({
    measure: z.string().trim().min(1).max(500),
    ownerId: Id,
    dueDate: IsoDate,
  })
  .strict();
export const UpdateNeedTask = z
  .object({
    version: Version,
    measure: z.string().trim().min(1).max(500).optional(),
    ownerId: Id.optional(),
    dueDate: IsoDate.optional(),
    status: TaskStatus.optional(),
  })
  .strict();
export const NeedTaskParams = z.object({ id: Id, taskId: Id }).strict();

/** Open needs counted by status (the board), by importance × urgency (the matrix), by category × tier. */
export const NeedStatsQuery = z
  .object({ accountId: Id.optional(), tier: Tier.optional(), category: NeedCategory.optional() })
  .strict();
export const NeedStats = z.object({
  byStatus: z.array(z.object({ status: NeedStatus, count: z.number().int() })),
  matrix: z.array(z.object({ importance: Rating, urgency: Rating, count: z.number().int() })),
  byCategoryTier: z.array(
    z.object({
      category: NeedCategory,
      tier: Tier.nullable(),
      count: z.number().int(),
      open: z.number().int(),
      accounts: z.number().int(),
    }),
  ),
  asOfRun: z.object({ id: Id, asOf: IsoDate }).nullable().describe('the analysis run whose tiers are joined'),
});

export const OverdueNeedTask = NeedTask.extend({
  accountId: Id,
  accountName: z.string(),
  needTitle: z.string(),
  daysOverdue: z.number().int(),
});
export const OverdueQuery = ListQueryBase.pick({ limit: true, cursor: true })
  .extend({ accountId: Id.optional(), ownerId: Id.optional() })
  .strict();
