import { CareConfigVersion, CareRunResult, RunCare, UpdateCareConfig } from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayInChina } from '../../platform/today.js';
import { getCareConfig, runCareNow, updateCareConfig } from './care.service.js';

const tags = ['care'];

export const careRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/care/config',
    {
      schema: {
        tags,
        summary: 'Care rules: revisit cadence by tier, lead days, festivals, anniversaries',
        response: { 200: CareConfigVersion },
      },
    },
    async (req) => getCareConfig(req.ctx),
  );
  app.put(
    '/care/config',
    {
      schema: {
        tags,
        summary: 'Change the care rules (admin, director; optimistic lock)',
        body: UpdateCareConfig,
        response: { 200: CareConfigVersion },
      },
    },
    async (req) => updateCareConfig(req.ctx, req.body),
  );
  app.post(
    '/care/run',
    {
      schema: {
        tags,
        summary: 'Run the daily care job now (idempotent: a reason and day never get two tasks)',
        body: RunCare,
        response: { 200: CareRunResult },
      },
    },
    async (req) => runCareNow(req.ctx, req.body.asOf ?? todayInChina()),
  );
};
