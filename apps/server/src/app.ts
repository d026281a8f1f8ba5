import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountsRoutes } from './modules/accounts/index.js';
import { alertsRoutes } from './modules/alerts/index.js';
import { analyticsRoutes } from './modules/analytics/index.js';
import { careRoutes } from './modules/care/index.js';
import { channelsRoutes } from './modules/channels/index.js';
import { competitorsRoutes } from './modules/competitors/index.js';
import { contactsRoutes } from './modules/contacts/index.js';
import { eventsRoutes } from './modules/events/index.js';
import { exportsRoutes } from './modules/exports/index.js';
import { importsRoutes } from './modules/imports/index.js';
import { interactionsRoutes } from './modules/interactions/index.js';
import { lookupRoutes } from './modules/lookup/index.js';
import { mapRoutes } from './modules/map/index.js';
import { needsRoutes } from './modules/needs/index.js';
import { ordersRoutes } from './modules/orders/index.js';
import { orgRoutes } from './modules/org/index.js';
import { performanceRoutes } from './modules/performance/index.js';
import { contractsRoutes, opportunitiesRoutes, plansRoutes } from './modules/plans/index.js';
import { pricingRoutes } from './modules/pricing/index.js';
import { productsRoutes } from './modules/products/index.js';
import { relationshipsRoutes } from './modules/relationships/index.js';
import { serviceRoutes } from './modules/service/index.js';
import { tasksRoutes } from './modules/tasks/index.js';
import { timelineRoutes } from './modules/timeline/index.js';
import { currentUser, resolveApiToken, resolveSession, usersRoutes } from './modules/users/index.js';
import type { Database } from './platform/db/index.js';
import { AppError } from './platform/errors.js';
import { appShell, type FirstPages } from './platform/http/app-shell.js';
import { registerAuth, SESSION_COOKIE } from './platform/http/auth.plugin.js';
import { registerErrorHandler } from './platform/http/errors.plugin.js';
import { firstPageDrawing, LANGUAGE_COOKIE } from './platform/http/first-page.js';

export type AppDeps = {
  database: Database;
  demoMode: boolean;
  sessionDays?: number;
  secureCookies?: boolean;
  logLevel?: string;
  webDist?: string | undefined;
  version?: string;
  /** Links in robot messages (KAMAP_PUBLIC_URL) and the retry backoff of webhook pushes. */
  alertDelivery?: { publicUrl?: string; baseDelayMs?: number };
};

const defaultWebDist = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Builds the Fastify app: platform plugins first, then every module's routes under /api/v1. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.logLevel === 'silent'
        ? false
        : {
            level: deps.logLevel ?? 'info',
            // request logs carry method, path and status only: no query strings, bodies or cookies
            serializers: {
              req: (req) => ({ method: req.method, url: String(req.url).split('?')[0] }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
          },
    bodyLimit: 1024 * 1024,
    // an address the router cannot read (a broken percent escape) is a problem like any other bad request
    frameworkErrors: (error, req, reply) => {
      const answer = reply as unknown as FastifyReply;
      answer.header('content-type', 'application/problem+json');
      answer.code(400).send(new AppError('bad_request', error.message).toProblem(req.url));
    },
    trustProxy: true,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', deps.database.db);
  registerErrorHandler(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'kamap API',
        version: deps.version ?? '0.1.0',
        description:
          'kamap (Key Account MAP, 大客户经营图谱). Money is integer minor units (fen). Errors are RFC 9457 problem+json. ' +
          'Sign in with POST /api/v1/auth/login (cookie; send x-csrf-token on writes) or use `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kamap_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuth(app, deps.database.db, { session: resolveSession, apiToken: resolveApiToken });

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database reachability',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }),
        },
      },
    },
    async () => {
      await deps.database.db.execute('select 1');
      return { status: 'ok' as const, database: deps.database.driver, version: deps.version ?? '0.1.0' };
    },
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(usersRoutes, {
        demoMode: deps.demoMode,
        sessionDays: deps.sessionDays ?? 7,
        secureCookies: deps.secureCookies ?? false,
      });
      await api.register(orgRoutes);
      await api.register(accountsRoutes);
      await api.register(contactsRoutes);
      await api.register(productsRoutes);
      await api.register(ordersRoutes);
      await api.register(competitorsRoutes);
      await api.register(interactionsRoutes);
      await api.register(lookupRoutes);
      await api.register(analyticsRoutes);
      await api.register(serviceRoutes);
      await api.register(alertsRoutes, { delivery: deps.alertDelivery ?? {} });
      await api.register(needsRoutes);
      await api.register(tasksRoutes);
      await api.register(careRoutes);
      await api.register(importsRoutes, { database: deps.database });
      await api.register(exportsRoutes);
      await api.register(relationshipsRoutes);
      await api.register(timelineRoutes);
      await api.register(plansRoutes);
      await api.register(opportunitiesRoutes);
      await api.register(contractsRoutes);
      await api.register(eventsRoutes);
      await api.register(performanceRoutes);
      await api.register(channelsRoutes);
      await api.register(pricingRoutes);
      await api.register(mapRoutes);
    },
    { prefix: '/api/v1' },
  );

  const webDist = deps.webDist ?? defaultWebDist;
  if (existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // the app shell is answered below, with the session in it
      index: false,
      // the build writes .br and .gz beside each file; a browser that accepts one gets it
      preCompressed: true,
      // file names under assets/ carry their content's hash: they never change, the app shell always may
      setHeaders: (reply, path) =>
        reply.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
    // client-side routes: any non-API GET that is not a file gets the app shell
    const firstPages = join(webDist, 'first-pages.json');
    const shell = appShell(
      readFileSync(join(webDist, 'index.html'), 'utf8'),
      existsSync(firstPages) ? (JSON.parse(readFileSync(firstPages, 'utf8')) as FirstPages) : {},
    );
    // the first pages drawn on the server, if the web build has its drawing (not in the API's tests)
    const draw = await firstPageDrawing(app, webDist);
    app.get('/*', { schema: { hide: true }, config: { public: true } }, async (req, reply) => {
      const path = req.url.split('?', 1)[0]!;
      // a missing file (an old bundle after a redeploy) is a 404, not the app shell
      if (path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) {
        reply.header('content-type', 'application/problem+json');
        return reply.code(404).send({ type: 'about:blank', title: 'Not found', status: 404 });
      }
      // the signed-in user rides in the shell, so the first page starts its reads without asking who it is
      const token = req.cookies[SESSION_COOKIE];
      const auth = token ? await resolveSession(deps.database.db, token) : undefined;
      const user = auth ? currentUser(auth) : null;
      const language = req.cookies[LANGUAGE_COOKIE] ?? 'zh-CN';
      // a HEAD asks for the headers only: nothing to draw
      const page = shell(user, req.url, auth?.principal, Boolean(draw) && req.method === 'GET', language);
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      if (!(page.drawn && draw && user)) return reply.send(page.start + page.finish());
      // the head goes out at once, so the browser fetches the page's code and styles while it is drawn
      return reply.send(
        Readable.from(
          (async function* () {
            yield page.start;
            // Node sends a response's writes once the current tick is over, and the drawing's reads can hold
            // the thread (the embedded database's are synchronous): the head leaves first
            await new Promise((resolve) => setImmediate(resolve));
            yield page.finish(await draw(req, user, language));
          })(),
        ),
      );
    });
  }
  return app;
}
