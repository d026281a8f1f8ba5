import {
  CreateInteraction,
  IdParams,
  Interaction,
  InteractionListQuery,
  page,
  UpdateInteraction,
  VersionQuery,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveInteraction,
  createInteraction,
  getInteraction,
  listInteractions,
  updateInteraction,
} from './interactions.service.js';

const tags = ['interactions'];

export const interactionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/interactions',
    {
      schema: {
        tags,
        summary: 'Visits, calls, meetings, e-mails and WeChat in your scope',
        querystring: InteractionListQuery,
        response: { 200: page(Interaction) },
      },
    },
    async (req) => listInteractions(req.ctx, req.query),
  );
  app.post(
    '/interactions',
    { schema: { tags, summary: 'Log an interaction', body: CreateInteraction, response: { 201: Interaction } } },
    async (req, reply) => reply.code(201).send(await createInteraction(req.ctx, req.body)),
  );
  app.get(
    '/interactions/:id',
    { schema: { tags, summary: 'An interaction', params: IdParams, response: { 200: Interaction } } },
    async (req) => getInteraction(req.ctx, req.params.id),
  );
  app.patch(
    '/interactions/:id',
    {
      schema: {
        tags,
        summary: 'Update an interaction (optimistic lock)',
        params: IdParams,
        body: UpdateInteraction,
        response: { 200: Interaction },
      },
    },
    async (req) => updateInteraction(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/interactions/:id',
    {
      schema: {
        tags,
        summary: 'Archive an interaction',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await archiveInteraction(req.ctx, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  );
};
