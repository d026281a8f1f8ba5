import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'kamap-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI from source, as `kamap …` would, on its own data directory. */
function kamap(args: string[], dataDir: string) {
  return run(process.execPath, ['--conditions=source', '--import', 'tsx', 'apps/server/src/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, KAMAP_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
  });
}

// Each case starts the CLI from source several times (tsx compile, PGlite start, migrations): on a
// shared two-core machine under load that alone passes the suite's one-minute default.
describe('kamap CLI', { timeout: 180_000 }, () => {
  it('every command has --help', async () => {
    const { stdout } = await kamap(['--help'], join(dir, 'help'));
    for (const cmd of ['serve', 'migrate', 'demo', 'user', 'backup', 'restore']) expect(stdout).toContain(cmd);
    const user = await kamap(['user', 'add', '--help'], join(dir, 'help'));
    expect(user.stdout).toContain('--role');
  });

  it('works on an empty data directory: migrate, add a user, back up and restore', async () => {
    const data = join(dir, 'empty');
    expect((await kamap(['migrate'], data)).stdout).toContain('migrations applied');
    const added = await kamap(['user', 'add', 'lihua', '--role', 'director', '--name', '李华'], data);
    expect(added.stdout).toMatch(/user lihua added as director; password: \S{10,}/);
    const file = join(dir, 'b.kamap.gz');
    expect((await kamap(['backup', file], data)).stdout).toMatch(/backup written .* \d+ tables, \d+ rows/);
    const other = join(dir, 'restored');
    expect((await kamap(['restore', file], other)).stdout).toMatch(/restored .* rows/);
    await expect(kamap(['restore', file], other)).rejects.toMatchObject({ stderr: expect.stringMatching(/not empty/) });
    await expect(kamap(['user', 'add', 'x', '--role', 'wizard'], data)).rejects.toMatchObject({
      stderr: expect.stringMatching(/--role must be one of/),
    });
    // seven CLI processes, each starting tsx and the embedded database: minutes on a busy 2-core machine
  }, 180_000);

  it('a second process on the same data directory refuses and names the holder', async () => {
    const data = join(dir, 'shared');
    await kamap(['migrate'], data);
    const server = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'apps/server/src/main.ts', 'serve', '--port', '0'],
      { cwd: root, env: { ...process.env, KAMAP_DATA_DIR: data, DATABASE_URL: '', LOG_LEVEL: 'warn', PORT: '0' } },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (d: Buffer) => d.toString().includes('kamap') && resolve());
        server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
      });
      const second = kamap(['user', 'add', 'wang', '--role', 'kam'], data);
      await expect(second).rejects.toMatchObject({
        stderr: expect.stringMatching(new RegExp(`in use by kamap process ${server.pid} .*kamap serve`)),
      });
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    // the holder stopped cleanly: the store opens again and kept its data
    expect(
      (await kamap(['user', 'add', 'wang', '--role', 'kam', '--password', 'a long password'], data)).stdout,
    ).toContain('added');
  }, 180_000);
});
