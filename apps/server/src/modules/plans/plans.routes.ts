import {
  AccountIdParams,
  AdjustPlan,
  CloseOpportunity,
  Contract,
  ContractListQuery,
  CreateContract,
  CreateOpportunity,
  CreatePlan,
  Forecast,
  ForecastQuery,
  IdParams,
  Opportunity,
  OpportunityContactParams,
  OpportunityListQuery,
  Pipeline,
  PipelineQuery,
  Plan,
  PlanActionListQuery,
  PlanActionParams,
  PlanActionRow,
  PlanDecision,
  PlanDiff,
  PlanDiffQuery,
  PlanListQuery,
  PlanSummary,
  PlanTemplate,
  PlanVersion,
  page,
  SalesTargetQuery,
  SalesTargets,
  SetBuyingCentreMember,
  SetSalesTargets,
  TierParams,
  UpdateContract,
  UpdateOpportunity,
  UpdatePlan,
  UpdatePlanAction,
  VersionQuery,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import { archiveContract, createContract, getContract, listContracts, updateContract } from './contracts.service.js';
import { forecast, getSalesTargets, pipeline, setSalesTargets } from './forecast.service.js';
import {
  closeOpportunity,
  createOpportunity,
  getOpportunity,
  listOpportunities,
  removeBuyingCentreMember,
  setBuyingCentreMember,
  updateOpportunity,
} from './opportunities.service.js';
import { listPlanActions, updatePlanAction } from './plan-actions.service.js';
import {
  adjustPlan,
  approvePlan,
  createPlan,
  diffPlanVersions,
  getPlan,
  listPlans,
  listPlanVersions,
  returnPlan,
  submitPlan,
  updatePlan,
} from './plans.service.js';
import { planTemplate } from './templates.js';

export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['plans'];
  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Account plans in your scope, with action completion and overdue counts',
        querystring: PlanListQuery,
        response: { 200: page(PlanSummary) },
      },
    },
    async (req) => listPlans(req.ctx, req.query),
  );
  app.get(
    '/plan-templates/:tier',
    {
      schema: {
        tags,
        summary: 'The starting goals, strategies and actions of a plan for a tier',
        params: TierParams,
        response: { 200: PlanTemplate },
      },
    },
    async (req) => {
      assertCan(req.ctx.user, 'plan.read');
      return planTemplate(req.params.tier);
    },
  );
  app.get(
    '/plan-actions',
    {
      schema: {
        tags,
        summary: 'Plan actions by due date; overdue=true lists the late ones',
        querystring: PlanActionListQuery,
        response: { 200: page(PlanActionRow) },
      },
    },
    async (req) => listPlanActions(req.ctx, req.query),
  );
  app.post(
    '/accounts/:accountId/plans',
    {
      schema: {
        tags,
        summary: 'Start the account’s plan for a year from its tier’s template',
        params: AccountIdParams,
        body: CreatePlan,
        response: { 201: Plan },
      },
    },
    async (req, reply) => reply.code(201).send(await createPlan(req.ctx, req.params.accountId, req.body)),
  );
  app.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'An account plan: goals with actuals, SWOT, the four strategies with actions, items',
        params: IdParams,
        response: { 200: Plan },
      },
    },
    async (req) => getPlan(req.ctx, req.params.id),
  );
  app.patch(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft plan (lists given replace the whole list)',
        params: IdParams,
        body: UpdatePlan,
        response: { 200: Plan },
      },
    },
    async (req) => updatePlan(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/plans/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a draft: a strategic plan goes for approval, others take effect',
        params: IdParams,
        body: PlanDecision,
        response: { 200: Plan },
      },
    },
    async (req) => submitPlan(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/plans/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a submitted plan (a director of the account’s org unit, or an admin; audited)',
        params: IdParams,
        body: PlanDecision,
        response: { 200: Plan },
      },
    },
    async (req) => approvePlan(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/plans/:id/return',
    {
      schema: {
        tags,
        summary: 'Send a submitted plan back to draft with a note (same deciders as approval)',
        params: IdParams,
        body: PlanDecision,
        response: { 200: Plan },
      },
    },
    async (req) => returnPlan(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/plans/:id/adjustments',
    {
      schema: {
        tags,
        summary: 'Adjust an approved plan (策略调整): a new revision with the reason and who',
        params: IdParams,
        body: AdjustPlan,
        response: { 200: Plan },
      },
    },
    async (req) => adjustPlan(req.ctx, req.params.id, req.body),
  );
  app.patch(
    '/plans/:id/actions/:actionId',
    {
      schema: {
        tags,
        summary: 'Move a plan action along (execution; no new revision)',
        params: PlanActionParams,
        body: UpdatePlanAction,
        response: { 200: Plan },
      },
    },
    async (req) => updatePlanAction(req.ctx, req.params.id, req.params.actionId, req.body, getPlan) as Promise<Plan>,
  );
  app.get(
    '/plans/:id/versions',
    {
      schema: {
        tags,
        summary: 'The plan’s revisions, newest first, with why and who',
        params: IdParams,
        response: { 200: z.object({ items: z.array(PlanVersion) }) },
      },
    },
    async (req) => listPlanVersions(req.ctx, req.params.id),
  );
  app.get(
    '/plans/:id/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two revisions of the plan',
        params: IdParams,
        querystring: PlanDiffQuery,
        response: { 200: PlanDiff },
      },
    },
    async (req) => diffPlanVersions(req.ctx, req.params.id, req.query.from, req.query.to),
  );
};

export const opportunitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['opportunities'];
  app.get(
    '/opportunities',
    {
      schema: {
        tags,
        summary: 'Opportunities in your scope',
        querystring: OpportunityListQuery,
        response: { 200: page(Opportunity) },
      },
    },
    async (req) => listOpportunities(req.ctx, req.query),
  );
  app.get(
    '/opportunities/pipeline',
    {
      schema: {
        tags,
        summary: 'Open opportunities by buying stage, with the year’s won and lost',
        querystring: PipelineQuery,
        response: { 200: Pipeline },
      },
    },
    async (req) => pipeline(req.ctx, req.query),
  );
  app.get(
    '/opportunities/forecast',
    {
      schema: {
        tags,
        summary: 'Weighted forecast by month against the monthly sales target',
        querystring: ForecastQuery,
        response: { 200: Forecast },
      },
    },
    async (req) => forecast(req.ctx, req.query),
  );
  app.post(
    '/accounts/:accountId/opportunities',
    {
      schema: {
        tags,
        summary: 'Record an opportunity (optionally from an analytics recommendation)',
        params: AccountIdParams,
        body: CreateOpportunity,
        response: { 201: Opportunity },
      },
    },
    async (req, reply) => reply.code(201).send(await createOpportunity(req.ctx, req.params.accountId, req.body)),
  );
  app.get(
    '/opportunities/:id',
    {
      schema: {
        tags,
        summary: 'An opportunity with its buying centre',
        params: IdParams,
        response: { 200: Opportunity },
      },
    },
    async (req) => getOpportunity(req.ctx, req.params.id),
  );
  app.patch(
    '/opportunities/:id',
    {
      schema: {
        tags,
        summary: 'Update an open opportunity or move its stage (optimistic lock)',
        params: IdParams,
        body: UpdateOpportunity,
        response: { 200: Opportunity },
      },
    },
    async (req) => updateOpportunity(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/opportunities/:id/close',
    {
      schema: {
        tags,
        summary: 'Win or lose an opportunity, with the reason',
        params: IdParams,
        body: CloseOpportunity,
        response: { 200: Opportunity },
      },
    },
    async (req) => closeOpportunity(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/opportunities/:id/buying-centre/:contactId',
    {
      schema: {
        tags,
        summary: 'Set a contact’s decision role and stance at a stage',
        params: OpportunityContactParams,
        body: SetBuyingCentreMember,
        response: { 200: Opportunity },
      },
    },
    async (req) => setBuyingCentreMember(req.ctx, req.params.id, req.params.contactId, req.body),
  );
  app.delete(
    '/opportunities/:id/buying-centre/:contactId',
    {
      schema: {
        tags,
        summary: 'Take a contact out of the buying centre',
        params: OpportunityContactParams,
        response: { 200: Opportunity },
      },
    },
    async (req) => removeBuyingCentreMember(req.ctx, req.params.id, req.params.contactId),
  );
  app.get(
    '/sales-targets',
    {
      schema: {
        tags,
        summary: 'Monthly sales targets of an org unit or a KAM for a year',
        querystring: SalesTargetQuery,
        response: { 200: SalesTargets },
      },
    },
    async (req) => getSalesTargets(req.ctx, req.query),
  );
  app.put(
    '/sales-targets',
    {
      schema: {
        tags,
        summary: 'Set the monthly sales targets of an org unit or a KAM (directors, admins; audited)',
        body: SetSalesTargets,
        response: { 200: SalesTargets },
      },
    },
    async (req) => setSalesTargets(req.ctx, req.body),
  );
};

export const contractsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['contracts'];
  app.get(
    '/contracts',
    {
      schema: {
        tags,
        summary: 'Contracts in your scope, soonest end first',
        querystring: ContractListQuery,
        response: { 200: page(Contract) },
      },
    },
    async (req) => listContracts(req.ctx, req.query),
  );
  app.post(
    '/accounts/:accountId/contracts',
    {
      schema: {
        tags,
        summary: 'Record a contract (optionally renewing an earlier one)',
        params: AccountIdParams,
        body: CreateContract,
        response: { 201: Contract },
      },
    },
    async (req, reply) => reply.code(201).send(await createContract(req.ctx, req.params.accountId, req.body)),
  );
  app.get(
    '/contracts/:id',
    {
      schema: { tags, summary: 'A contract with its linked plan items', params: IdParams, response: { 200: Contract } },
    },
    async (req) => getContract(req.ctx, req.params.id),
  );
  app.patch(
    '/contracts/:id',
    {
      schema: {
        tags,
        summary: 'Update a contract (optimistic lock)',
        params: IdParams,
        body: UpdateContract,
        response: { 200: Contract },
      },
    },
    async (req) => updateContract(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/contracts/:id',
    {
      schema: {
        tags,
        summary: 'Archive a contract',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await archiveContract(req.ctx, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  );
};
