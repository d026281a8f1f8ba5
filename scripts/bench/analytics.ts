/**
 * Step-1 analytics benchmark. Measures, side by side in one run:
 *  1. a full rollup recompute against a reference single SQL statement computing the same per-account
 *     aggregates without storing them (the ratio), on PostgreSQL at 100,000 accounts / 10,000,000 lines;
 *  2. the incremental rollup update after one order (p50/p99 over many orders, each rolled back);
 *  3. a whole analysis run (features in SQL, fits and scores in JavaScript, results written);
 *  4. peak memory of this process (order lines are aggregated in SQL, never loaded here);
 *  5. the same on the embedded store at 10,000 accounts / 1,000,000 lines, against PostgreSQL at that size.
 * Appends its table to docs/benchmarks.md. Usage:
 *   npm run bench:analytics -- [--accounts N] [--order-lines N] [--skip-large] [--skip-small] [--updates N]
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  recomputeRollups,
  refreshAccountRollups,
  rollupReferenceQuery,
  runAnalysis,
} from '../../apps/server/src/modules/analytics/index.js';
import { generateDemo } from '../../apps/server/src/modules/demo/index.js';
import { type Database, migrate, openDatabase, rows, sql } from '../../apps/server/src/platform/db/index.js';
import { ms, ratio, stats } from './load.js';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '100000' },
    'order-lines': { type: 'string', default: '10000000' },
    updates: { type: 'string', default: '500' },
    'skip-large': { type: 'boolean', default: false },
    'skip-small': { type: 'boolean', default: false },
    'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const AS_OF = '2026-11-25';
const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: args['pg-url'] });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function freshPg(name: string): Promise<Database & { drop(): Promise<void> }> {
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  const url = new URL(args['pg-url']!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  await migrate(database);
  return {
    ...database,
    drop: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const result = await work();
  return [result, performance.now() - t];
}

type Measured = {
  recompute: number;
  reference: number;
  update: ReturnType<typeof stats>;
  run: number;
  accounts: number;
  peakMiB: number;
};

/** Best of three for recompute and reference, interleaved (warm caches for both), then updates, then a run. */
async function measure(database: Database, updates: number): Promise<Measured> {
  const { db } = database;
  peakRss = process.memoryUsage().rss;
  const reference: number[] = [];
  const recompute: number[] = [];
  for (let i = 0; i < 3; i++) {
    reference.push((await timed(() => db.execute(rollupReferenceQuery)))[1]);
    recompute.push((await timed(() => recomputeRollups(database)))[1]);
  }
  const targets = await rows<{ account_id: string; product_id: string }>(
    db,
    sql`select a.id as account_id, (select id from products order by md5(a.id::text || code) limit 1) as product_id
          from accounts a where a.archived_at is null order by md5(a.id::text) limit ${updates}`,
  );
  const latencies: number[] = [];
  const started = performance.now();
  for (const [i, t] of targets.entries()) {
    await db
      .transaction(async (tx) => {
        const [order] = await rows<{ id: string }>(
          tx,
          sql`insert into orders (account_id, order_no, order_date, amount, cost, discount)
              values (${t.account_id}, ${`BENCH-${i}`}, ${AS_OF}, 100000, 60000, 0) returning id`,
        );
        await tx.execute(sql`insert into order_lines (order_id, account_id, line_no, product_id, order_date, quantity,
                                                      unit_price, discount, amount, cost)
                             values (${order!.id}, ${t.account_id}, 1, ${t.product_id}, ${AS_OF}, 1, 100000, 0, 100000, 60000)`);
        const t0 = performance.now();
        await refreshAccountRollups(tx, t.account_id, [AS_OF], order!.id);
        latencies.push(performance.now() - t0);
        throw new RollBack();
      })
      .catch((err: unknown) => {
        if (!(err instanceof RollBack)) throw err;
      });
  }
  const update = stats(latencies, performance.now() - started);
  const [run, runMs] = await timed(() => runAnalysis(db, { asOf: AS_OF, trigger: 'cli', startedBy: null }));
  return {
    recompute: Math.min(...recompute),
    reference: Math.min(...reference),
    update,
    run: runMs,
    accounts: run.summary?.accounts ?? 0,
    peakMiB: peakRss / 2 ** 20,
  };
}

class RollBack extends Error {}

const row = (label: string, m: Measured) =>
  `| ${label} | ${m.accounts.toLocaleString('en')} | ${ms(m.recompute)} | ${ms(m.reference)} | **${ratio(m.recompute, m.reference)}** | ${m.update.p50.toFixed(2)} ms | **${m.update.p99.toFixed(2)} ms** | ${ms(m.run)} | ${m.peakMiB.toFixed(0)} MiB |`;

async function main() {
  const updates = Number(args.updates);
  out(`\n## Analytics benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n`);
  out(
    `Machine: ${cpus().length} × ${cpus()[0]?.model.split(' ')[0] ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${updates} incremental updates per store.\n`,
  );
  out(
    '| store | accounts | full recompute | reference SQL | ratio | update p50 | update p99 | analysis run | peak RSS |',
  );
  out('|---|---|---|---|---|---|---|---|---|');
  if (!args['skip-large']) {
    const database = await freshPg('kamap_bench_analytics');
    try {
      await generateDemo(database, {
        accounts: Number(args.accounts),
        orderLines: Number(args['order-lines']),
        asOf: AS_OF,
        silent: true,
      });
      out(
        row(`PostgreSQL, ${Number(args['order-lines']).toLocaleString('en')} lines`, await measure(database, updates)),
      );
    } finally {
      await database.drop();
    }
  }
  if (!args['skip-small']) {
    const size = { accounts: 10_000, orderLines: 1_000_000, asOf: AS_OF, silent: true };
    const onPg = await freshPg('kamap_bench_analytics_small');
    let pgMeasured: Measured;
    try {
      await generateDemo(onPg, size);
      pgMeasured = await measure(onPg, updates);
    } finally {
      await onPg.drop();
    }
    const dir = mkdtempSync(join(tmpdir(), 'kamap-bench-'));
    const embedded = await openDatabase({ kind: 'pglite', dataDir: dir, command: 'bench:analytics' });
    try {
      await migrate(embedded);
      await generateDemo(embedded, size);
      const emb = await measure(embedded, updates);
      out(row('PostgreSQL, 1,000,000 lines', pgMeasured));
      out(row('embedded PGlite, 1,000,000 lines', emb));
      out(
        `\nEmbedded ÷ PostgreSQL at 10,000 accounts: full recompute ${ratio(emb.recompute, pgMeasured.recompute)}, update p99 ${ratio(emb.update.p99, pgMeasured.update.p99)}, analysis run ${ratio(emb.run, pgMeasured.run)}.`,
      );
    } finally {
      await embedded.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  clearInterval(sampler);
  out('\nPeak RSS: this process from the first recompute to the end of the run (the generator before it excluded).');
  appendFileSync(new URL('../../docs/benchmarks.md', import.meta.url), `${lines.join('\n')}\n`);
  process.exit(0);
}

await main();
