import {
  AccountIdParams,
  CreatePriceAgreement,
  CreatePriceList,
  DiscountDecision,
  DiscountListQuery,
  DiscountPreview,
  DiscountPreviewInput,
  DiscountReport,
  DiscountReportQuery,
  DiscountRequest,
  DiscountRequestInput,
  EffectivePrice,
  EffectivePriceQuery,
  IdParams,
  PriceAgreement,
  PriceAgreementQuery,
  PriceList,
  PriceListQuery,
  PricingRules,
  page,
  Version,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import {
  createDiscountRequest,
  decideDiscount,
  discountReport,
  getDiscountRequest,
  listDiscountRequests,
  previewDiscount,
  withdrawDiscount,
} from './discounts.service.js';
import {
  createPriceAgreement,
  createPriceList,
  effectivePrice,
  getPriceAgreement,
  getPriceList,
  listPriceAgreements,
  listPriceLists,
} from './prices.service.js';
import { pricingRules, setPricingRules } from './rules.js';

const tags = ['pricing'];

export const pricingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/price-lists',
    {
      schema: {
        tags,
        summary: 'Price lists with their items, newest first',
        querystring: PriceListQuery,
        response: { 200: page(PriceList) },
      },
    },
    async (req) => listPriceLists(req.ctx, req.query),
  );
  app.post(
    '/price-lists',
    {
      schema: {
        tags,
        summary: 'Create a price list for a period',
        body: CreatePriceList,
        response: { 201: PriceList },
      },
    },
    async (req, reply) => reply.code(201).send(await createPriceList(req.ctx, req.body)),
  );
  app.get(
    '/price-lists/:id',
    { schema: { tags, summary: 'A price list', params: IdParams, response: { 200: PriceList } } },
    async (req) => getPriceList(req.ctx, req.params.id),
  );
  app.get(
    '/price-agreements',
    {
      schema: {
        tags,
        summary: 'Account price agreements in your scope',
        querystring: PriceAgreementQuery,
        response: { 200: page(PriceAgreement) },
      },
    },
    async (req) => listPriceAgreements(req.ctx, req.query),
  );
  app.get(
    '/price-agreements/:id',
    { schema: { tags, summary: 'A price agreement', params: IdParams, response: { 200: PriceAgreement } } },
    async (req) => getPriceAgreement(req.ctx, req.params.id),
  );
  app.post(
    '/accounts/:accountId/price-agreements',
    {
      schema: {
        tags,
        summary: 'Agree an account-specific price for a period (not below cost, not overlapping)',
        params: AccountIdParams,
        body: CreatePriceAgreement,
        response: { 201: PriceAgreement },
      },
    },
    async (req, reply) => reply.code(201).send(await createPriceAgreement(req.ctx, req.params.accountId, req.body)),
  );
  app.get(
    '/accounts/:accountId/effective-price',
    {
      schema: {
        tags,
        summary: 'The price the account pays for a product on a day: agreement, else price list, else catalogue',
        params: AccountIdParams,
        querystring: EffectivePriceQuery,
        response: { 200: EffectivePrice },
      },
    },
    async (req) => effectivePrice(req.ctx, req.params.accountId, req.query.productId, req.query.date),
  );

  app.post(
    '/discount-requests/preview',
    {
      schema: {
        tags,
        summary: 'The guidance and approval level a discount would get (nothing is saved)',
        body: DiscountPreviewInput,
        response: { 200: DiscountPreview },
      },
    },
    async (req) => previewDiscount(req.ctx, req.body),
  );
  app.post(
    '/discount-requests',
    {
      schema: {
        tags,
        summary: 'Request a discount; below cost needs an explicit justification',
        body: DiscountRequestInput,
        response: { 201: DiscountRequest },
      },
    },
    async (req, reply) => reply.code(201).send(await createDiscountRequest(req.ctx, req.body)),
  );
  app.get(
    '/discount-requests',
    {
      schema: {
        tags,
        summary: 'Discount requests in your scope; inbox=true: those you may decide',
        querystring: DiscountListQuery,
        response: { 200: page(DiscountRequest) },
      },
    },
    async (req) => listDiscountRequests(req.ctx, req.query),
  );
  app.get(
    '/discount-requests/:id',
    {
      schema: {
        tags,
        summary: 'A discount request with its guidance',
        params: IdParams,
        response: { 200: DiscountRequest },
      },
    },
    async (req) => getDiscountRequest(req.ctx, req.params.id),
  );
  app.post(
    '/discount-requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve, reject or counter-offer (audited); only at the level the chain asks for or above',
        params: IdParams,
        body: DiscountDecision,
        response: { 200: DiscountRequest },
      },
    },
    async (req) => decideDiscount(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/discount-requests/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw your pending request',
        params: IdParams,
        body: z.object({ version: Version }).strict(),
        response: { 200: DiscountRequest },
      },
    },
    async (req) => withdrawDiscount(req.ctx, req.params.id, req.body.version),
  );
  app.get(
    '/discount-report',
    {
      schema: {
        tags,
        summary:
          'Discounts granted in a period (default last quarter): depth by tier, and whether they went to accounts at risk',
        querystring: DiscountReportQuery,
        response: { 200: DiscountReport },
      },
    },
    async (req) => discountReport(req.ctx, req.query),
  );
  app.get(
    '/pricing-rules',
    {
      schema: {
        tags,
        summary: 'The approval chain (depth × tier) and the at-risk threshold',
        response: { 200: PricingRules },
      },
    },
    async (req) => {
      assertCan(req.ctx.user, 'price.read');
      return pricingRules(req.ctx.db);
    },
  );
  app.put(
    '/pricing-rules',
    {
      schema: {
        tags,
        summary: 'Change the approval chain (a new version; admin)',
        body: PricingRules,
        response: { 200: PricingRules },
      },
    },
    async (req) => setPricingRules(req.ctx, req.body),
  );
};
