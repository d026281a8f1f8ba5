import {
  AccountIdParams,
  CreateNeed,
  CreateNeedTask,
  IdParams,
  Need,
  NeedListQuery,
  NeedStats,
  NeedStatsQuery,
  NeedTaskParams,
  OverdueNeedTask,
  OverdueQuery,
  page,
  UpdateNeed,
  UpdateNeedTask,
  VersionQuery,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addNeedTask,
  archiveNeed,
  createNeed,
  getNeed,
  listNeeds,
  needStats,
  overdueNeedTasks,
  updateNeed,
  updateNeedTask,
} from './needs.service.js';

const tags = ['needs'];

export const needsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/needs',
    {
      schema: {
        tags,
        summary: 'Needs in your scope, highest priority first, with their fulfilment plans',
        querystring: NeedListQuery,
        response: { 200: page(Need) },
      },
    },
    async (req) => listNeeds(req.ctx, req.query),
  );
  app.get(
    '/needs/stats',
    {
      schema: {
        tags,
        summary: 'Needs by status, importance × urgency (open ones) and category × tier of the latest run',
        querystring: NeedStatsQuery,
        response: { 200: NeedStats },
      },
    },
    async (req) => needStats(req.ctx, req.query),
  );
  app.get(
    '/needs/overdue-tasks',
    {
      schema: {
        tags,
        summary: 'Fulfilment measures past their due date',
        querystring: OverdueQuery,
        response: { 200: page(OverdueNeedTask) },
      },
    },
    async (req) => overdueNeedTasks(req.ctx, req.query),
  );
  app.post(
    '/accounts/:accountId/needs',
    {
      schema: { tags, summary: 'Record a need', params: AccountIdParams, body: CreateNeed, response: { 201: Need } },
    },
    async (req, reply) => reply.code(201).send(await createNeed(req.ctx, req.params.accountId, req.body)),
  );
  app.get(
    '/needs/:id',
    { schema: { tags, summary: 'A need with its fulfilment plan', params: IdParams, response: { 200: Need } } },
    async (req) => getNeed(req.ctx, req.params.id),
  );
  app.patch(
    '/needs/:id',
    {
      schema: {
        tags,
        summary: 'Update a need or move its status (allowed transitions only; optimistic lock)',
        params: IdParams,
        body: UpdateNeed,
        response: { 200: Need },
      },
    },
    async (req) => updateNeed(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/needs/:id',
    {
      schema: {
        tags,
        summary: 'Archive a need',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await archiveNeed(req.ctx, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/needs/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Add a measure to the fulfilment plan (measure, owner, due date)',
        params: IdParams,
        body: CreateNeedTask,
        response: { 201: Need },
      },
    },
    async (req, reply) => reply.code(201).send(await addNeedTask(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/needs/:id/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Update a measure of the fulfilment plan (optimistic lock)',
        params: NeedTaskParams,
        body: UpdateNeedTask,
        response: { 200: Need },
      },
    },
    async (req) => updateNeedTask(req.ctx, req.params.id, req.params.taskId, req.body),
  );
};
