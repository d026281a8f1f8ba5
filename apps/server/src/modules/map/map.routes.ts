import { MapAttention, MapPortfolio, MapQuery, MapStep, MapStepParams } from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mapAttention } from './attention.service.js';
import { mapPortfolio } from './portfolio.service.js';
import { mapStep } from './steps.service.js';

const tags = ['map'];

export const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/map/steps/:step',
    {
      schema: {
        tags,
        summary: 'One step of the key-account map: its live figures over your scope, each with its drill-down',
        params: MapStepParams,
        querystring: MapQuery,
        response: { 200: MapStep },
      },
    },
    async (req) => mapStep(req.ctx, req.params.step, req.query),
  );
  app.get(
    '/map/attention',
    {
      schema: {
        tags,
        summary: 'The accounts that need attention today, ranked, with their reasons; and the alert feed',
        querystring: MapQuery,
        response: { 200: MapAttention },
      },
    },
    async (req) => mapAttention(req.ctx, req.query),
  );
  app.get(
    '/map/portfolio',
    {
      schema: {
        tags,
        summary: 'The portfolio matrix (largest accounts), the Pareto curve and the ABC table over the filter',
        querystring: MapQuery,
        response: { 200: MapPortfolio },
      },
    },
    async (req) => mapPortfolio(req.ctx, req.query),
  );
};
