/**
 * Foundation benchmark (issue: foundation). Measures, side by side in one run:
 *  1. the demo generator's throughput on PostgreSQL at a large size (default 100,000 accounts,
 *     10,000,000 order lines);
 *  2. account list and caller lookup through the HTTP API at 50 concurrent requests, against the very
 *     SQL statements those requests ran, replayed directly on the same database (the ratio);
 *  3. the embedded store (PGlite) against PostgreSQL for the same operations at the default demo size.
 * Appends its table to docs/benchmarks.md. Usage:
 *   npm run bench:core -- [--accounts N] [--order-lines N] [--requests N] [--skip-large] [--skip-small]
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app.js';
import { generateDemo } from '../../apps/server/src/modules/demo/index.js';
import { type Database, migrate, openDatabase, type QueryObserver } from '../../apps/server/src/platform/db/index.js';
import { fillNameSortKeys } from '../../apps/server/src/platform/db/sort-keys.js';
import { ms, ratio, runConcurrent, type Stats } from './load.js';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '100000' },
    'order-lines': { type: 'string', default: '10000000' },
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    'skip-large': { type: 'boolean', default: false },
    'skip-small': { type: 'boolean', default: false },
    'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

async function freshPgDatabase(name: string, observe?: QueryObserver): Promise<Database & { drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: args['pg-url'] });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(args['pg-url']!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: CONCURRENCY, observe });
  await migrate(database);
  return {
    ...database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: args['pg-url'] });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Captures the data statements one API call runs (session checks left out), to replay them as plain SQL. */
class Capture {
  active: { query: string; params: unknown[] }[] | null = null;
  observe: QueryObserver = (query, params) => {
    if (this.active && !/"sessions"|from sessions|update sessions/i.test(query)) this.active.push({ query, params });
  };
}

type Workload = { name: string; urls: string[] };

async function login(app: FastifyInstance, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: 'kamap-demo' },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  return `kamap_session=${res.cookies.find((c) => c.name === 'kamap_session')!.value}`;
}

async function workloads(database: Database): Promise<Workload[]> {
  const { rows: names } = (await database.db.execute(
    `select substr(name, 3, 2) as q from accounts where org_unit_id in (select id from org_units where path like (select o.path from org_units o join users u on u.org_unit_id = o.id where u.username = 'director') || '%') order by md5(id::text) limit 200`,
  )) as unknown as { rows: { q: string }[] };
  const { rows: phones } = (await database.db.execute(
    `select p.e164 from contact_phones p join accounts a on a.id = p.account_id
     where a.org_unit_id in (select id from org_units where path like (select o.path from org_units o join users u on u.org_unit_id = o.id where u.username = 'director') || '%')
     order by md5(p.id::text) limit 500`,
  )) as unknown as { rows: { e164: string }[] };
  const spell = (e164: string, i: number) => {
    const n = e164.replace('+86', '');
    const forms = [
      `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
      `+86-${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
      n,
      e164,
    ];
    return encodeURIComponent(forms[i % forms.length]!);
  };
  const listVariants = ['limit=50', 'limit=50&sort=-updatedAt', 'limit=50&lifecycle=active', 'limit=50&roots=true'];
  return [
    {
      name: 'account list',
      urls: Array.from({ length: 200 }, (_, i) =>
        i % 5 === 4
          ? `/api/v1/accounts?limit=50&q=${encodeURIComponent(names[i % names.length]?.q ?? '机械')}`
          : `/api/v1/accounts?${listVariants[i % 4]}`,
      ),
    },
    { name: 'caller lookup', urls: phones.map((p, i) => `/api/v1/lookup?phone=${spell(p.e164, i)}`) },
  ];
}

/** The API under load, and the same statements replayed on the database directly. */
async function measure(database: Database, capture: Capture, label: string, requests: number) {
  const app = await buildApp({ database, demoMode: true, logLevel: 'silent', webDist: '/nonexistent' });
  const cookie = await login(app, 'director');
  const results: { workload: string; api: Stats; sql: Stats | null; serial: Stats }[] = [];
  for (const w of await workloads(database)) {
    // record each URL's statements once (serially, so they do not mix)
    const recorded: { query: string; params: unknown[] }[][] = [];
    for (const url of w.urls) {
      capture.active = [];
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      recorded.push(capture.active);
      capture.active = null;
    }
    const call = (i: number) =>
      app.inject({ method: 'GET', url: w.urls[i % w.urls.length]!, headers: { cookie } }).then(() => undefined);
    const serial = await runConcurrent(Math.min(200, requests), 1, call);
    const api = await runConcurrent(requests, CONCURRENCY, call);
    const direct = await runDirect(database, recorded, requests);
    results.push({ workload: w.name, api, sql: direct, serial });
    out(
      `${label} ${w.name}: API p50 ${ms(api.p50)} ms p99 ${ms(api.p99)} ms (${api.rps.toFixed(0)} req/s); SQL p50 ${ms(direct.p50)} p99 ${ms(direct.p99)}; one at a time p50 ${ms(serial.p50)} ms`,
    );
  }
  await app.close();
  return results;
}

/** Replays recorded statements on the driver's own client (no ORM, no HTTP) at the same concurrency. */
async function runDirect(database: Database, recorded: { query: string; params: unknown[] }[][], requests: number) {
  const run = (q: string, p: unknown[]) => (database.pool ? database.pool.query(q, p) : database.pglite!.query(q, p));
  return runConcurrent(requests, CONCURRENCY, async (i) => {
    await Promise.all(recorded[i % recorded.length]!.map((s) => run(s.query, s.params)));
  });
}

async function main() {
  out(`\n## Foundation benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  out(
    `\nMachine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${CONCURRENCY} concurrent requests, ${REQUESTS} per operation.\n`,
  );

  if (!args['skip-large']) {
    const capture = new Capture();
    const db = await freshPgDatabase('kamap_bench_large', capture.observe);
    const t = performance.now();
    const summary = await generateDemo(db, {
      accounts: Number(args.accounts),
      orderLines: Number(args['order-lines']),
      silent: !process.stderr.isTTY,
    });
    await fillNameSortKeys(db.db, 'accounts');
    await fillNameSortKeys(db.db, 'contacts');
    await db.db.execute('analyze');
    const secs = (performance.now() - t) / 1000;
    const rowsTotal = Object.values(summary.counts).reduce((s, n) => s + n, 0);
    out(
      `### PostgreSQL, ${summary.counts.accounts?.toLocaleString('en')} accounts, ${summary.counts.order_lines?.toLocaleString('en')} order lines\n`,
    );
    out(
      `Generator: ${rowsTotal.toLocaleString('en')} rows in ${secs.toFixed(0)} s = **${Math.round(rowsTotal / secs).toLocaleString('en')} rows/s** (order lines ${Math.round((summary.counts.order_lines ?? 0) / secs).toLocaleString('en')}/s), content hash ${summary.hash.slice(0, 16)}…\n`,
    );
    const results = await measure(db, capture, 'PG large', REQUESTS);
    out('| operation | API p50 ms | API p99 ms | SQL p50 ms | SQL p99 ms | ratio p50 | ratio p99 | API req/s |');
    out('|---|---|---|---|---|---|---|---|');
    for (const r of results) {
      out(
        `| ${r.workload} | ${ms(r.api.p50)} | ${ms(r.api.p99)} | ${ms(r.sql!.p50)} | ${ms(r.sql!.p99)} | ${ratio(r.api.p50, r.sql!.p50)} | ${ratio(r.api.p99, r.sql!.p99)} | ${r.api.rps.toFixed(0)} |`,
      );
    }
    await db.drop();
  }

  if (!args['skip-small']) {
    out('\n### Embedded PGlite vs PostgreSQL at the default demo size\n');
    const dir = mkdtempSync(join(tmpdir(), 'kamap-bench-'));
    const pgCapture = new Capture();
    const embCapture = new Capture();
    const pgDb = await freshPgDatabase('kamap_bench_small', pgCapture.observe);
    const emb = await openDatabase({ kind: 'pglite', dataDir: dir, command: 'bench', observe: embCapture.observe });
    await migrate(emb);
    const gen: Record<string, number> = {};
    for (const [name, db] of [
      ['pg', pgDb],
      ['embedded', emb],
    ] as const) {
      const t = performance.now();
      await generateDemo(db, { silent: true });
      await fillNameSortKeys(db.db, 'accounts');
      await fillNameSortKeys(db.db, 'contacts');
      gen[name] = (performance.now() - t) / 1000;
    }
    await pgDb.db.execute('analyze');
    await emb.db.execute('analyze');
    const small = Math.min(REQUESTS, 1000);
    const onPg = await measure(pgDb, pgCapture, 'PG demo', small);
    const onEmb = await measure(emb, embCapture, 'embedded demo', small);
    out(
      '| operation | PostgreSQL p50 / p99 ms | embedded p50 / p99 ms | embedded ÷ PG (p50) | one request at a time, PG / embedded p50 ms |',
    );
    out('|---|---|---|---|---|');
    out(
      `| demo generation (s) | ${gen.pg!.toFixed(1)} | ${gen.embedded!.toFixed(1)} | ${ratio(gen.embedded!, gen.pg!)} | |`,
    );
    onPg.forEach((r, i) => {
      const e = onEmb[i]!;
      out(
        `| ${r.workload} | ${ms(r.api.p50)} / ${ms(r.api.p99)} | ${ms(e.api.p50)} / ${ms(e.api.p99)} | ${ratio(e.api.p50, r.api.p50)} | ${ms(r.serial.p50)} / ${ms(e.serial.p50)} |`,
      );
    });
    await pgDb.drop();
    await emb.close();
    rmSync(dir, { recursive: true, force: true });
  }
  appendFileSync(new URL('../../docs/benchmarks.md', import.meta.url), `${lines.join('\n')}\n`);
  process.exit(0);
}

await main();
