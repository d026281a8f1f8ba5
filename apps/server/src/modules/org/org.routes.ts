import { CreateOrgUnit, OrgUnit } from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOrgUnit, listOrgUnits } from './org.service.js';

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/org-units',
    {
      schema: {
        tags: ['org'],
        summary: 'The org-unit tree, ordered by path',
        response: { 200: z.object({ items: z.array(OrgUnit) }) },
      },
    },
    async (req) => listOrgUnits(req.ctx),
  );
  app.post(
    '/org-units',
    {
      schema: { tags: ['org'], summary: 'Create an org unit (admin)', body: CreateOrgUnit, response: { 201: OrgUnit } },
    },
    async (req, reply) => reply.code(201).send(await createOrgUnit(req.ctx, req.body)),
  );
};
