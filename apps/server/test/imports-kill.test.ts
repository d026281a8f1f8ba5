import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, rows, sql } from '../src/platform/db/index.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kamap-import-kill-'));
const dataDir = join(dir, 'data');
const LINES = 40_000;
const pgUrl = process.env.TEST_DATABASE_URL;
const pgName = `kamap_t_${randomBytes(6).toString('hex')}`;
let databaseUrl = '';

const env = () => ({ ...process.env, KAMAP_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
const cli = (...args: string[]) =>
  run(process.execPath, ['--conditions=source', '--import', 'tsx', 'apps/server/src/main.ts', ...args], {
    cwd: root,
    env: env(),
    maxBuffer: 16 * 1024 * 1024,
  });

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (pgUrl) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${pgName} with (force)`);
    await admin.end();
  }
});

describe('kill -9 in the middle of an import commit', () => {
  it('leaves no partial batch; the re-run stores exactly one copy of every line', async () => {
    if (pgUrl) {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`create database ${pgName}`);
      await admin.end();
      const url = new URL(pgUrl);
      url.pathname = `/${pgName}`;
      databaseUrl = url.toString();
    }
    const csv = join(dir, 'lines.csv');
    const body = ['订单号,订单日期,客户编号,客户名称,产品编号,产品名称,数量,单价,金额'];
    for (let i = 0; i < LINES; i++) {
      const order = Math.floor(i / 4);
      body.push(
        `SO${order},2024/${1 + (order % 12)}/${1 + (order % 28)},C${order % 300},客户${order % 300},P${i % 50},产品${i % 50},2,"¥1,000.00","¥2,000.00"`,
      );
    }
    writeFileSync(csv, `${body.join('\n')}\n`);
    await cli('user', 'add', 'admin', '--role', 'admin', '--password', 'kill-test-password');

    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'apps/server/src/main.ts', 'import', csv, '--type', 'orders'],
      { cwd: root, env: env() },
    );
    let stderr = '';
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // every row is staged; the set-based writes of the same transaction are under way
        if (stderr.includes('writing to the store')) {
          setTimeout(() => resolve(child.kill('SIGKILL')), 150);
        }
      });
      child.on('exit', () => resolve(false));
    });
    expect(killed, `the import finished before it could be killed: ${stderr}`).toBe(true);
    await new Promise((r) => child.once('exit', r));

    const count = async () => {
      const database = databaseUrl
        ? await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 1 })
        : await openDatabase({ kind: 'pglite', dataDir, command: 'test' });
      try {
        // a batch this large loads order_lines without its indexes and foreign keys: they must be
        // back (or never gone) whatever happened to the import
        const [r] = await rows<{
          lines: number;
          distinct_lines: number;
          orders: number;
          batches: number;
          foreign_keys: number;
          indexes: number;
        }>(
          database.db,
          sql`select (select count(*)::int from order_lines) as lines,
                     (select count(distinct (order_id, line_no))::int from order_lines) as distinct_lines,
                     (select count(*)::int from orders) as orders,
                     (select count(*)::int from import_batches) as batches,
                     (select count(*)::int from pg_constraint where conrelid = 'order_lines'::regclass and contype = 'f') as foreign_keys,
                     (select count(*)::int from pg_index where indrelid = 'order_lines'::regclass) as indexes`,
        );
        return r!;
      } finally {
        await database.close();
      }
    };
    const schema = { foreign_keys: 3, indexes: 4 };
    expect(await count()).toEqual({ lines: 0, distinct_lines: 0, orders: 0, batches: 0, ...schema });

    const { stdout } = await cli('import', csv, '--type', 'orders');
    expect(stdout).toContain('committed');
    expect(await count()).toEqual({ lines: LINES, distinct_lines: LINES, orders: LINES / 4, batches: 1, ...schema });
    const again = await cli('import', csv, '--type', 'orders');
    expect(again.stdout).toContain(`linesUnchanged ${LINES}`);
    expect(await count()).toEqual({ lines: LINES, distinct_lines: LINES, orders: LINES / 4, batches: 2, ...schema });
  }, 600_000);
});
