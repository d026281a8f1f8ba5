import { bigserial, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * One row per run of a scheduled job. `(job, scheduled_for)` is unique, so when several nodes fire
 * for the same slot only the first to insert runs it, however their clocks or timers drift.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    job: text('job').notNull(),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    trigger: text('trigger', { enum: ['schedule', 'manual'] }).notNull(),
    node: text('node').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    outcome: text('outcome', { enum: ['running', 'done', 'failed'] }).notNull(),
    error: text('error'),
  },
  (t) => [uniqueIndex('job_runs_job_slot_uq').on(t.job, t.scheduledFor)],
);
