import { z } from 'zod';
import { Id, ListQueryBase, Money, Tracked, Version } from './common.js';

export const ProductCategory = z.object({
  id: Id,
  parentId: Id.nullable(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  version: z.number().int(),
});
export const CreateProductCategory = z
  .object({
    parentId: Id.nullable().default(null),
    code: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(60),
    nameEn: z.string().trim().max(60).nullable().default(null),
  })
  .strict();

export const Product = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    categoryId: Id,
    categoryName: z.string(),
    unit: z.string(),
    listPrice: Money,
    standardCost: Money,
    currency: z.string(),
    active: z.boolean(),
  })
  .extend(Tracked.shape);
export const ProductListQuery = ListQueryBase.extend({
  sort: z.enum(['name', '-name', 'code', '-code', 'listPrice', '-listPrice']).default('code'),
  categoryId: Id.optional().describe('the category and its subcategories'),
  active: z.stringbool().optional(),
}).strict();
const productFields = {
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(120),
  categoryId: Id,
  unit: z.string().trim().min(1).max(10),
  listPrice: Money.nonnegative(),
  standardCost: Money.nonnegative(),
  active: z.boolean(),
};
export const CreateProduct = z
  .object(productFields)
  .extend({ unit: productFields.unit.default('台'), active: productFields.active.default(true) })
  .strict();
export const UpdateProduct = z.object(productFields).partial().extend({ version: Version }).strict();

export const UpdateProductCategory = z
  .object({
    version: Version,
    code: z.string().trim().min(1).max(40).optional(),
    name: z.string().trim().min(1).max(60).optional(),
    nameEn: z.string().trim().max(60).nullable().optional(),
  })
  .strict();
