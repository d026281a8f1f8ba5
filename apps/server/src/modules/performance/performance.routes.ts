import {
  AccountIdParams,
  ActionParams,
  CauseParams,
  CostToServe,
  CostToServeList,
  CostToServeListQuery,
  CostToServeQuery,
  CreateAction,
  CreateCause,
  CreateCustomKpi,
  CreateKpiTarget,
  CreateReview,
  EvidenceSearchQuery,
  EvidenceView,
  IdParams,
  KpiDefinition,
  KpiDrill,
  KpiDrillQuery,
  KpiTarget,
  KpiTargetListQuery,
  PerformanceSettings,
  page,
  Review,
  ReviewDetail,
  ReviewListQuery,
  Scoreboard,
  ScoreboardQuery,
  UpdateAction,
  UpdateCause,
  UpdateKpiDefinition,
  UpdateKpiTarget,
  UpdatePerformanceSettings,
  UpdateReview,
  VersionQuery,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountCostToServe, portfolioCostToServe } from './cost-to-serve.js';
import {
  archiveTarget,
  createCustomKpi,
  createTarget,
  drillDown,
  getTarget,
  listDefinitions,
  listTargets,
  updateDefinition,
  updateTarget,
} from './kpis.service.js';
import {
  addAction,
  addCause,
  createReview,
  evidenceCandidates,
  getReview,
  listReviews,
  resnapshotReview,
  updateAction,
  updateCause,
  updateReview,
} from './reviews.service.js';
import { scoreboard } from './scoreboard.service.js';
import { getSettings, updateSettings } from './settings.service.js';

const tags = ['performance'];

export const performanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/accounts/:accountId/cost-to-serve',
    {
      schema: {
        tags,
        summary: "An account's contribution after cost to serve in a period, beside its CLV",
        params: AccountIdParams,
        querystring: CostToServeQuery,
        response: { 200: CostToServe },
      },
    },
    async (req) => accountCostToServe(req.ctx, req.params.accountId, req.query.period),
  );
  app.get(
    '/cost-to-serve',
    {
      schema: {
        tags,
        summary:
          'Accounts in your scope ranked by contribution after cost to serve (a ranked report, up to `limit` rows)',
        querystring: CostToServeListQuery,
        response: { 200: CostToServeList },
      },
    },
    async (req) => portfolioCostToServe(req.ctx, req.query),
  );
  app.get(
    '/performance/settings',
    { schema: { tags, summary: 'Cost-to-serve rates and incentive points', response: { 200: PerformanceSettings } } },
    async (req) => getSettings(req.ctx),
  );
  app.put(
    '/performance/settings',
    {
      schema: {
        tags,
        summary: 'Change cost-to-serve rates or incentive points (admin; audited)',
        body: UpdatePerformanceSettings,
        response: { 200: PerformanceSettings },
      },
    },
    async (req) => updateSettings(req.ctx, req.body),
  );
  app.get(
    '/kpis',
    {
      schema: {
        tags,
        summary: 'KPI definitions: built-in and custom',
        response: { 200: z.object({ items: z.array(KpiDefinition) }) },
      },
    },
    async (req) => listDefinitions(req.ctx),
  );
  app.post(
    '/kpis',
    {
      schema: {
        tags,
        summary: 'Define a custom KPI: an aggregate of one measure, optionally by product category or province',
        body: CreateCustomKpi,
        response: { 201: KpiDefinition },
      },
    },
    async (req, reply) => reply.code(201).send(await createCustomKpi(req.ctx, req.body)),
  );
  app.patch(
    '/kpis/:id',
    {
      schema: {
        tags,
        summary: 'Rename a KPI or change its direction and colour thresholds (optimistic lock)',
        params: IdParams,
        body: UpdateKpiDefinition,
        response: { 200: KpiDefinition },
      },
    },
    async (req) => updateDefinition(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/kpi-targets',
    {
      schema: {
        tags,
        summary: 'Targets you may see, each with its actual computed now, the gap and the status colour',
        querystring: KpiTargetListQuery,
        response: { 200: page(KpiTarget) },
      },
    },
    async (req) => listTargets(req.ctx, req.query),
  );
  app.post(
    '/kpi-targets',
    {
      schema: {
        tags,
        summary: 'Set a target (directors and admins)',
        body: CreateKpiTarget,
        response: { 201: KpiTarget },
      },
    },
    async (req, reply) => reply.code(201).send(await createTarget(req.ctx, req.body)),
  );
  app.get(
    '/kpi-targets/:id',
    { schema: { tags, summary: 'A target with its actual', params: IdParams, response: { 200: KpiTarget } } },
    async (req) => getTarget(req.ctx, req.params.id),
  );
  app.patch(
    '/kpi-targets/:id',
    {
      schema: {
        tags,
        summary: 'Change a target (optimistic lock)',
        params: IdParams,
        body: UpdateKpiTarget,
        response: { 200: KpiTarget },
      },
    },
    async (req) => updateTarget(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/kpi-targets/:id',
    {
      schema: {
        tags,
        summary: 'Archive a target',
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
  app.get(
    '/kpi-actuals/records',
    {
      schema: {
        tags,
        summary: 'Drill-down: the orders, surveys, complaints or accounts behind an actual',
        querystring: KpiDrillQuery,
        response: { 200: KpiDrill },
      },
    },
    async (req) => drillDown(req.ctx, req.query),
  );
  app.get(
    '/reviews',
    {
      schema: {
        tags,
        summary: 'Reviews you may see, latest first',
        querystring: ReviewListQuery,
        response: { 200: page(Review) },
      },
    },
    async (req) => listReviews(req.ctx, req.query),
  );
  app.post(
    '/reviews',
    {
      schema: {
        tags,
        summary: "Hold a review: snapshots the subject's KPI gaps for the period",
        body: CreateReview,
        response: { 201: ReviewDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createReview(req.ctx, req.body)),
  );
  app.get(
    '/reviews/:id',
    {
      schema: {
        tags,
        summary:
          'A review: gaps, problem analysis, improvement actions and whether the previous review’s actions closed their gaps',
        params: IdParams,
        response: { 200: ReviewDetail },
      },
    },
    async (req) => getReview(req.ctx, req.params.id),
  );
  app.patch(
    '/reviews/:id',
    {
      schema: {
        tags,
        summary: 'Update a review (optimistic lock)',
        params: IdParams,
        body: UpdateReview,
        response: { 200: ReviewDetail },
      },
    },
    async (req) => updateReview(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/reviews/:id/snapshot',
    {
      schema: {
        tags,
        summary: 'Retake the gap snapshot of a draft review',
        params: IdParams,
        response: { 200: ReviewDetail },
      },
    },
    async (req) => resnapshotReview(req.ctx, req.params.id),
  );
  app.get(
    '/reviews/:id/evidence-candidates',
    {
      schema: {
        tags,
        summary: "Records of the review's accounts to link as evidence",
        params: IdParams,
        querystring: EvidenceSearchQuery,
        response: { 200: z.object({ items: z.array(EvidenceView) }) },
      },
    },
    async (req) => evidenceCandidates(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/reviews/:id/causes',
    {
      schema: {
        tags,
        summary: 'Add a cause to the problem analysis',
        params: IdParams,
        body: CreateCause,
        response: { 201: ReviewDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await addCause(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/reviews/:id/causes/:causeId',
    {
      schema: {
        tags,
        summary: 'Update a cause (optimistic lock)',
        params: CauseParams,
        body: UpdateCause,
        response: { 200: ReviewDetail },
      },
    },
    async (req) => updateCause(req.ctx, req.params.id, req.params.causeId, req.body),
  );
  app.post(
    '/reviews/:id/actions',
    {
      schema: {
        tags,
        summary: 'Add an improvement action',
        params: IdParams,
        body: CreateAction,
        response: { 201: ReviewDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await addAction(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/reviews/:id/actions/:actionId',
    {
      schema: {
        tags,
        summary: 'Update an improvement action or move its status (optimistic lock)',
        params: ActionParams,
        body: UpdateAction,
        response: { 200: ReviewDetail },
      },
    },
    async (req) => updateAction(req.ctx, req.params.id, req.params.actionId, req.body),
  );
  app.get(
    '/scoreboard',
    {
      schema: {
        tags,
        summary: 'KAM scoreboard: incentive points from KPI attainment and activities',
        querystring: ScoreboardQuery,
        response: { 200: Scoreboard },
      },
    },
    async (req) => scoreboard(req.ctx, req.query),
  );
};
