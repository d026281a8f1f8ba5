import {
  ApiToken,
  CreateApiToken,
  CreatedApiToken,
  CreateUser,
  CurrentUser,
  IdParams,
  LoginBody,
  page,
  UpdateUser,
  User,
  UserListQuery,
  UserRef,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { SESSION_COOKIE } from '../../platform/http/auth.plugin.js';
import { createApiToken, currentUser, listApiTokens, login, logout, revokeApiToken } from './auth.service.js';
import { createUser, listUsers, updateUser, userOptions } from './users.service.js';

export type UsersRoutesOptions = { demoMode: boolean; sessionDays: number; secureCookies: boolean };

export const usersRoutes: FastifyPluginAsyncZod<UsersRoutesOptions> = async (app, opts) => {
  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the HttpOnly session cookie',
        body: LoginBody,
        response: { 200: CurrentUser },
      },
    },
    async (req, reply) => {
      const result = await login(req.server.db, req.body, {
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
        demoMode: opts.demoMode,
        sessionDays: opts.sessionDays,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        path: '/',
        expires: result.expiresAt,
      });
      return currentUser(result.auth);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Sign out: ends this session', response: { 204: z.null() } },
    },
    async (req, reply) => {
      if (req.sessionToken) await logout(req.server.db, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, its permissions and CSRF token',
        response: { 200: CurrentUser },
      },
    },
    async (req) => {
      if (!req.auth) throw new AppError('unauthorized', 'Sign in first');
      return currentUser(req.auth);
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: { tags: ['auth'], summary: 'Your API tokens', response: { 200: z.object({ items: z.array(ApiToken) }) } },
    },
    async (req) => listApiTokens(req.ctx),
  );
  app.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token (shown once); send it as `Authorization: Bearer …`',
        body: CreateApiToken,
        response: { 201: CreatedApiToken },
      },
    },
    async (req, reply) => reply.code(201).send(await createApiToken(req.ctx, req.body)),
  );
  app.delete(
    '/auth/tokens/:id',
    { schema: { tags: ['auth'], summary: 'Revoke an API token', params: IdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await revokeApiToken(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users (admin: all; director: its org-unit subtree)',
        querystring: UserListQuery,
        response: { 200: page(User) },
      },
    },
    async (req) => listUsers(req.ctx, req.query),
  );
  app.get(
    '/users/options',
    {
      schema: {
        tags: ['users'],
        summary: 'Active colleagues for pickers',
        querystring: z.object({ q: z.string().trim().max(50).optional() }).strict(),
        response: { 200: z.object({ items: z.array(UserRef) }) },
      },
    },
    async (req) => userOptions(req.ctx, req.query.q),
  );
  app.post(
    '/users',
    { schema: { tags: ['users'], summary: 'Create a user (admin)', body: CreateUser, response: { 201: User } } },
    async (req, reply) => reply.code(201).send(await createUser(req.ctx, req.body)),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Update or disable a user (admin); disabling ends its sessions',
        params: IdParams,
        body: UpdateUser,
        response: { 200: User },
      },
    },
    async (req) => updateUser(req.ctx, req.params.id, req.body),
  );
};
