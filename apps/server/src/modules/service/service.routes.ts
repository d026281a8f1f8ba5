import {
  Complaint,
  ComplaintDetail,
  ComplaintFollowUp,
  ComplaintListQuery,
  CreateComplaint,
  CreateSurvey,
  IdParams,
  Need,
  PublicSurvey,
  page,
  RaiseNeedFromComplaint,
  SentSurvey,
  ServiceKpiQuery,
  ServiceKpis,
  SlaMatrix,
  Survey,
  SurveyAnswer,
  SurveyListQuery,
  SurveyResults,
  SurveyResultsQuery,
  SurveyTokenParams,
  UpdateComplaint,
  UpdateSlaMatrix,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createComplaint,
  getComplaint,
  listComplaints,
  raiseNeedFromComplaint,
  recordFollowUp,
  updateComplaint,
} from './complaints.service.js';
import { serviceKpis } from './kpis.service.js';
import { getSlaMatrix, updateSlaMatrix } from './sla.js';
import { answerSurvey, listSurveys, publicSurvey, sendSurvey, surveyResults } from './surveys.service.js';

const tags = ['service'];

export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/complaints',
    {
      schema: {
        tags,
        summary: 'Complaints in your scope, with their SLA clock',
        querystring: ComplaintListQuery,
        response: { 200: page(Complaint) },
      },
    },
    async (req) => listComplaints(req.ctx, req.query),
  );
  app.post(
    '/complaints',
    {
      schema: {
        tags,
        summary: 'Receive a complaint: you become its first owner (首问负责人); the SLA follows tier × severity',
        body: CreateComplaint,
        response: { 201: ComplaintDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createComplaint(req.ctx, req.body)),
  );
  app.get(
    '/complaints/:id',
    {
      schema: {
        tags,
        summary: 'A complaint with its status history',
        params: IdParams,
        response: { 200: ComplaintDetail },
      },
    },
    async (req) => getComplaint(req.ctx, req.params.id),
  );
  app.patch(
    '/complaints/:id',
    {
      schema: {
        tags,
        summary: 'Assign, move status, record root cause and resolution (optimistic lock)',
        params: IdParams,
        body: UpdateComplaint,
        response: { 200: ComplaintDetail },
      },
    },
    async (req) => updateComplaint(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/complaints/:id/follow-up',
    {
      schema: {
        tags,
        summary: 'Record the follow-up visit (回访) and the customer’s satisfaction',
        params: IdParams,
        body: ComplaintFollowUp,
        response: { 200: ComplaintDetail },
      },
    },
    async (req) => recordFollowUp(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/complaints/:id/needs',
    {
      schema: {
        tags,
        summary: 'Raise a need from a complaint: its source is the complaint; omitted fields come from the complaint',
        params: IdParams,
        body: RaiseNeedFromComplaint,
        response: { 201: Need },
      },
    },
    async (req, reply) => reply.code(201).send(await raiseNeedFromComplaint(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/service/sla',
    {
      schema: {
        tags,
        summary: 'The SLA matrix: response and resolution hours by tier × severity',
        response: { 200: SlaMatrix },
      },
    },
    async (req) => getSlaMatrix(req.ctx),
  );
  app.put(
    '/service/sla',
    {
      schema: {
        tags,
        summary: 'Change SLA cells (admin); applies to complaints received from now on',
        body: UpdateSlaMatrix,
        response: { 200: SlaMatrix },
      },
    },
    async (req) => updateSlaMatrix(req.ctx, req.body),
  );
  app.get(
    '/service/kpis',
    {
      schema: {
        tags,
        summary: 'Back-office KPIs: SLA hit rates, time to respond and resolve, satisfaction after follow-up',
        querystring: ServiceKpiQuery,
        response: { 200: ServiceKpis },
      },
    },
    async (req) => serviceKpis(req.ctx, req.query),
  );
  app.get(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'Satisfaction surveys in your scope',
        querystring: SurveyListQuery,
        response: { 200: page(Survey) },
      },
    },
    async (req) => listSurveys(req.ctx, req.query),
  );
  app.post(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'Send a CSAT or NPS survey to a contact: answers with its one-time link, shown this once',
        body: CreateSurvey,
        response: { 201: SentSurvey },
      },
    },
    async (req, reply) => reply.code(201).send(await sendSurvey(req.ctx, req.body)),
  );
  app.get(
    '/surveys/results',
    {
      schema: {
        tags,
        summary: 'CSAT, NPS and their monthly trend, for your scope or one account',
        querystring: SurveyResultsQuery,
        response: { 200: SurveyResults },
      },
    },
    async (req) => surveyResults(req.ctx, req.query),
  );
  app.get(
    '/public/surveys/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The survey behind a one-time link (no sign-in; rate limited; 410 once answered or expired)',
        params: SurveyTokenParams,
        response: { 200: PublicSurvey },
      },
    },
    async (req) => publicSurvey(req.server.db, req.ip, req.params.token),
  );
  app.post(
    '/public/surveys/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Answer a survey once (no sign-in; rate limited)',
        params: SurveyTokenParams,
        body: SurveyAnswer,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await answerSurvey(req.server.db, req.ip, req.params.token, req.body);
      return reply.code(204).send(null);
    },
  );
};
