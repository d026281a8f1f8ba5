import {
  AccountIdParams,
  AccountValue,
  AnalysisConfig,
  AnalysisConfigVersion,
  AnalysisRun,
  IdParams,
  MigrationQuery,
  Portfolio,
  PreviewResult,
  ResultListQuery,
  ResultPage,
  RunChangePage,
  RunChangesQuery,
  RunIdQuery,
  SaveAnalysisConfig,
  SetTierOverride,
  StartRun,
  TierMigration,
  TierOverride,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getConfig, listConfigVersions, saveConfig } from './config.service.js';
import { getPortfolio, listChanges, listResults, previewConfig, tierMigration } from './portfolio.service.js';
import { getRun, listRuns, startRun } from './runs.service.js';
import { clearTierOverride, getAccountValue, setTierOverride } from './value.service.js';

const tags = ['analytics'];

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/analytics/config',
    { schema: { tags, summary: 'The current model configuration', response: { 200: AnalysisConfigVersion } } },
    async (req) => getConfig(req.ctx),
  );
  app.get(
    '/analytics/config/versions',
    {
      schema: {
        tags,
        summary: 'Every version of the model configuration, newest first',
        response: { 200: z.object({ items: z.array(AnalysisConfigVersion) }) },
      },
    },
    async (req) => listConfigVersions(req.ctx),
  );
  app.put(
    '/analytics/config',
    {
      schema: {
        tags,
        summary: 'Save a new version of the model configuration (basedOn = the version you edited)',
        body: SaveAnalysisConfig,
        response: { 201: AnalysisConfigVersion },
      },
    },
    async (req, reply) => reply.code(201).send(await saveConfig(req.ctx, req.body)),
  );
  app.post(
    '/analytics/preview',
    {
      schema: {
        tags,
        summary: 'What-if: how many accounts a draft configuration would move between tiers, and which',
        body: z.object({ config: AnalysisConfig }).strict(),
        response: { 200: PreviewResult },
      },
    },
    async (req) => previewConfig(req.ctx, req.body.config),
  );
  app.get(
    '/analytics/runs',
    {
      schema: {
        tags,
        summary: 'Analysis runs, newest first',
        response: { 200: z.object({ items: z.array(AnalysisRun) }) },
      },
    },
    async (req) => listRuns(req.ctx),
  );
  app.post(
    '/analytics/runs',
    {
      schema: {
        tags,
        summary: 'Run the analysis now (as of today or an earlier day)',
        body: StartRun,
        response: { 201: AnalysisRun },
      },
    },
    async (req, reply) => reply.code(201).send(await startRun(req.ctx, req.body)),
  );
  app.get(
    '/analytics/runs/:id',
    { schema: { tags, summary: 'One analysis run', params: IdParams, response: { 200: AnalysisRun } } },
    async (req) => getRun(req.ctx, req.params.id),
  );
  app.get(
    '/analytics/runs/:id/changes',
    {
      schema: {
        tags,
        summary: 'What changed against the previous run: tier moves, ABC moves, new churn risks',
        params: IdParams,
        querystring: RunChangesQuery,
        response: { 200: RunChangePage },
      },
    },
    async (req) => listChanges(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/analytics/portfolio',
    {
      schema: {
        tags,
        summary: 'Tier pyramid, ABC table, Pareto curve, RFM grid and quadrants of a run, over your accounts',
        querystring: RunIdQuery,
        response: { 200: Portfolio },
      },
    },
    async (req) => getPortfolio(req.ctx, req.query.runId),
  );
  app.get(
    '/analytics/migration',
    {
      schema: {
        tags,
        summary: 'Tier migration matrix between two runs',
        querystring: MigrationQuery,
        response: { 200: TierMigration },
      },
    },
    async (req) => tierMigration(req.ctx, req.query.from, req.query.to),
  );
  app.get(
    '/analytics/results',
    {
      schema: {
        tags,
        summary: 'The accounts behind a figure: results of a run, filtered and sorted',
        querystring: ResultListQuery,
        response: { 200: ResultPage },
      },
    },
    async (req) => listResults(req.ctx, req.query),
  );
  app.get(
    '/accounts/:accountId/value',
    {
      schema: {
        tags,
        summary: "An account's value: score breakdown, tier, ABC, RFM, CLV, payment, churn, whitespace, 7P",
        params: AccountIdParams,
        response: { 200: AccountValue },
      },
    },
    async (req) => getAccountValue(req.ctx, req.params.accountId),
  );
  app.put(
    '/accounts/:accountId/tier-override',
    {
      schema: {
        tags,
        summary: 'Set a manual tier with its reason and expiry (audited)',
        params: AccountIdParams,
        body: SetTierOverride,
        response: { 200: TierOverride },
      },
    },
    async (req) => setTierOverride(req.ctx, req.params.accountId, req.body),
  );
  app.delete(
    '/accounts/:accountId/tier-override',
    { schema: { tags, summary: 'Remove the manual tier', params: AccountIdParams } },
    async (req, reply) => {
      await clearTierOverride(req.ctx, req.params.accountId);
      return reply.code(204).send();
    },
  );
};
