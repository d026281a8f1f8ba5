import {
  CalendarToken,
  CompleteTask,
  CreateCalendarToken,
  CreateTask,
  IdParams,
  NewCalendarToken,
  page,
  ReopenTask,
  SkipTask,
  SnoozeTask,
  Task,
  TaskCounts,
  TaskListQuery,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarFeed, createCalendarToken, listCalendarTokens, revokeCalendarToken } from './calendar.service.js';
import {
  completeTask,
  createTask,
  getTask,
  listTasks,
  reopenTask,
  skipTask,
  snoozeTask,
  taskCounts,
} from './tasks.service.js';

const tags = ['tasks'];
const FeedParams = z
  .object({ file: z.string().regex(/^kcal_[A-Za-z0-9_-]{20,80}\.ics$/, 'a calendar feed file name') })
  .strict();

export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks in your scope: care, follow-ups and need measures (`mine=true` for yours)',
        querystring: TaskListQuery,
        response: { 200: page(Task) },
      },
    },
    async (req) => listTasks(req.ctx, req.query),
  );
  app.get(
    '/tasks/counts',
    { schema: { tags, summary: 'Your open tasks: overdue, due today, due this week', response: { 200: TaskCounts } } },
    async (req) => taskCounts(req.ctx),
  );
  app.post(
    '/tasks',
    { schema: { tags, summary: 'Add a care or follow-up task', body: CreateTask, response: { 201: Task } } },
    async (req, reply) => reply.code(201).send(await createTask(req.ctx, req.body)),
  );
  app.get(
    '/tasks/:id',
    { schema: { tags, summary: 'A task', params: IdParams, response: { 200: Task } } },
    async (req) => getTask(req.ctx, req.params.id),
  );
  app.post(
    '/tasks/:id/done',
    {
      schema: {
        tags,
        summary: 'Mark a task done, optionally naming the interaction that did it',
        params: IdParams,
        body: CompleteTask,
        response: { 200: Task },
      },
    },
    async (req) => completeTask(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/tasks/:id/snooze',
    {
      schema: {
        tags,
        summary: 'Snooze a task until a later day',
        params: IdParams,
        body: SnoozeTask,
        response: { 200: Task },
      },
    },
    async (req) => snoozeTask(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/tasks/:id/skip',
    {
      schema: {
        tags,
        summary: 'Skip a task, with the reason',
        params: IdParams,
        body: SkipTask,
        response: { 200: Task },
      },
    },
    async (req) => skipTask(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/tasks/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a done, skipped or snoozed task',
        params: IdParams,
        body: ReopenTask,
        response: { 200: Task },
      },
    },
    async (req) => reopenTask(req.ctx, req.params.id, req.body.version),
  );
  app.get(
    '/me/calendar-feeds',
    {
      schema: {
        tags,
        summary: 'Your ICS calendar feeds (tokens are not shown again)',
        response: { 200: z.object({ items: z.array(CalendarToken) }) },
      },
    },
    async (req) => listCalendarTokens(req.ctx),
  );
  app.post(
    '/me/calendar-feeds',
    {
      schema: {
        tags,
        summary: 'Create an ICS calendar feed of your tasks behind a secret, expiring token',
        body: CreateCalendarToken,
        response: { 201: NewCalendarToken },
      },
    },
    async (req, reply) => reply.code(201).send(await createCalendarToken(req.ctx, req.body.days)),
  );
  app.delete(
    '/me/calendar-feeds/:id',
    { schema: { tags, summary: 'Revoke a calendar feed', params: IdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await revokeCalendarToken(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/calendar/:file',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'An ICS feed of one user’s tasks; the token in the file name is the credential',
        params: FeedParams,
        security: [],
        produces: ['text/calendar'],
      },
    },
    async (req, reply) => {
      const body = await calendarFeed(req.server.db, req.params.file.slice(0, -'.ics'.length));
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};
