import { AccountIdParams, RelationshipMap } from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { relationshipMap } from './relationships.service.js';

export const relationshipsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/accounts/:accountId/relationship-map',
    {
      schema: {
        tags: ['contacts'],
        summary: 'The account’s decision chain: people, who of us owns and met them, and coverage gaps',
        params: AccountIdParams,
        response: { 200: RelationshipMap },
      },
    },
    async (req) => relationshipMap(req.ctx, req.params.accountId),
  );
};
