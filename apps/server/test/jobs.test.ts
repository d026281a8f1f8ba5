import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsLeader } from '../src/platform/jobs/scheduler.js';
import { testDatabase } from './helpers.js';

let database: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe('scheduled jobs', () => {
  // the embedded store belongs to one process (its data directory is locked), so only PostgreSQL has nodes
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'run once when several nodes fire at the same moment (PostgreSQL only)',
    async () => {
      let runs = 0;
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const job = {
        name: 'nightly analysis',
        cron: '0 2 * * *',
        run: async () => {
          runs++;
          await gate;
        },
      };
      // two "nodes": the first holds the job while the second tries
      const first = runAsLeader(database, job);
      await new Promise((r) => setTimeout(r, 50));
      const second = await runAsLeader(database, job);
      release();
      expect(await first).toBe(true);
      expect(second).toBe(false);
      expect(runs).toBe(1);
      // once it is done, the next firing runs again
      expect(await runAsLeader(database, { ...job, run: async () => void runs++ })).toBe(true);
      expect(runs).toBe(2);
    },
  );

  it('a failing job releases its lock', async () => {
    const job = { name: 'flaky', cron: '* * * * *', run: async () => Promise.reject(new Error('boom')) };
    await expect(runAsLeader(database, job)).rejects.toThrow('boom');
    expect(await runAsLeader(database, { ...job, run: async () => {} })).toBe(true);
  });
});
