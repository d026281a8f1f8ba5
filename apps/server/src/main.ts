import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { ExportFormat, Role } from '@kamap/contracts';
import { Command, Option } from 'commander';
import { eq } from 'drizzle-orm';
import { buildApp } from './app.js';
import { scheduledJobs } from './jobs.js';
import { recomputeRollups, runAnalysis } from './modules/analytics/index.js';
import { finishDemo, generateDemo, isEmptyStore } from './modules/demo/index.js';
import { exportKinds, exportToFile, needsApproval } from './modules/exports/index.js';
import { cliPrincipal, importFromCli, parseImportKind, printFields } from './modules/imports/index.js';
import { insertOrgUnit, orgUnits } from './modules/org/index.js';
import { disableUserByName, insertUser, resetPasswordByName, rootOrgUnitId } from './modules/users/index.js';
import { loadConfig } from './platform/config.js';
import { backup, restore } from './platform/db/backup.js';
import { type Database, migrate, openDatabase } from './platform/db/index.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { jobHistory, runAsLeader, startScheduler } from './platform/jobs/scheduler.js';
import { progress } from './platform/progress.js';
import { todayInChina as today } from './platform/today.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
const say = (line: string) => process.stdout.write(`${line}\n`);

/** Opens the configured store (PostgreSQL when DATABASE_URL is set, else embedded) with migrations applied. */
async function openStore(command: string): Promise<Database> {
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir, command },
  );
  try {
    await migrate(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

async function withStore<T>(command: string, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openStore(command);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

function int(name: string) {
  return (value: string) => {
    const n = Number(value.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${value}`);
    return n;
  };
}

async function loadDemo(database: Database, opts: { seed?: number; accounts?: number; orderLines?: number }) {
  const summary = await generateDemo(database, { ...opts, silent: false });
  say(`demo data: seed ${summary.seed}, content hash ${summary.hash}, ${summary.seconds.toFixed(1)} s`);
  say(
    `  ${Object.entries(summary.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
  await finishDemo(database, summary, say);
}

function describeRun(run: Awaited<ReturnType<typeof runAnalysis>>): string {
  const s = run.summary;
  if (!s) return run.status;
  return `${s.accounts} accounts, ${s.tiers.strategic} strategic / ${s.tiers.core} core / ${s.tiers.general} general, ${s.atRisk} at churn risk, ${s.tierMoves} tier moves, ${(s.durationMs / 1000).toFixed(1)} s`;
}

const program = new Command()
  .name('kamap')
  .description('kamap — Key Account MAP (大客户经营图谱)')
  .version(pkg.version)
  .showHelpAfterError();

program
  .command('serve')
  .description('start the web app, API and scheduler')
  .option('--demo', 'demo mode: load demo data into an empty store and allow the demo users to sign in')
  .addOption(new Option('--port <n>', 'port to listen on').env('PORT').argParser(int('--port')))
  .action(async (opts: { demo?: boolean; port?: number }) => {
    const config = loadConfig(process.env, opts.port === undefined ? {} : { port: opts.port });
    const demoMode = Boolean(opts.demo) || config.demo;
    const database = await openStore(`kamap serve${demoMode ? ' --demo' : ''}`);
    if (demoMode && (await isEmptyStore(database))) await loadDemo(database, {});
    const app = await buildApp({
      database,
      demoMode,
      sessionDays: config.sessionDays,
      secureCookies: config.secureCookies,
      logLevel: config.logLevel,
      webDist: config.webDist,
      version: pkg.version,
      alertDelivery: { publicUrl: config.publicUrl },
    });
    const scheduler = startScheduler(database, scheduledJobs(database, config), {
      info: (m) => app.log.info(m),
      error: (m) => app.log.error(m),
    });
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await scheduler.stop();
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await app.listen({ port: config.port, host: config.host });
    say(
      `kamap ${pkg.version} on http://localhost:${config.port} (${database.describe}${demoMode ? ', demo mode' : ''})`,
    );
    if (demoMode) say('demo users: admin, director, kam, kam2, service, agent, agent2, analyst — password kamap-demo');
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    await withStore('kamap migrate', async (database) => say(`migrations applied (${database.describe})`));
  });

program
  .command('demo')
  .description('load deterministic demo data into an empty store (same seed, same data)')
  .option('--seed <n>', 'random seed', int('--seed'))
  .option('--accounts <n>', 'number of accounts (default about 2,000)', int('--accounts'))
  .option('--order-lines <n>', 'number of order lines (default about 150,000)', int('--order-lines'))
  .action(async (opts: { seed?: number; accounts?: number; orderLines?: number }) => {
    await withStore('kamap demo', async (database) => {
      if (!(await isEmptyStore(database)))
        throw new Error('The store already has data; demo data loads only into an empty store');
      await loadDemo(database, opts);
    });
  });

program
  .command('analyze')
  .description('run the step-1 analysis: scores, tiers, ABC, RFM, CLV, churn risk, and what changed')
  .option('--as-of <date>', 'the day to look back from (YYYY-MM-DD, default today)')
  .option('--recompute', 'rebuild the per-account rollups from the orders first')
  .action(async (opts: { asOf?: string; recompute?: boolean }) => {
    const asOf = opts.asOf ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)) || asOf > today())
      throw new Error(`--as-of must be a date (YYYY-MM-DD) no later than today, got ${asOf}`);
    await withStore('kamap analyze', async (database) => {
      const { db } = database;
      if (opts.recompute) {
        const rebuilt = await recomputeRollups(database);
        say(`rollups rebuilt: ${rebuilt.monthly} account-months, ${rebuilt.categories} account-categories`);
      }
      const run = await runAnalysis(db, { asOf, trigger: 'cli', startedBy: null });
      say(`analysis run ${run.id} as of ${asOf}: ${describeRun(run)}`);
    });
  });

const user = program.command('user').description('manage users');
user
  .command('add <username>')
  .description('add a user; prints a generated password unless --password is given')
  .requiredOption('--role <role>', `one of ${Role.options.join(', ')}`)
  .option('--name <displayName>', 'display name (default: the username)')
  .option('--email <email>', 'e-mail address')
  .option('--org-unit <code>', 'org unit code (default: the root unit)')
  .option('--password <password>', 'initial password (at least 10 characters)')
  .action(
    async (
      username: string,
      opts: { role: string; name?: string; email?: string; orgUnit?: string; password?: string },
    ) => {
      const role = Role.safeParse(opts.role);
      if (!role.success) throw new Error(`--role must be one of ${Role.options.join(', ')}`);
      if (role.data === 'agent') throw new Error('agent users belong to an agent company; create them in the web app');
      if (opts.password !== undefined && opts.password.length < 10)
        throw new Error('--password needs at least 10 characters');
      const password = opts.password ?? randomBytes(12).toString('base64url');
      await withStore('kamap user add', async ({ db }) => {
        let orgUnitId = await rootOrgUnitId(db);
        if (!orgUnitId) orgUnitId = (await insertOrgUnit(db, { parentId: null, code: 'HQ', name: '总部' })).id;
        if (opts.orgUnit) {
          const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, opts.orgUnit));
          if (!unit) throw new Error(`No org unit with code ${opts.orgUnit}`);
          orgUnitId = unit.id;
        }
        await insertUser(db, {
          username,
          displayName: opts.name ?? username,
          email: opts.email ?? null,
          role: role.data,
          orgUnitId,
          password,
        });
      });
      say(`user ${username} added as ${role.data}${opts.password ? '' : `; password: ${password}`}`);
    },
  );
user
  .command('disable <username>')
  .description('disable a user and end all its sessions')
  .action(async (username: string) => {
    await withStore('kamap user disable', ({ db }) => disableUserByName(db, username));
    say(`user ${username} disabled; its sessions are ended`);
  });
user
  .command('reset-password <username>')
  .description('set a new password (generated unless --password is given) and end the user’s sessions')
  .option('--password <password>', 'the new password (at least 10 characters)')
  .action(async (username: string, opts: { password?: string }) => {
    if (opts.password !== undefined && opts.password.length < 10)
      throw new Error('--password needs at least 10 characters');
    const password = opts.password ?? randomBytes(12).toString('base64url');
    await withStore('kamap user reset-password', ({ db }) => resetPasswordByName(db, username, password));
    say(`password of ${username} reset${opts.password ? '' : `; new password: ${password}`}`);
  });

program
  .command('import [file]')
  .description('import accounts, contacts, products, order lines, payments or competitor presence from .xlsx/.csv')
  .requiredOption('--type <type>', 'accounts | contacts | products | orders | payments | competitors')
  .option('--fields', 'list the target fields of --type and the headers recognised for each')
  .option('--mapping <file.json>', 'column mapping: {"header text or column number": "field"}')
  .option('--sheet <name>', 'the workbook sheet (default: the first)')
  .option('--header-row <n>', 'the row with the headers (default: guessed)', int('--header-row'))
  .option('--dry-run', 'validate and count, change nothing')
  .addOption(new Option('--on-error <mode>', 'abort (default) or skip the failing rows').choices(['abort', 'skip']))
  .option('--as <username>', 'import as this user (its scope applies; default: the first admin)')
  .action(
    async (
      file: string | undefined,
      opts: {
        type: string;
        fields?: boolean;
        mapping?: string;
        sheet?: string;
        headerRow?: number;
        dryRun?: boolean;
        onError?: 'abort' | 'skip';
        as?: string;
      },
    ) => {
      const kind = parseImportKind(opts.type);
      if (opts.fields) return printFields(kind);
      if (!file) throw new Error('give the file to import (or --fields)');
      const result = await withStore('kamap import', (database) => importFromCli(database, file, { ...opts, kind }));
      if (result.status === 'failed') process.exitCode = 1;
    },
  );

program
  .command('export')
  .description(
    'export accounts, contacts, order lines, payments or products in the scope of a user (default: the first admin)',
  )
  .addOption(new Option('--type <type>', 'what to export').choices(exportKinds).makeOptionMandatory())
  .addOption(new Option('--format <format>', 'file format').choices(ExportFormat.options).default('xlsx'))
  .requiredOption('--out <file>', 'the file to write')
  .option('--as <username>', 'export as this user: its scope and masking apply')
  .action(async (opts: { type: (typeof exportKinds)[number]; format: ExportFormat; out: string; as?: string }) => {
    await withStore('kamap export', async (database) => {
      const user = await cliPrincipal(database, opts.as);
      const ctx = { db: database.db, user, ip: null };
      if (await needsApproval(ctx, opts.type)) {
        throw new Error('exports of personal data need a director’s approval: request one in the web app (导出审批)');
      }
      const n = await exportToFile(ctx, opts.type, opts.format, opts.out);
      say(`${n} ${opts.type} written to ${opts.out}`);
    });
  });

const jobs = program.command('jobs').description('scheduled jobs: what runs when, and how it went');
jobs
  .command('list')
  .description('every job with its schedule, next run and latest runs (node, duration, outcome)')
  .action(async () => {
    await withStore('kamap jobs list', async (database) => {
      for (const job of await jobHistory(database.db, scheduledJobs(database, loadConfig()))) {
        say(`${job.name} — ${job.description}`);
        say(`  schedule ${job.cron ?? 'off'}${job.nextRun ? `, next ${job.nextRun}` : ''}`);
        if (!job.runs.length) say('  no runs yet');
        for (const r of job.runs)
          say(
            `  ${r.startedAt} ${r.outcome}${r.durationMs === null ? '' : ` in ${(r.durationMs / 1000).toFixed(1)} s`} on ${r.node} (${r.trigger})${r.error ? `: ${r.error}` : ''}`,
          );
      }
    });
  });
jobs
  .command('run <name>')
  .description('run a job now, as the leader (refused while another node runs it)')
  .action(async (name: string) => {
    await withStore('kamap jobs run', async (database) => {
      const all = scheduledJobs(database, loadConfig());
      const job = all.find((j) => j.name === name);
      if (!job) throw new Error(`No job ${name}; jobs: ${all.map((j) => j.name).join(', ')}`);
      const started = Date.now();
      const ran = await runAsLeader(database, job, { trigger: 'manual' });
      if (!ran) throw new Error(`${name} is running on another node; try again when it is done`);
      say(`job ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  });

program
  .command('backup <file>')
  .description('write a consistent backup of the whole store (gzip JSON lines)')
  .action(async (file: string) => {
    const result = await withStore('kamap backup', (database) => backup(database, file, progress('backup')));
    say(`backup written to ${file}: ${result.tables} tables, ${result.rows} rows`);
  });

program
  .command('restore <file>')
  .description('restore a backup into an empty store, all or nothing')
  .option('--replace', 'empty the store first (in the same transaction)')
  .action(async (file: string, opts: { replace?: boolean }) => {
    const result = await withStore('kamap restore', (database) =>
      restore(database, file, { replace: Boolean(opts.replace), bar: progress('restore') }),
    );
    say(`restored ${file}: ${result.tables} tables, ${result.rows} rows`);
  });

program
  .command('openapi')
  .description('write the OpenAPI document, or check a committed copy for drift')
  .option('--out <file>', 'write it here')
  .option('--check <file>', 'exit 1 if this file differs from the current API')
  .action(async (opts: { out?: string; check?: string }) => {
    const database = await openDatabase({ kind: 'memory' });
    const app = await buildApp({ database, demoMode: false, logLevel: 'silent', version: pkg.version });
    await app.ready();
    const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    await database.close();
    if (opts.out) {
      writeFileSync(opts.out, doc);
      say(`OpenAPI written to ${opts.out}`);
    }
    if (opts.check) {
      let committed = '';
      try {
        committed = readFileSync(opts.check, 'utf8');
      } catch {
        // a missing file is drift too
      }
      if (committed !== doc) {
        process.stderr.write(`${opts.check} is out of date with the API: run \`npm run openapi\` and commit it\n`);
        process.exit(1);
      }
      say(`${opts.check} matches the API`);
    }
    if (!opts.out && !opts.check) process.stdout.write(doc);
  });

program.parseAsync().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) process.stderr.write(`kamap: ${err.message}\n`);
  else process.stderr.write(`kamap: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
