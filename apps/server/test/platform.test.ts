import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore } from '../src/platform/db/backup.js';
import { migrate, one, openDatabase } from '../src/platform/db/index.js';
import { DataDirLockedError } from '../src/platform/db/lock.js';
import { as, contentDigest, type Fixture, login, seedFixture, testApp, testDatabase } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kamap-platform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded store lock', () => {
  it('a second opener of the same data directory is refused with the holder named, and the data stays intact', async () => {
    const dataDir = join(dir, 'locked');
    const first = await openDatabase({ kind: 'pglite', dataDir, command: 'kamap serve' });
    await migrate(first);
    await first.db.execute(
      sql`insert into org_units (id, code, name, path) values (gen_random_uuid(), 'HQ', '总部', '/x/')`,
    );
    const second = openDatabase({ kind: 'pglite', dataDir, command: 'kamap demo' });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(new RegExp(`process ${process.pid} .*kamap serve`));
    expect((await one<{ n: number }>(first.db, sql`select count(*)::int as n from org_units`))!.n).toBe(1);
    await first.close();
    const third = await openDatabase({ kind: 'pglite', dataDir, command: 'kamap serve' });
    expect((await one<{ n: number }>(third.db, sql`select count(*)::int as n from org_units`))!.n).toBe(1);
    await third.close();
  });

  it('a lock left by a dead process is taken over', async () => {
    const dataDir = join(dir, 'stale');
    const first = await openDatabase({ kind: 'pglite', dataDir, command: 'kamap serve' });
    await first.close();
    writeFileSync(
      join(dataDir, 'kamap.lock'),
      JSON.stringify({ pid: 2 ** 22 + 7, host: (await import('node:os')).hostname(), startedAt: 'then', command: 'x' }),
    );
    const again = await openDatabase({ kind: 'pglite', dataDir, command: 'kamap serve' });
    await again.close();
  });
});

describe('backup and restore', () => {
  let fx: Fixture;
  let source: Awaited<ReturnType<typeof testDatabase>>;
  beforeAll(async () => {
    source = await testDatabase();
    fx = await seedFixture(source);
    const app = await testApp(source);
    const kam = as(app, await login(app, 'kam'));
    await kam.post('/orders', {
      accountId: fx.accounts.group.id,
      orderNo: 'SO-1',
      orderDate: '2026-10-01',
      lines: [{ productId: fx.product.id, quantity: 2 }],
    });
    await kam.post('/interactions', {
      accountId: fx.accounts.group.id,
      kind: 'visit',
      occurredAt: '2026-11-01T02:00:00Z',
      subject: '拜访',
      contactIds: [fx.contacts.kamContact.id],
    });
    await app.close();
  });
  afterAll(() => source.dispose());

  it('round-trips every table exactly, and sequences continue after the restored rows', async () => {
    const file = join(dir, 'store.kamap.gz');
    const written = await backup(source, file);
    expect(written.rows).toBeGreaterThan(20);
    const target = await testDatabase();
    try {
      await restore(target, file);
      const [a, b] = [await contentDigest(source.db), await contentDigest(target.db)];
      delete a.sessions;
      delete a.login_failures;
      delete b.sessions;
      delete b.login_failures;
      expect(b).toEqual(a);
      const app = await testApp(target);
      const kam = as(app, await login(app, 'kam'));
      const order = await kam.post('/orders', {
        accountId: fx.accounts.solo.id,
        orderNo: 'SO-2',
        orderDate: '2026-11-02',
        lines: [{ productId: fx.product.id, quantity: 1 }],
      });
      expect(order.statusCode, order.body).toBe(201);
      await app.close();
    } finally {
      await target.dispose();
    }
  });

  it('refuses a non-empty store and leaves it unchanged; a failed restore leaves nothing', async () => {
    const file = join(dir, 'store2.kamap.gz');
    await backup(source, file);
    const before = await contentDigest(source.db);
    await expect(restore(source, file)).rejects.toThrow(/not empty/);
    expect(await contentDigest(source.db)).toEqual(before);

    const broken = join(dir, 'broken.kamap.gz');
    const { gzipSync, gunzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    writeFileSync(broken, gzipSync(`${lines.slice(0, -3).join('\n')}\n{"table":"no_such_table"}\n`));
    const target = await testDatabase();
    try {
      const empty = await contentDigest(target.db);
      await expect(restore(target, broken)).rejects.toThrow(/no_such_table/);
      expect(await contentDigest(target.db)).toEqual(empty);
    } finally {
      await target.dispose();
    }
  });
});

describe('serving the web app', () => {
  it('serves the shell for client routes, with the signed-in user in it, and a 404 for a missing asset', async () => {
    const database = await testDatabase();
    await seedFixture(database);
    const web = join(dir, 'web');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><head><title>kamap</title></head><body><div id="root"></div></body>',
    );
    writeFileSync(join(web, 'assets', 'app-1.js'), 'console.log(1)');
    writeFileSync(
      join(web, 'first-pages.json'),
      JSON.stringify({ '/accounts/:id': { scripts: ['/assets/account-1.js'], styles: ['/assets/account-1.css'] } }),
    );
    const { buildApp } = await import('../src/app.js');
    const app = await buildApp({ database, demoMode: false, logLevel: 'silent', webDist: web });
    const session = (html: string) =>
      JSON.parse(/<script type="application\/json" id="kamap-session">(.*?)<\/script>/.exec(html)![1]!);

    const anonymous = await app.inject({ method: 'GET', url: '/accounts/123' });
    expect(anonymous.body).toContain('<title>kamap</title>');
    expect(anonymous.headers['cache-control']).toBe('no-store');
    expect(session(anonymous.body)).toBeNull();
    // the root is the shell too, not the file as it lies on disk
    expect(session((await app.inject({ method: 'GET', url: '/' })).body)).toBeNull();

    const director = await login(app, 'director');
    const shell = await app.inject({ method: 'GET', url: '/', headers: { cookie: director.cookie } });
    const me = await as(app, director).get('/auth/me');
    expect(session(shell.body)).toEqual(me.json());
    expect(session(shell.body).csrfToken).toBe(director.csrf);
    // a stale cookie is nobody, not an error
    const stale = await app.inject({ method: 'GET', url: '/', headers: { cookie: 'kamap_session=gone' } });
    expect(session(stale.body)).toBeNull();

    // a first page's code is named in the shell for a signed-in user at its address, and only there
    const preload = '<link rel="modulepreload" crossorigin href="/assets/account-1.js">';
    const style = '<link rel="stylesheet" crossorigin href="/assets/account-1.css">';
    const account = await app.inject({
      method: 'GET',
      url: '/accounts/123?tab=plans',
      headers: { cookie: director.cookie },
    });
    expect(account.body).toContain(preload);
    expect(account.body).toContain(style);
    expect(account.body.indexOf(preload)).toBeLessThan(account.body.indexOf('</head>'));
    // and the reads its first paint needs, those the caller may make: the brief's headline on the brief
    const reads = (html: string) =>
      [...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    expect(reads(account.body)).toEqual(['/api/v1/accounts/123']);
    const brief = await app.inject({ method: 'GET', url: '/accounts/123', headers: { cookie: director.cookie } });
    expect(reads(brief.body)).toEqual([
      '/api/v1/accounts/123',
      '/api/v1/accounts/123/value',
      '/api/v1/analytics/config',
    ]);
    const agent = await login(app, 'agent');
    const agents = await app.inject({ method: 'GET', url: '/accounts/123', headers: { cookie: agent.cookie } });
    expect(reads(agents.body)).toEqual(['/api/v1/accounts/123']);
    expect(reads(anonymous.body)).toEqual([]);
    // a parameter cannot break out of the attribute
    const odd = await app.inject({
      method: 'GET',
      url: '/accounts/%22%3E%3Cscript%3E',
      headers: { cookie: director.cookie },
    });
    expect(odd.body).not.toContain('"><script>');
    expect(reads(odd.body)[0]).toBe('/api/v1/accounts/%22%3E%3Cscript%3E');
    for (const other of ['/accounts', '/accounts/123/extra', '/contacts/123'])
      expect(
        (await app.inject({ method: 'GET', url: other, headers: { cookie: director.cookie } })).body,
      ).not.toContain('account-1.js');
    expect(anonymous.body).not.toContain('account-1.js');

    expect((await app.inject({ method: 'GET', url: '/assets/app-1.js' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/assets/app-0.js' })).statusCode).toBe(404);
    await app.close();
    await database.dispose();
  });
});

describe('HTTP platform', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(() => database.dispose());

  it('serves health, the OpenAPI document and the docs, with security headers', async () => {
    const app = await testApp(database);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok' });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/accounts', '/api/v1/lookup', '/api/v1/contacts/{id}']),
    );
    expect((await app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(401);
    await app.close();
  });
  it('draws a first page on the server for a signed-in user, its code fetched once it has painted', async () => {
    const database = await testDatabase();
    await seedFixture(database);
    const { mkdirSync } = await import('node:fs');
    const web = join(dir, 'drawing', 'dist');
    mkdirSync(join(dir, 'drawing', 'dist-ssr'), { recursive: true });
    mkdirSync(web, { recursive: true });
    writeFileSync(
      join(web, 'index.html'),
      [
        '<!doctype html><html lang="zh-CN"><head><title>kamap</title>',
        '<script type="module" crossorigin src="/assets/index-1.js"></script>',
        '<link rel="modulepreload" crossorigin href="/assets/vendor-1.js">',
        '<link rel="stylesheet" crossorigin href="/assets/index-1.css">',
        '</head><body><div id="root"></div></body>',
      ].join('\n'),
    );
    writeFileSync(
      join(web, 'first-pages.json'),
      JSON.stringify({ '/accounts/:id': { scripts: ['/assets/account-1.js'], styles: ['/assets/account-1.css'] } }),
    );
    // a drawing that reads as the user through the API, as the web build's does
    writeFileSync(
      join(dir, 'drawing', 'dist-ssr', 'entry-server.js'),
      `export async function renderFirstPage({ url, user, language, send }) {
        if (url.includes('nothing')) return null;
        if (url.includes('broken')) throw new Error('the drawing failed');
        const me = await (await send('/api/v1/auth/me')).json();
        return { html: '<main data-me="' + me.username + '" data-user="' + user.username + '" data-lang="' + language + '">' + url + '</main>', head: '<style>.drawn{}</style>' };
      }`,
    );
    const { buildApp } = await import('../src/app.js');
    const app = await buildApp({ database, demoMode: false, logLevel: 'silent', webDist: web });
    const director = await login(app, 'director');
    const get = (url: string, cookie = director.cookie) => app.inject({ method: 'GET', url, headers: { cookie } });
    const code = (html: string) =>
      JSON.parse(/<script type="application\/json" id="kamap-code">(.*?)<\/script>/.exec(html)?.[1] ?? 'null');

    const drawn = await get('/accounts/123');
    expect(drawn.statusCode).toBe(200);
    expect(drawn.body).toContain(
      '<div id="root"><main data-me="director" data-user="director" data-lang="zh-CN">/accounts/123</main></div>',
    );
    expect(drawn.body).toContain('<style>.drawn{}</style>');
    // the code is named for boot.js, not loaded by the page: its first paint does not wait on it
    expect(drawn.body).not.toContain('<script type="module"');
    expect(drawn.body).not.toContain('rel="modulepreload"');
    expect(code(drawn.body)).toEqual({
      modules: ['/assets/index-1.js'],
      preloads: ['/assets/vendor-1.js', '/assets/account-1.js'],
    });
    expect(drawn.body).toContain('<script src="/boot.js" defer></script>');
    // the styles stay in the head; the page carries its reads, so it names none to fetch
    const head = drawn.body.slice(0, drawn.body.indexOf('</head>'));
    expect(head).toContain('/assets/index-1.css');
    expect(head).toContain('/assets/account-1.css');
    expect(drawn.body).not.toContain('as="fetch"');
    // in the language the browser keeps in its cookie, the page's own language said from the start
    const english = (await get('/accounts/123', `${director.cookie}; kamap-language=en`)).body;
    expect(english).toContain('data-lang="en"');
    expect(english).toContain('<html lang="en">');
    expect(drawn.body).toContain('<html lang="zh-CN">');
    expect((await get('/accounts/123', `${director.cookie}; kamap-language="><x`)).body).toContain(
      '<html lang="zh-CN">',
    );

    // no drawing, or a failed one: the browser draws the page, from the same code
    for (const url of ['/accounts/nothing', '/accounts/broken']) {
      const plain = await get(url);
      expect(plain.statusCode).toBe(200);
      expect(plain.body).toContain('<div id="root"></div>');
      expect(code(plain.body).modules).toEqual(['/assets/index-1.js']);
      expect(plain.body).toContain('id="kamap-session"');
    }
    // not a first page, or nobody signed in: the shell as it is, with its own code
    for (const response of [await get('/contacts/1'), await app.inject({ method: 'GET', url: '/accounts/123' })]) {
      expect(response.body).toContain('<div id="root"></div>');
      expect(response.body).toContain('<script type="module" crossorigin src="/assets/index-1.js"></script>');
      expect(code(response.body)).toBeNull();
    }
    await app.close();
    await database.dispose();
  });
});
