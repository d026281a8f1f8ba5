/**
 * The import benchmark's reference, in a process of its own on the built server (as `kamap import`
 * runs): opens the store, creates a table shaped like order_lines — its defaults, indexes and the
 * same foreign keys, which a plain COPY into order_lines would check too — and COPYs the prepared
 * rows into it in 20,000-row chunks. Prints {seconds, openRss} as JSON; the benchmark reads this
 * process's peak RSS from outside.
 *   node scripts/bench/import-reference.mjs --store pg|embedded --target URL|DIR --prepared FILE --lines N
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openDatabase, rows, sql } from '../../apps/server/dist/platform/db/index.js';
import { withSession } from '../../apps/server/dist/platform/db/session.js';

const { values: args } = parseArgs({
  options: {
    store: { type: 'string' },
    target: { type: 'string' },
    prepared: { type: 'string' },
    lines: { type: 'string' },
  },
});

const database =
  args.store === 'pg'
    ? await openDatabase({ kind: 'postgres', url: args.target, poolSize: 4 })
    : await openDatabase({ kind: 'pglite', dataDir: args.target, command: 'bench:import' });
try {
  const openRss = process.memoryUsage().rss;
  await database.db.execute(sql`create table bench_copy (like order_lines including defaults including indexes)`);
  await database.db.execute(sql`alter table bench_copy
    add foreign key (order_id) references orders (id),
    add foreign key (account_id) references accounts (id),
    add foreign key (product_id) references products (id)`);
  const columns = 'order_id, account_id, line_no, product_id, order_date, quantity, unit_price, discount, amount, cost';
  const started = performance.now();
  await withSession(database, async (session) => {
    let chunk = [];
    for await (const line of createInterface({ input: createReadStream(args.prepared) })) {
      chunk.push(line);
      if (chunk.length >= 20_000) {
        await session.copy('bench_copy', columns, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
    if (chunk.length) await session.copy('bench_copy', columns, `${chunk.join('\n')}\n`);
  });
  const seconds = (performance.now() - started) / 1000;
  const [check] = await rows(database.db, sql`select count(*)::int as n from bench_copy`);
  if (check.n !== Number(args.lines)) throw new Error(`reference COPY stored ${check.n} rows`);
  process.stdout.write(`${JSON.stringify({ seconds, openRss })}\n`);
} finally {
  await database.close();
}
