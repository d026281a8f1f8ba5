import { PassThrough } from 'node:stream';
import { ExportFormat, ExportKind, IdParams, UserRef } from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import {
  decideExportRequest,
  downloadApprovedExport,
  exportSettings,
  listExportRequests,
  needsApproval,
  requestExport,
  updateExportSettings,
} from './approvals.service.js';
import { exportFilterNames } from './export-lists.js';
import { checkExport, writeExport } from './exports.service.js';

const tags = ['exports'];
const types: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vcf: 'text/vcard; charset=utf-8',
};
const Settings = z.object({ personalDataNeedsApproval: z.boolean() }).strict();
const ExportRequest = z.object({
  id: z.uuid(),
  kind: ExportKind,
  format: ExportFormat,
  filters: z.record(z.string(), z.string()),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'downloaded']),
  requestedBy: UserRef,
  requestedAt: z.string(),
  decidedBy: UserRef.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

function attachment(kind: string, format: ExportFormat) {
  return `attachment; filename="kamap-${kind}-${new Date().toISOString().slice(0, 10)}.${format}"`;
}

export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/exports/:kind',
    {
      schema: {
        tags,
        summary: 'Download a list in your scope and masking as CSV (UTF-8 with BOM), xlsx or vCard (contacts)',
        params: z.object({ kind: ExportKind }).strict(),
        description:
          'When personal-data exports need approval, contacts, interactions and surveys answer 403 for roles below director (request one instead). Filters as on the list pages: accounts q, lifecycle, industry, province, ownerId, orgUnitId, tag; contacts q, accountId; order lines q (order number), accountId, status, from, to; tasks q, mine, ownerId, accountId, kind, status, active, dueFrom, dueBy; interactions q, accountId, kind, userId, contactId; surveys q, accountId, kind, answered; any: accountCode.',
        querystring: z
          .object({
            format: ExportFormat.default('xlsx'),
            ...Object.fromEntries(exportFilterNames.map((n) => [n, z.string().max(100).optional()])),
          })
          .strict(),
      },
    },
    async (req, reply) => {
      if (await needsApproval(req.ctx, req.params.kind)) {
        throw new AppError(
          'forbidden',
          'Exports of personal data need a director’s approval: request one (POST /exports/requests)',
        );
      }
      const { format: _format, ...given } = req.query as Record<string, string | undefined>;
      const filters = Object.fromEntries(Object.entries(given).filter((e): e is [string, string] => Boolean(e[1])));
      checkExport(req.ctx, req.params.kind, req.query.format, filters);
      const out = new PassThrough();
      reply.header('content-type', types[req.query.format]);
      reply.header('content-disposition', attachment(req.params.kind, req.query.format));
      writeExport(req.ctx, req.params.kind, req.query.format, out, filters).catch((err) => out.destroy(err));
      return reply.send(out);
    },
  );

  app.get(
    '/exports/settings',
    { schema: { tags, summary: 'Export settings', response: { 200: Settings } } },
    async (req) => exportSettings(req.ctx.db),
  );
  app.put(
    '/exports/settings',
    { schema: { tags, summary: 'Change export settings (admin)', body: Settings, response: { 200: Settings } } },
    async (req) => updateExportSettings(req.ctx, req.body),
  );

  app.get(
    '/exports/requests',
    {
      schema: {
        tags,
        summary: 'Export requests: your own, and for directors those of their org units',
        querystring: z
          .object({ status: z.enum(['pending', 'approved', 'rejected', 'downloaded']).optional() })
          .strict(),
        response: { 200: z.object({ items: z.array(ExportRequest) }) },
      },
    },
    async (req) => listExportRequests(req.ctx, req.query),
  );
  app.post(
    '/exports/requests',
    {
      schema: {
        tags,
        summary: 'Ask for an export of personal data, with the reason',
        body: z
          .object({
            kind: ExportKind,
            format: ExportFormat,
            filters: z.record(z.string(), z.string().max(100)).default({}),
            reason: z.string().trim().min(2).max(500),
          })
          .strict(),
        response: { 201: ExportRequest },
      },
    },
    async (req, reply) => reply.code(201).send(await requestExport(req.ctx, req.body)),
  );
  app.post(
    '/exports/requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject an export request (director of the requester’s unit, or admin)',
        params: IdParams,
        body: z
          .object({ decision: z.enum(['approved', 'rejected']), note: z.string().trim().max(500).optional() })
          .strict(),
        response: { 200: ExportRequest },
      },
    },
    async (req) => decideExportRequest(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/exports/requests/:id/download',
    { schema: { tags, summary: 'Download an approved export, once (the requester only)', params: IdParams } },
    async (req, reply) => {
      const out = new PassThrough();
      const approved = await downloadApprovedExport(req.ctx, req.params.id, out);
      reply.header('content-type', types[approved.format]);
      reply.header('content-disposition', attachment(approved.kind, approved.format));
      approved.write().catch((err) => out.destroy(err));
      return reply.send(out);
    },
  );
};
