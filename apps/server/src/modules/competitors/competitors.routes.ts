import {
  AccountIdParams,
  Competitor,
  CompetitorPresence,
  CreateCompetitor,
  CreateCompetitorPresence,
  IdParams,
  UpdateCompetitor,
  UpdateCompetitorPresence,
  VersionQuery,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archivePresence,
  createCompetitor,
  createPresence,
  listCompetitors,
  listPresence,
  updateCompetitor,
  updatePresence,
} from './competitors.service.js';

const tags = ['competitors'];

export const competitorsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/competitors',
    { schema: { tags, summary: 'Known competitors', response: { 200: z.object({ items: z.array(Competitor) }) } } },
    async (req) => listCompetitors(req.ctx),
  );
  app.post(
    '/competitors',
    { schema: { tags, summary: 'Add a competitor', body: CreateCompetitor, response: { 201: Competitor } } },
    async (req, reply) => reply.code(201).send(await createCompetitor(req.ctx, req.body)),
  );
  app.patch(
    '/competitors/:id',
    {
      schema: {
        tags,
        summary: 'Update a competitor (optimistic lock)',
        params: IdParams,
        body: UpdateCompetitor,
        response: { 200: Competitor },
      },
    },
    async (req) => updateCompetitor(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/accounts/:accountId/competitors',
    {
      schema: {
        tags,
        summary: 'Competitor presence at an account by product category, with our share',
        params: AccountIdParams,
        response: { 200: z.object({ items: z.array(CompetitorPresence) }) },
      },
    },
    async (req) => listPresence(req.ctx, req.params.accountId),
  );
  app.post(
    '/accounts/:accountId/competitors',
    {
      schema: {
        tags,
        summary: 'Record a competitor at an account',
        params: AccountIdParams,
        body: CreateCompetitorPresence,
        response: { 201: CompetitorPresence },
      },
    },
    async (req, reply) => reply.code(201).send(await createPresence(req.ctx, req.params.accountId, req.body)),
  );
  app.patch(
    '/competitor-presence/:id',
    {
      schema: {
        tags,
        summary: 'Update a competitor presence (optimistic lock)',
        params: IdParams,
        body: UpdateCompetitorPresence,
        response: { 200: CompetitorPresence },
      },
    },
    async (req) => updatePresence(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/competitor-presence/:id',
    {
      schema: {
        tags,
        summary: 'Archive a competitor presence',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await archivePresence(req.ctx, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  );
};
