import {
  AccountIdParams,
  Contact,
  ContactListQuery,
  ContactSummary,
  CreateContact,
  IdParams,
  OrgChartNode,
  page,
  UpdateContact,
  VersionQuery,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveContact,
  createContact,
  getContact,
  listContacts,
  orgChart,
  updateContact,
} from './contacts.service.js';

const tags = ['contacts'];

export const contactsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'Contacts in your scope (no personal dossier fields in lists)',
        querystring: ContactListQuery,
        response: { 200: page(ContactSummary) },
      },
    },
    async (req) => listContacts(req.ctx, req.query),
  );
  app.post(
    '/accounts/:accountId/contacts',
    {
      schema: {
        tags,
        summary: 'Add a contact to an account',
        params: AccountIdParams,
        body: CreateContact,
        response: { 201: Contact },
      },
    },
    async (req, reply) => reply.code(201).send(await createContact(req.ctx, req.params.accountId, req.body)),
  );
  app.get(
    '/contacts/:id',
    {
      schema: {
        tags,
        summary: 'A contact; the personal dossier comes full (audited), masked or not at all, by role',
        params: IdParams,
        response: { 200: Contact },
      },
    },
    async (req) => getContact(req.ctx, req.params.id),
  );
  app.patch(
    '/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Update a contact (optimistic lock)',
        params: IdParams,
        body: UpdateContact,
        response: { 200: Contact },
      },
    },
    async (req) => updateContact(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Archive a contact',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await archiveContact(req.ctx, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/accounts/:accountId/org-chart',
    {
      schema: {
        tags,
        summary: 'The account’s people as a reports-to tree',
        params: AccountIdParams,
        response: { 200: z.object({ items: z.array(OrgChartNode) }) },
      },
    },
    async (req) => orgChart(req.ctx, req.params.accountId),
  );
};
