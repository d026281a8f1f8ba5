import {
  Agent,
  AgentAccount,
  AgentDetail,
  AgentListQuery,
  AgentOrder,
  ChannelNotice,
  ChannelRules,
  CreateAgentTerritory,
  IdParams,
  ListQueryBase,
  page,
  Registration,
  RegistrationCheck,
  RegistrationCheckInput,
  RegistrationDecision,
  RegistrationInput,
  RegistrationListQuery,
  UpdateAgent,
  Version,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import { addTerritory, agentAccounts, agentOrders, getAgent, listAgents, updateAgent } from './agents.service.js';
import {
  checkRegistration,
  decideRegistration,
  getRegistration,
  listNotices,
  listRegistrations,
  markNoticesRead,
  renewRegistration,
  submitRegistration,
  withdrawRegistration,
} from './registrations.service.js';
import { channelRules, setChannelRules } from './rules.js';

const tags = ['channels'];
const PageQuery = ListQueryBase.strict();
const VersionBody = z.object({ version: Version }).strict();

export const channelsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agents',
    {
      schema: {
        tags,
        summary: 'Agents (an agent user: its own agency only)',
        querystring: AgentListQuery,
        response: { 200: page(Agent) },
      },
    },
    async (req) => listAgents(req.ctx, req.query),
  );
  app.get(
    '/agents/:id',
    {
      schema: {
        tags,
        summary: 'An agent: profile, contract, territories, users and performance',
        params: IdParams,
        response: { 200: AgentDetail },
      },
    },
    async (req) => getAgent(req.ctx, req.params.id),
  );
  app.patch(
    '/agents/:id',
    {
      schema: {
        tags,
        summary: 'Update an agent’s profile or contract (optimistic lock)',
        params: IdParams,
        body: UpdateAgent,
        response: { 200: AgentDetail },
      },
    },
    async (req) => updateAgent(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/agents/:id/territories',
    {
      schema: {
        tags,
        summary: 'Add a region × product line territory (exclusive ones may not overlap another agent’s)',
        params: IdParams,
        body: CreateAgentTerritory,
        response: { 201: AgentDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await addTerritory(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/agents/:id/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts assigned to the agent, with revenue through it',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: page(AgentAccount) },
      },
    },
    async (req) => agentAccounts(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/agents/:id/orders',
    {
      schema: {
        tags,
        summary: 'Orders placed through the agent',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: page(AgentOrder) },
      },
    },
    async (req) => agentOrders(req.ctx, req.params.id, req.query),
  );

  app.post(
    '/registrations/check',
    {
      schema: {
        tags,
        summary: 'Live conflict check of a registration (nothing is saved)',
        body: RegistrationCheckInput,
        response: { 200: RegistrationCheck },
      },
    },
    async (req) => checkRegistration(req.ctx, req.body),
  );
  app.post(
    '/registrations',
    {
      schema: {
        tags,
        summary: 'Register (报备) a prospect: checked at once, approved, rejected or queued by the rules',
        body: RegistrationInput,
        response: { 201: Registration },
      },
    },
    async (req, reply) => reply.code(201).send(await submitRegistration(req.ctx, req.body)),
  );
  app.get(
    '/registrations',
    {
      schema: {
        tags,
        summary: 'Registrations you may see; status=queued is the channel manager’s queue',
        querystring: RegistrationListQuery,
        response: { 200: page(Registration) },
      },
    },
    async (req) => listRegistrations(req.ctx, req.query),
  );
  app.get(
    '/registrations/:id',
    {
      schema: { tags, summary: 'A registration with its evidence', params: IdParams, response: { 200: Registration } },
    },
    async (req) => getRegistration(req.ctx, req.params.id),
  );
  app.post(
    '/registrations/:id/decision',
    {
      schema: {
        tags,
        summary:
          'Decide a queued registration: approve, reject, split or transfer, with a reason (notifies both sides)',
        params: IdParams,
        body: RegistrationDecision,
        response: { 200: Registration },
      },
    },
    async (req) => decideRegistration(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/registrations/:id/renew',
    {
      schema: {
        tags,
        summary: 'Renew an approved registration near its expiry',
        params: IdParams,
        body: VersionBody,
        response: { 200: Registration },
      },
    },
    async (req) => renewRegistration(req.ctx, req.params.id, req.body.version),
  );
  app.post(
    '/registrations/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a registration',
        params: IdParams,
        body: VersionBody,
        response: { 200: Registration },
      },
    },
    async (req) => withdrawRegistration(req.ctx, req.params.id, req.body.version),
  );

  app.get(
    '/channel-notices',
    {
      schema: {
        tags,
        summary: 'Your notices about registration decisions (latest 100)',
        querystring: z.object({ unread: z.stringbool().default(false) }).strict(),
        response: { 200: z.array(ChannelNotice) },
      },
    },
    async (req) => listNotices(req.ctx, req.query.unread),
  );
  app.post(
    '/channel-notices/read',
    { schema: { tags, summary: 'Mark all your notices read', response: { 204: z.null() } } },
    async (req, reply) => {
      await markNoticesRead(req.ctx);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/channel-rules',
    { schema: { tags, summary: 'The registration rules in force', response: { 200: ChannelRules } } },
    async (req) => {
      assertCan(req.ctx.user, 'registration.read');
      return channelRules(req.ctx.db);
    },
  );
  app.put(
    '/channel-rules',
    {
      schema: {
        tags,
        summary: 'Change the registration rules (a new version; admin)',
        body: ChannelRules,
        response: { 200: ChannelRules },
      },
    },
    async (req) => setChannelRules(req.ctx, req.body),
  );
};
