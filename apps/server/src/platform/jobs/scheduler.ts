import { Cron } from 'croner';
import type { Database } from '../db/index.js';

/**
 * In-process scheduler (ARCHITECTURE.md, jobs). Every app node schedules the same jobs; on PostgreSQL
 * a job runs only where it wins a transaction-scoped advisory lock, so N nodes still run it once.
 * The embedded store has one process by construction (its data directory is locked).
 */
export type Job = { name: string; cron: string; run: () => Promise<void> };
export type JobLog = { info(message: string): void; error(message: string): void };

const LOCK_BASE = 727_275_000;

function lockKey(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) | 0;
  return LOCK_BASE + (Math.abs(h) % 1000);
}

/** Runs `job` if this node wins its lock; returns whether it ran. */
export async function runAsLeader(database: Database, job: Job): Promise<boolean> {
  if (!database.pool) {
    await job.run();
    return true;
  }
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<{ won: boolean }>('select pg_try_advisory_xact_lock($1) as won', [
      lockKey(job.name),
    ]);
    if (!rows[0]?.won) return false;
    await job.run();
    return true;
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
}

export function startScheduler(database: Database, jobs: readonly Job[], log: JobLog): { stop(): void } {
  const crons = jobs.map(
    (job) =>
      new Cron(job.cron, { protect: true, name: job.name }, async () => {
        const started = Date.now();
        try {
          const ran = await runAsLeader(database, job);
          if (ran) log.info(`job ${job.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        } catch (err) {
          log.error(`job ${job.name} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
  );
  return {
    stop: () => {
      for (const c of crons) c.stop();
    },
  };
}
