import {
  Alert,
  AlertAction,
  AlertCounts,
  AlertListQuery,
  AlertSettings,
  AllowedHost,
  CreateAllowedHost,
  CreateWebhookTarget,
  Delivery,
  DeliveryListQuery,
  EvaluationSummary,
  HostParams,
  IdParams,
  page,
  TestWebhookResult,
  UpdateAlertSettings,
  UpdateWebhookTarget,
  VersionQuery,
  WebhookTarget,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import { actOnAlert, alertCounts, getAlert, listAlerts, markRead } from './alerts.service.js';
import {
  addAllowedHost,
  archiveTarget,
  createTarget,
  type DeliveryOptions,
  listAllowedHosts,
  listDeliveries,
  listTargets,
  removeAllowedHost,
  testTarget,
  updateTarget,
} from './delivery.service.js';
import { evaluateAlerts } from './evaluate.js';
import { getAlertSettings, updateAlertSettings } from './settings.js';

const tags = ['alerts'];

export const alertsRoutes: FastifyPluginAsyncZod<{ delivery: DeliveryOptions }> = async (app, opts) => {
  app.get(
    '/alerts',
    {
      schema: {
        tags,
        summary: 'The alert inbox: alerts on accounts in your scope',
        querystring: AlertListQuery,
        response: { 200: page(Alert) },
      },
    },
    async (req) => listAlerts(req.ctx, req.query),
  );
  app.get(
    '/alerts/counts',
    { schema: { tags, summary: 'Unread and active alerts (the header bell)', response: { 200: AlertCounts } } },
    async (req) => alertCounts(req.ctx),
  );
  app.post(
    '/alerts/read-all',
    { schema: { tags, summary: 'Mark every active alert in your scope read', response: { 200: AlertCounts } } },
    async (req) => markRead(req.ctx, 'all'),
  );
  app.post(
    '/alerts/evaluate',
    {
      schema: {
        tags,
        summary: 'Evaluate every alert rule now (admin; the scheduler does it every quarter hour)',
        response: { 200: EvaluationSummary },
      },
    },
    async (req) => {
      assertCan(req.ctx.user, 'alert.configure');
      return evaluateAlerts(req.ctx.db);
    },
  );
  app.get(
    '/alerts/settings',
    { schema: { tags, summary: 'Alert thresholds per tier', response: { 200: AlertSettings } } },
    async (req) => getAlertSettings(req.ctx),
  );
  app.put(
    '/alerts/settings',
    {
      schema: {
        tags,
        summary: 'Change thresholds per tier (admin)',
        body: UpdateAlertSettings,
        response: { 200: AlertSettings },
      },
    },
    async (req) => updateAlertSettings(req.ctx, req.body),
  );
  app.get(
    '/alerts/webhooks',
    {
      schema: {
        tags,
        summary: 'Group-robot webhook targets (admin)',
        response: { 200: z.object({ items: z.array(WebhookTarget) }) },
      },
    },
    async (req) => listTargets(req.ctx),
  );
  app.post(
    '/alerts/webhooks',
    {
      schema: {
        tags,
        summary: 'Add a WeCom, DingTalk or Feishu group robot (admin; its host must be allowed)',
        body: CreateWebhookTarget,
        response: { 201: WebhookTarget },
      },
    },
    async (req, reply) => reply.code(201).send(await createTarget(req.ctx, req.body)),
  );
  app.patch(
    '/alerts/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change a webhook target (admin)',
        params: IdParams,
        body: UpdateWebhookTarget,
        response: { 200: WebhookTarget },
      },
    },
    async (req) => updateTarget(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/alerts/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Remove a webhook target (admin)',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await archiveTarget(req.ctx, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/alerts/webhooks/:id/test',
    {
      schema: {
        tags,
        summary: 'Send a test message to a target now (admin)',
        params: IdParams,
        response: { 200: TestWebhookResult },
      },
    },
    async (req) => testTarget(req.ctx, req.params.id, opts.delivery),
  );
  app.get(
    '/alerts/allowed-hosts',
    {
      schema: {
        tags,
        summary: 'Hosts webhooks may go to (admin)',
        response: { 200: z.object({ items: z.array(AllowedHost) }) },
      },
    },
    async (req) => listAllowedHosts(req.ctx),
  );
  app.post(
    '/alerts/allowed-hosts',
    {
      schema: {
        tags,
        summary: 'Allow a host (admin); private and loopback addresses only with allowPrivate',
        body: CreateAllowedHost,
        response: { 200: z.object({ items: z.array(AllowedHost) }) },
      },
    },
    async (req) => addAllowedHost(req.ctx, req.body),
  );
  app.delete(
    '/alerts/allowed-hosts/:host',
    { schema: { tags, summary: 'Disallow a host (admin)', params: HostParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await removeAllowedHost(req.ctx, req.params.host);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/alerts/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log of webhook pushes and digest e-mails (admin)',
        querystring: DeliveryListQuery,
        response: { 200: z.object({ items: z.array(Delivery), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => listDeliveries(req.ctx, req.query),
  );
  app.get(
    '/alerts/:id',
    { schema: { tags, summary: 'An alert with its reason and data', params: IdParams, response: { 200: Alert } } },
    async (req) => getAlert(req.ctx, req.params.id),
  );
  app.post(
    '/alerts/:id/read',
    { schema: { tags, summary: 'Mark an alert read', params: IdParams, response: { 200: AlertCounts } } },
    async (req) => {
      await getAlert(req.ctx, req.params.id);
      return markRead(req.ctx, [req.params.id]);
    },
  );
  app.post(
    '/alerts/:id/actions',
    {
      schema: {
        tags,
        summary: 'Acknowledge, resolve, snooze or reopen an alert (optimistic lock)',
        params: IdParams,
        body: AlertAction,
        response: { 200: Alert },
      },
    },
    async (req) => actOnAlert(req.ctx, req.params.id, req.body),
  );
};
