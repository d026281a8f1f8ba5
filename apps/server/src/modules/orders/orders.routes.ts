import {
  CreateOrder,
  IdParams,
  Order,
  OrderListQuery,
  OrderSummary,
  page,
  UpdateOrder,
  VersionQuery,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { archiveOrder, createOrder, getOrder, listOrders, updateOrder } from './orders.service.js';

const tags = ['orders'];

export const ordersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orders',
    {
      schema: {
        tags,
        summary: 'Orders in your scope, with receivables',
        querystring: OrderListQuery,
        response: { 200: page(OrderSummary) },
      },
    },
    async (req) => listOrders(req.ctx, req.query),
  );
  app.post(
    '/orders',
    {
      schema: {
        tags,
        summary: 'Create an order with its lines (priced from the list price unless given)',
        body: CreateOrder,
        response: { 201: Order },
      },
    },
    async (req, reply) => reply.code(201).send(await createOrder(req.ctx, req.body)),
  );
  app.get(
    '/orders/:id',
    { schema: { tags, summary: 'An order with its lines', params: IdParams, response: { 200: Order } } },
    async (req) => getOrder(req.ctx, req.params.id),
  );
  app.patch(
    '/orders/:id',
    {
      schema: {
        tags,
        summary: 'Record payment or change status and due date (optimistic lock)',
        params: IdParams,
        body: UpdateOrder,
        response: { 200: Order },
      },
    },
    async (req) => updateOrder(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/orders/:id',
    {
      schema: {
        tags,
        summary: 'Archive an order',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await archiveOrder(req.ctx, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  );
};
