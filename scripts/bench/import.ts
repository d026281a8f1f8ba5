/**
 * Import benchmark. Measures, side by side in one run, on PostgreSQL and on the embedded store:
 *  1. `kamap import` of an order-lines CSV (1,000,000 lines by default, Chinese headers, amounts as
 *     "¥1,234.50", lines without line numbers, customers and products created from the file): rows/s;
 *  2. the reference: a plain COPY of the same prepared rows (the order lines as the import stored
 *     them) into a table shaped like order_lines (defaults, indexes, foreign keys), in the same run — the ratio;
 *  3. peak RSS of each: the import is the built CLI (`node bin/kamap.js import …`) in a process of its
 *     own, as users run it, on a store this script created and migrated beforehand; the reference is
 *     scripts/bench/import-reference.mjs, likewise. Peaks are the processes' own high-water marks
 *     (VmHWM), so neither the CSV generator nor this script's loader counts; with the embedded store
 *     the database runs inside the measured process and its memory counts too.
 * Builds the server first (tsc -b, incremental). Appends its table to docs/benchmarks.md. Usage:
 *   npm run bench:import -- [--order-lines N] [--skip-pg] [--skip-embedded]
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { insertOrgUnit } from '../../apps/server/src/modules/org/index.js';
import { insertUser } from '../../apps/server/src/modules/users/index.js';
import { type Database, migrate, openDatabase, rows, sql } from '../../apps/server/src/platform/db/index.js';

const { values: args } = parseArgs({
  options: {
    'order-lines': { type: 'string', default: '1000000' },
    'skip-pg': { type: 'boolean', default: false },
    'skip-embedded': { type: 'boolean', default: false },
    'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const LINES = Number(args['order-lines']);
const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};
const MB = 1_048_576;

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kamap-bench-import-'));

/** A deterministic order-lines CSV as an ERP would export it: 4 lines an order, 2,000 customers, 500 products. */
async function writeCsv(path: string, n: number) {
  const file = createWriteStream(path);
  const write = (s: string) => (file.write(s) ? undefined : new Promise<void>((r) => file.once('drain', () => r())));
  await write('\uFEFF订单号,订单日期,客户编号,客户名称,产品编号,产品名称,产品类别,数量,单价,金额,成本\n');
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < n; i++) {
    const order = Math.floor(i / 4);
    const account = order % 2000;
    const product = Math.floor(rand() * 500);
    const day = new Date(Date.UTC(2023, 0, 1) + (order % 700) * 86_400_000);
    const date = `${day.getUTCFullYear()}/${day.getUTCMonth() + 1}/${day.getUTCDate()}`;
    const qty = 1 + Math.floor(rand() * 20);
    const price = 100 + product * 7;
    const amount = qty * price;
    const cost = Math.round(amount * 0.62 * 100) / 100;
    const p = await write(
      `SO${String(order).padStart(8, '0')},${date},C${String(account).padStart(5, '0')},客户${account}制造有限公司,P${String(product).padStart(4, '0')},产品${product},品类${product % 12},${qty},"¥${price.toLocaleString('en-US')}.00","¥${amount.toLocaleString('en-US')}.00",${cost}\n`,
    );
    if (p) await p;
  }
  await new Promise<void>((r) => file.end(r));
}

/** Creates the store's schema and the importing user (not measured). */
async function prepare(database: Database) {
  await migrate(database);
  const root = await insertOrgUnit(database.db, { parentId: null, code: 'HQ', name: '总部' });
  await insertUser(database.db, {
    username: 'bench',
    displayName: 'bench',
    role: 'admin',
    orgUnitId: root.id,
    password: 'bench-password-1',
    agentId: null,
  });
}

function open(store: string, target: string): Promise<Database> {
  return store === 'pg'
    ? openDatabase({ kind: 'postgres', url: target, poolSize: 4 })
    : openDatabase({ kind: 'pglite', dataDir: target, command: 'bench:import' });
}

/** The order lines as the import stored them, as COPY text: the "same prepared rows" of the reference. */
async function dumpLines(database: Database, path: string) {
  const file = createWriteStream(path);
  let after = 0;
  for (;;) {
    const batch = await rows<{ id: number; t: string }>(
      database.db,
      sql`select id, concat_ws(E'\t', order_id, account_id, line_no, product_id, order_date, quantity, unit_price, discount, amount, cost) as t
            from order_lines where id > ${after} order by id limit 50000`,
    );
    if (!batch.length) break;
    after = Number(batch.at(-1)!.id);
    if (!file.write(`${batch.map((r) => r.t).join('\n')}\n`)) await new Promise((r) => file.once('drain', r));
  }
  await new Promise<void>((r) => file.end(r));
}

type Run = { stdout: string; peakRss: number };

/**
 * Runs a process to its end, reading its peak RSS (VmHWM, the kernel's high-water mark) every 50 ms
 * meanwhile; the last reading before it exits is its peak.
 */
function runMeasured(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakRss = 0;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
      } catch {
        // the process has just exited
      }
    }, 50);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`));
      else resolve({ stdout, peakRss });
    });
  });
}

async function measure(label: string, store: 'pg' | 'embedded', target: string, csv: string) {
  const database = await open(store, target);
  try {
    await prepare(database);
  } finally {
    await database.close();
  }
  const mappingFile = join(work, 'mapping.json');
  writeFileSync(
    mappingFile,
    JSON.stringify({
      0: 'order_no',
      1: 'order_date',
      2: 'account_code',
      3: 'account_name',
      4: 'product_code',
      5: 'product_name',
      6: 'category',
      7: 'quantity',
      8: 'unit_price',
      9: 'amount',
      10: 'cost',
    }),
  );
  const env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    ...(store === 'pg' ? { DATABASE_URL: target } : { DATABASE_URL: '', KAMAP_DATA_DIR: target }),
  };
  const imported = await runMeasured(
    ['bin/kamap.js', 'import', csv, '--type', 'orders', '--mapping', mappingFile, '--on-error', 'abort'],
    env,
  );
  const done = /^committed: (\d+) rows in ([\d.]+) s .*linesCreated (\d+)/m.exec(imported.stdout);
  if (!done || Number(done[3]) !== LINES) throw new Error(`import did not store every line: ${imported.stdout}`);
  const importSeconds = Number(done[2]);

  const prepared = join(work, `${store}-prepared.tsv`);
  const stored = await open(store, target);
  try {
    await dumpLines(stored, prepared);
  } finally {
    await stored.close();
  }
  const reference = await runMeasured(
    [
      'scripts/bench/import-reference.mjs',
      '--store',
      store,
      '--target',
      target,
      '--prepared',
      prepared,
      '--lines',
      String(LINES),
    ],
    env,
  );
  const copy = JSON.parse(reference.stdout.trim().split('\n').at(-1)!) as { seconds: number; openRss: number };
  const rate = LINES / importSeconds;
  const copyRate = LINES / copy.seconds;
  out(
    `| ${label} | ${LINES.toLocaleString('en-US')} | ${importSeconds.toFixed(1)} s | ${Math.round(rate).toLocaleString('en-US')} | ${copy.seconds.toFixed(1)} s | ${Math.round(copyRate).toLocaleString('en-US')} | ${(rate / copyRate).toFixed(2)} | ${Math.round(imported.peakRss / MB)} MB | ${Math.round(reference.peakRss / MB)} MB | ${Math.round(copy.openRss / MB)} MB |`,
  );
}

async function main() {
  execFileSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-b', 'packages/contracts', 'packages/analytics', 'apps/server'],
    { cwd: root, stdio: 'inherit' },
  );
  const csv = join(work, 'order-lines.csv');
  await writeCsv(csv, LINES);
  out();
  out(`## Import benchmark (${new Date().toISOString().slice(0, 10)})`);
  out();
  out(
    `${LINES.toLocaleString('en-US')} order lines from a ${(statSync(csv).size / MB).toFixed(0)} MB UTF-8 CSV (Chinese headers, "¥" amounts with thousands separators, dates 2024/1/5, no line numbers; 2,000 customers and 500 products created from the file), committed in one transaction (staging COPY, set-based upserts, order totals and rollups) into an empty store. Reference: a plain COPY of the same prepared rows (the lines as stored) into a table shaped like order_lines — its defaults, indexes and foreign keys — in the same run. Peak RSS: the high-water mark of the \`kamap import\` process (the built CLI, as users run it, on a store created and migrated beforehand) and of the reference's process (likewise on the built server); with the embedded store the database runs inside the process and counts. "Store open": the reference process's RSS once it has opened the store, before any work — the floor under both. Machine: ${cpus().length} cores, ${Math.round(totalmem() / 1073741824)} GB, shared with other work while measured (run with nice -n 19): absolute figures are low and noisy, the ratio less so.`,
  );
  out();
  out(
    '| store | lines | import | import rows/s | COPY | COPY rows/s | ratio (import / COPY rate) | peak RSS (import) | peak RSS (COPY) | RSS, store open |',
  );
  out('|---|---|---|---|---|---|---|---|---|---|');
  if (!args['skip-pg']) {
    const name = 'kamap_bench_import';
    const admin = new pg.Client({ connectionString: args['pg-url'] });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(args['pg-url']);
    url.pathname = `/${name}`;
    try {
      await measure('PostgreSQL', 'pg', url.toString(), csv);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  if (!args['skip-embedded']) {
    await measure('embedded (PGlite)', 'embedded', join(work, 'embedded'), csv);
  }
  out();
  appendFileSync(new URL('../../docs/benchmarks.md', import.meta.url), `${lines.join('\n')}\n`);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    rmSync(work, { recursive: true, force: true });
    process.exit();
  });
