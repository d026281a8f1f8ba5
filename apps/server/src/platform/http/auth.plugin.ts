import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../access/index.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/index.js';
import { AppError } from '../errors.js';

export const SESSION_COOKIE = 'kamap_session';

export type ResolvedAuth = { principal: Principal; csrfToken: string | null };

/** How the app turns a session cookie or bearer token into a principal (implemented by the users module). */
export type AuthResolver = {
  session(db: Db, token: string): Promise<ResolvedAuth | undefined>;
  apiToken(db: Db, token: string): Promise<ResolvedAuth | undefined>;
};

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
  interface FastifyRequest {
    auth: ResolvedAuth | undefined;
    sessionToken: string | undefined;
    /** The service context; throws 401 when nobody is signed in. */
    readonly ctx: Ctx;
  }
  interface FastifyContextConfig {
    /** Route answers without a signed-in user (login, health, docs). */
    public?: boolean;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAuth(app: FastifyInstance, db: Db, resolver: AuthResolver): void {
  app.decorateRequest('auth', undefined);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('ctx', {
    getter(this: FastifyRequest): Ctx {
      if (!this.auth) throw new AppError('unauthorized', 'Sign in first');
      return { db, user: this.auth.principal, ip: this.ip ?? null };
    },
  });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      req.auth = await resolver.apiToken(db, header.slice(7).trim());
      if (!req.auth) throw new AppError('unauthorized', 'The API token is unknown, expired or revoked');
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.sessionToken = token;
      req.auth = await resolver.session(db, token);
    }
    if (req.routeOptions.config.public) return;
    if (!req.auth) throw new AppError('unauthorized', 'Sign in first');
    if (!SAFE.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !req.auth.csrfToken || !sameToken(sent, req.auth.csrfToken)) {
        throw new AppError('forbidden', 'Missing or wrong x-csrf-token header for a cookie-authenticated write');
      }
    }
  });
}
