import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportKinds, writeExport } from './exports.service.js';

const tags = ['exports'];
const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vcf: 'text/vcard; charset=utf-8',
};

export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/exports/:kind',
    {
      schema: {
        tags,
        summary: 'Download a list in your scope and masking as CSV (UTF-8 with BOM), xlsx or vCard (contacts)',
        params: z.object({ kind: z.enum(exportKinds as ['accounts', 'contacts', 'order-lines']) }).strict(),
        querystring: z
          .object({
            format: z.enum(['csv', 'xlsx', 'vcf']).default('xlsx'),
            accountCode: z.string().max(40).optional(),
          })
          .strict(),
      },
    },
    async (req, reply) => {
      const out = new PassThrough();
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('content-type', types[req.query.format]);
      reply.header(
        'content-disposition',
        `attachment; filename="kamap-${req.params.kind}-${stamp}.${req.query.format}"`,
      );
      const filters = req.query.accountCode ? { accountCode: req.query.accountCode } : {};
      writeExport(req.ctx, req.params.kind, req.query.format, out, filters).catch((err) => out.destroy(err));
      return reply.send(out);
    },
  );
};
