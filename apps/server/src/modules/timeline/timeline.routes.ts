import { AccountIdParams, TimelineEntry, TimelineQuery } from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountTimeline } from './timeline.service.js';

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/accounts/:accountId/timeline',
    {
      schema: {
        tags: ['interactions'],
        summary: 'The account timeline: interactions, orders, needs and done tasks, newest first',
        params: AccountIdParams,
        querystring: TimelineQuery,
        response: { 200: z.object({ items: z.array(TimelineEntry), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => accountTimeline(req.ctx, req.params.accountId, req.query),
  );
};
