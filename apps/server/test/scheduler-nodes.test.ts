import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

const url = process.env.TEST_DATABASE_URL;
const root = fileURLToPath(new URL('../../..', import.meta.url));
const children: ChildProcess[] = [];

/** Starts `kamap serve` as its own process and resolves once it listens. */
function startNode(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'apps/server/src/main.ts', 'serve', '--port', '0'],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        // every job every second, so a few seconds give many firings to compete for
        KAMAP_ANALYSIS_CRON: '* * * * * *',
        KAMAP_ALERTS_CRON: '* * * * * *',
        KAMAP_DIGEST_CRON: 'off',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`node did not start: ${out}`)), 90_000);
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(' on http://')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.on('exit', (code) => reject(new Error(`node exited with ${code}: ${out}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

afterAll(async () => {
  await Promise.all(children.map(stop));
});

describe('two kamap processes on one PostgreSQL', () => {
  // the embedded store belongs to one process (its data directory is locked), so only PostgreSQL has nodes
  it.skipIf(!url)(
    'run each firing of each scheduled job exactly once',
    async () => {
      const name = `kamap_t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const target = new URL(url as string);
      target.pathname = `/${name}`;
      const db = new pg.Client({ connectionString: target.toString() });
      try {
        const [a, b] = await Promise.all([startNode(target.toString()), startNode(target.toString())]);
        await new Promise((r) => setTimeout(r, 6_000));
        await Promise.all([stop(a), stop(b)]);
        await db.connect();
        const runs = await db.query<{ job: string; slot: string; n: number; nodes: string }>(
          `select job, scheduled_for::text as slot, count(*)::int as n, string_agg(node, ',') as nodes
           from job_runs where trigger = 'schedule' group by job, scheduled_for`,
        );
        const byJob = (job: string) => runs.rows.filter((r) => r.job === job);
        // both jobs fired several times, and no firing ran twice
        expect(byJob('nightly-analysis').length).toBeGreaterThan(1);
        expect(byJob('alerts').length).toBeGreaterThan(2);
        expect(runs.rows.filter((r) => r.n > 1)).toEqual([]);
        // the work itself happened once per recorded run: one analysis run per finished job run
        const done = await db.query<{ n: number }>(
          `select count(*)::int as n from job_runs where job = 'nightly-analysis' and outcome = 'done'`,
        );
        const analyses = await db.query<{ n: number }>(
          `select count(*)::int as n from analysis_runs where trigger = 'schedule' and status = 'done'`,
        );
        expect(analyses.rows[0]?.n).toBe(done.rows[0]?.n);
        // every run is in the history with its node, duration and outcome
        const history = await db.query<{
          node: string;
          duration_ms: number | null;
          outcome: string;
          error: string | null;
        }>('select node, duration_ms, outcome, error from job_runs');
        expect(history.rows.filter((r) => r.outcome === 'running' || r.duration_ms === null)).toEqual([]);
        // on a busy machine an analysis may still run when the next second's firing starts on the other
        // node: the analysis refuses to run twice at once, and the history records that refusal
        expect(history.rows.filter((r) => r.outcome === 'failed' && !r.error?.includes('already in progress'))).toEqual(
          [],
        );
        const pids = new Set(history.rows.map((r) => Number(r.node.split(':').at(-1))));
        expect([...pids].every((pid) => pid === a.pid || pid === b.pid)).toBe(true);
      } finally {
        await db.end().catch(() => {});
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    180_000,
  );
});
