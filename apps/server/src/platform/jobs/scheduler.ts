import { hostname } from 'node:os';
import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import { type Database, type Db, isoTimestamp, isoTimestampOrNull, rows } from '../db/index.js';
import { jobRuns } from './jobs.table.js';

/**
 * In-process scheduler (ARCHITECTURE.md, jobs). Every app node schedules the same jobs; on PostgreSQL
 * a job runs only where it wins a transaction-scoped advisory lock and then claims the firing's slot in
 * `job_runs` (unique per job and scheduled time), so N nodes run each firing once even when one node's
 * timer fires after another has finished. The embedded store has one process by construction (its
 * data directory is locked). Every run is recorded with its node, duration and outcome.
 */
export type Job = { name: string; cron: string | null; description: string; run: () => Promise<void> };
export type JobLog = { info(message: string): void; error(message: string): void };

/** This process, as job history names it. */
export const nodeName = `${hostname()}:${process.pid}`;

const LOCK_BASE = 727_275_000;

function lockKey(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) | 0;
  return LOCK_BASE + (Math.abs(h) % 1000);
}

/** The database's own message when a query failed (Drizzle's message is the whole statement). */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error ? err.cause.message : err.message;
}

type RunOptions = { scheduledFor?: Date; trigger?: 'schedule' | 'manual' };

/** Claims the slot, runs the job and records how it went; false when the slot was already taken. */
async function claimAndRun(db: Db, job: Job, opts: RunOptions): Promise<boolean> {
  const [claimed] = await db
    .insert(jobRuns)
    .values({
      job: job.name,
      scheduledFor: opts.scheduledFor ?? new Date(),
      trigger: opts.trigger ?? 'schedule',
      node: nodeName,
      outcome: 'running',
    })
    .onConflictDoNothing()
    .returning({ id: jobRuns.id });
  if (!claimed) return false;
  const started = performance.now();
  const finish = (outcome: 'done' | 'failed', error: string | null) =>
    db.execute(
      sql`update job_runs set finished_at = now(), duration_ms = ${Math.round(performance.now() - started)},
            outcome = ${outcome}, error = ${error} where id = ${claimed.id}`,
    );
  try {
    await job.run();
  } catch (err) {
    await finish('failed', describeError(err));
    throw err;
  }
  await finish('done', null);
  return true;
}

/** Runs `job` if this node wins its lock and its slot; returns whether it ran. */
export async function runAsLeader(database: Database, job: Job, opts: RunOptions = {}): Promise<boolean> {
  if (!database.pool) return claimAndRun(database.db, job, opts);
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    const { rows: won } = await client.query<{ won: boolean }>('select pg_try_advisory_xact_lock($1) as won', [
      lockKey(job.name),
    ]);
    if (!won[0]?.won) return false;
    return await claimAndRun(database.db, job, opts);
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
}

export function startScheduler(database: Database, jobs: readonly Job[], log: JobLog): { stop(): Promise<void> } {
  const crons = jobs.flatMap((job) => {
    if (!job.cron) return [];
    const cron: Cron = new Cron(job.cron, { protect: true, name: job.name }, async () => {
      // the firing's own time, the same on every node whatever each timer's lag
      const slot = cron.previousRuns(1, new Date(Date.now() + 1))[0] ?? new Date();
      const started = Date.now();
      try {
        const ran = await runAsLeader(database, job, { scheduledFor: slot });
        if (ran) log.info(`job ${job.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } catch (err) {
        log.error(`job ${job.name} failed: ${describeError(err)}`);
      }
    });
    return [cron];
  });
  return {
    /** Stops scheduling, then waits (up to a minute) for runs in progress, so none is cut off half-recorded. */
    stop: async () => {
      for (const c of crons) c.pause();
      const deadline = Date.now() + 60_000;
      while (crons.some((c) => c.isBusy()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      for (const c of crons) c.stop();
    },
  };
}

export type JobRun = {
  job: string;
  node: string;
  trigger: string;
  scheduledFor: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  outcome: string;
  error: string | null;
};

/** Each job's schedule, next firing and latest runs, for `kamap jobs list`. */
export async function jobHistory(db: Db, jobs: readonly Job[], perJob = 3) {
  const found = await rows<Record<string, unknown>>(
    db,
    sql`select * from (select r.*, row_number() over (partition by r.job order by r.started_at desc, r.id desc) as n from job_runs r) t
        where t.n <= ${perJob} order by t.job, t.started_at desc`,
  );
  return jobs.map((job) => ({
    name: job.name,
    description: job.description,
    cron: job.cron,
    nextRun: job.cron ? (new Cron(job.cron, { paused: true }).nextRun()?.toISOString() ?? null) : null,
    runs: found
      .filter((r) => r.job === job.name)
      .map(
        (r): JobRun => ({
          job: r.job as string,
          node: r.node as string,
          trigger: r.trigger as string,
          scheduledFor: isoTimestamp(r.scheduled_for),
          startedAt: isoTimestamp(r.started_at),
          finishedAt: isoTimestampOrNull(r.finished_at),
          durationMs: (r.duration_ms as number | null) ?? null,
          outcome: r.outcome as string,
          error: (r.error as string | null) ?? null,
        }),
      ),
  }));
}
