import {
  AccountIdParams,
  ClubEvent,
  ClubEventDetail,
  CreateEvent,
  CreateEventFollowUp,
  CreateInvitations,
  CreateValueAddedService,
  EventListQuery,
  IdParams,
  InvitationParams,
  page,
  UpdateEvent,
  UpdateInvitation,
  UpdateValueAddedService,
  ValueAddedService,
  ValueAddedServiceListQuery,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addFollowUp,
  createEvent,
  getEvent,
  inviteContacts,
  listEvents,
  updateEvent,
  updateInvitation,
} from './events.service.js';
import {
  createValueAddedService,
  getValueAddedService,
  listValueAddedServices,
  updateValueAddedService,
} from './value-added.service.js';

const tags = ['events'];

export const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'Customer-club events of your units or with your accounts invited; counts cover your accounts',
        querystring: EventListQuery,
        response: { 200: page(ClubEvent) },
      },
    },
    async (req) => listEvents(req.ctx, req.query),
  );
  app.post(
    '/events',
    { schema: { tags, summary: 'Plan a club event', body: CreateEvent, response: { 201: ClubEventDetail } } },
    async (req, reply) => reply.code(201).send(await createEvent(req.ctx, req.body)),
  );
  app.get(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'An event with the invitations of your accounts',
        params: IdParams,
        response: { 200: ClubEventDetail },
      },
    },
    async (req) => getEvent(req.ctx, req.params.id),
  );
  app.patch(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Update an event (optimistic lock)',
        params: IdParams,
        body: UpdateEvent,
        response: { 200: ClubEventDetail },
      },
    },
    async (req) => updateEvent(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/events/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite contacts of your accounts (already invited ones are kept)',
        params: IdParams,
        body: CreateInvitations,
        response: { 201: ClubEventDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await inviteContacts(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/events/:id/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Record a reply or attendance for one contact (optimistic lock)',
        params: InvitationParams,
        body: UpdateInvitation,
        response: { 200: ClubEventDetail },
      },
    },
    async (req) => updateInvitation(req.ctx, req.params.id, req.params.invitationId, req.body),
  );
  app.post(
    '/events/:id/invitations/:invitationId/follow-up',
    {
      schema: {
        tags,
        summary: 'Create the follow-up task for one invited contact',
        params: InvitationParams,
        body: CreateEventFollowUp,
        response: { 201: ClubEventDetail },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addFollowUp(req.ctx, req.params.id, req.params.invitationId, req.body)),
  );
  app.get(
    '/value-added-services',
    {
      schema: {
        tags,
        summary: 'Value-added services delivered to accounts in your scope',
        querystring: ValueAddedServiceListQuery,
        response: { 200: page(ValueAddedService) },
      },
    },
    async (req) => listValueAddedServices(req.ctx, req.query),
  );
  app.post(
    '/accounts/:accountId/value-added-services',
    {
      schema: {
        tags,
        summary: 'Record a value-added service delivered to an account, with its cost',
        params: AccountIdParams,
        body: CreateValueAddedService,
        response: { 201: ValueAddedService },
      },
    },
    async (req, reply) => reply.code(201).send(await createValueAddedService(req.ctx, req.params.accountId, req.body)),
  );
  app.get(
    '/value-added-services/:id',
    { schema: { tags, summary: 'A value-added service', params: IdParams, response: { 200: ValueAddedService } } },
    async (req) => getValueAddedService(req.ctx, req.params.id),
  );
  app.patch(
    '/value-added-services/:id',
    {
      schema: {
        tags,
        summary: "Update a value-added service or record the account's feedback (optimistic lock)",
        params: IdParams,
        body: UpdateValueAddedService,
        response: { 200: ValueAddedService },
      },
    },
    async (req) => updateValueAddedService(req.ctx, req.params.id, req.body),
  );
};
