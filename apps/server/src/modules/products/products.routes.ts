import {
  CreateProduct,
  CreateProductCategory,
  IdParams,
  Product,
  ProductCategory,
  ProductListQuery,
  page,
  UpdateProduct,
  UpdateProductCategory,
  VersionQuery,
} from '@kamap/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveCategory,
  archiveProduct,
  createCategory,
  createProduct,
  getProduct,
  listCategories,
  listProducts,
  updateCategory,
  updateProduct,
} from './products.service.js';

const tags = ['products'];

export const productsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/product-categories',
    {
      schema: { tags, summary: 'The category tree', response: { 200: z.object({ items: z.array(ProductCategory) }) } },
    },
    async (req) => listCategories(req.ctx),
  );
  app.post(
    '/product-categories',
    { schema: { tags, summary: 'Create a category', body: CreateProductCategory, response: { 201: ProductCategory } } },
    async (req, reply) => reply.code(201).send(await createCategory(req.ctx, req.body)),
  );
  app.patch(
    '/product-categories/:id',
    {
      schema: {
        tags,
        summary: 'Update a category (optimistic lock)',
        params: IdParams,
        body: UpdateProductCategory,
        response: { 200: ProductCategory },
      },
    },
    async (req) => updateCategory(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/product-categories/:id',
    {
      schema: {
        tags,
        summary: 'Archive an empty category',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await archiveCategory(req.ctx, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/products',
    { schema: { tags, summary: 'Products', querystring: ProductListQuery, response: { 200: page(Product) } } },
    async (req) => listProducts(req.ctx, req.query),
  );
  app.post(
    '/products',
    { schema: { tags, summary: 'Create a product', body: CreateProduct, response: { 201: Product } } },
    async (req, reply) => reply.code(201).send(await createProduct(req.ctx, req.body)),
  );
  app.get(
    '/products/:id',
    { schema: { tags, summary: 'A product', params: IdParams, response: { 200: Product } } },
    async (req) => getProduct(req.ctx, req.params.id),
  );
  app.patch(
    '/products/:id',
    {
      schema: {
        tags,
        summary: 'Update a product (optimistic lock)',
        params: IdParams,
        body: UpdateProduct,
        response: { 200: Product },
      },
    },
    async (req) => updateProduct(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/products/:id',
    {
      schema: {
        tags,
        summary: 'Archive a product',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await archiveProduct(req.ctx, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  );
};
