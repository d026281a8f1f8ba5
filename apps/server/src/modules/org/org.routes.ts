import { CreateOrgUnit, IdParams, OrgUnit, UpdateOrgUnit, VersionQuery } from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { archiveOrgUnit, createOrgUnit, listOrgUnits, updateOrgUnit } from './org.service.js';

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
  app.patch(
    '/org-units/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'Rename or recode an org unit (admin)',
        params: IdParams,
        body: UpdateOrgUnit,
        response: { 200: OrgUnit },
      },
    },
    async (req) => updateOrgUnit(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/org-units/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'Archive an empty org unit (admin)',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await archiveOrgUnit(req.ctx, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  );
};
