import {
  Account,
  AccountIdParams,
  AccountListQuery,
  AccountSummary,
  CreateAccount,
  CreateInsight,
  IdParams,
  Insight,
  page,
  SetTeamMember,
  TeamMember,
  TeamMemberParams,
  UpdateAccount,
  VersionQuery,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveAccount,
  createAccount,
  getAccount,
  listAccounts,
  removeTeamMember,
  setTeamMember,
  updateAccount,
} from './accounts.service.js';
import { createInsight, listInsights } from './insights.service.js';

const tags = ['accounts'];

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts in your scope: filter, search, sort, cursor paging',
        querystring: AccountListQuery,
        response: { 200: page(AccountSummary) },
      },
    },
    async (req) => listAccounts(req.ctx, req.query),
  );
  app.post(
    '/accounts',
    { schema: { tags, summary: 'Create an account', body: CreateAccount, response: { 201: Account } } },
    async (req, reply) => reply.code(201).send(await createAccount(req.ctx, req.body)),
  );
  app.get(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'An account with team, group children and rollups',
        params: IdParams,
        response: { 200: Account },
      },
    },
    async (req) => getAccount(req.ctx, req.params.id),
  );
  app.patch(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Update an account (optimistic lock: send the version you read)',
        params: IdParams,
        body: UpdateAccount,
        response: { 200: Account },
      },
    },
    async (req) => updateAccount(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Archive an account',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await archiveAccount(req.ctx, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/accounts/:accountId/team/:userId',
    {
      schema: {
        tags,
        summary: 'Add a colleague to the account team or change its role',
        params: TeamMemberParams,
        body: SetTeamMember.omit({ userId: true }),
        response: { 200: z.object({ items: z.array(TeamMember) }) },
      },
    },
    async (req) => ({ items: await setTeamMember(req.ctx, req.params.accountId, req.params.userId, req.body.role) }),
  );
  app.delete(
    '/accounts/:accountId/team/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a colleague from the account team',
        params: TeamMemberParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeTeamMember(req.ctx, req.params.accountId, req.params.userId);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/accounts/:accountId/insights',
    {
      schema: {
        tags,
        summary: 'Dated notes on the customer’s goals, likes, situation and plans',
        params: AccountIdParams,
        response: { 200: z.object({ items: z.array(Insight) }) },
      },
    },
    async (req) => listInsights(req.ctx, req.params.accountId),
  );
  app.post(
    '/accounts/:accountId/insights',
    {
      schema: {
        tags,
        summary: 'Record an insight about the customer',
        params: AccountIdParams,
        body: CreateInsight,
        response: { 201: Insight },
      },
    },
    async (req, reply) => reply.code(201).send(await createInsight(req.ctx, req.params.accountId, req.body)),
  );
};
