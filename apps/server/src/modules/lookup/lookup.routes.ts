import { LookupQuery, LookupResult } from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { lookupPhone } from './lookup.service.js';

export const lookupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/lookup',
    {
      schema: {
        tags: ['lookup'],
        summary:
          'Caller lookup (screen-pop): who is calling, their account, recent interactions, orders, products and open items',
        querystring: LookupQuery,
        response: { 200: LookupResult },
      },
    },
    async (req) => lookupPhone(req.ctx, req.query.phone),
  );
};
