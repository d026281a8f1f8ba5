import type { CreatePriceAgreement, CreatePriceList, PriceAgreementQuery, PriceListQuery } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoDate, isoDateOrNull, one, pgArray, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { todayInChina } from '../../platform/today.js';
import { assertAccountInScope } from '../accounts/index.js';
import { priceAgreements, priceListItems, priceLists } from './pricing.table.js';

type Row = Record<string, unknown> & { id: string };

async function itemsOf(db: Db, listIds: string[]) {
  if (!listIds.length) return new Map<string, unknown[]>();
  const found = await rows<Row & { price_list_id: string }>(
    db,
    sql`select pli.price_list_id, p.id, p.code, p.name, pli.list_price, p.standard_cost
        from price_list_items pli join products p on p.id = pli.product_id
        where pli.price_list_id = any(${pgArray(listIds)}::uuid[]) order by p.code`,
  );
  const by = new Map<string, unknown[]>();
  for (const r of found) {
    const list = by.get(r.price_list_id) ?? [];
    list.push({
      productId: r.id,
      productCode: r.code as string,
      productName: r.name as string,
      listPrice: Number(r.list_price),
      standardCost: Number(r.standard_cost),
    });
    by.set(r.price_list_id, list);
  }
  return by;
}

const toPriceList = (r: Row, items: unknown[], today: string) => ({
  id: r.id,
  name: r.name as string,
  currency: r.currency as string,
  validFrom: isoDate(r.valid_from),
  validTo: isoDateOrNull(r.valid_to),
  note: (r.note as string) ?? null,
  current: isoDate(r.valid_from) <= today && (r.valid_to === null || isoDate(r.valid_to) >= today),
  items: items as never,
  version: r.version as number,
});

export async function listPriceLists(ctx: Ctx, q: z.infer<typeof PriceListQuery>) {
  assertCan(ctx.user, 'price.read');
  const spec = sortSpec(q.sort, { validFrom: sql`pl.valid_from` });
  const filter = sql`${q.includeArchived ? sql`true` : sql`pl.archived_at is null`} ${q.q ? sql`and pl.name ilike ${`%${q.q}%`}` : sql``}`;
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`select * from price_lists pl where ${filter} and ${afterCursor(spec, sql`pl.id`, q.cursor)} order by ${orderBy(spec, sql`pl.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from price_lists pl where ${filter}`),
  ]);
  const items = await itemsOf(
    ctx.db,
    fetched.map((r) => r.id),
  );
  const today = todayInChina();
  return toPage(
    fetched,
    q.limit,
    (r) => [isoDate(r.valid_from), r.id],
    (r) => toPriceList(r, items.get(r.id) ?? [], today),
    total?.n ?? 0,
  );
}

export async function getPriceList(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'price.read');
  const r = await one<Row>(ctx.db, sql`select * from price_lists where id = ${id}`);
  if (!r) throw AppError.notFound('Price list');
  const items = await itemsOf(ctx.db, [id]);
  return toPriceList(r, items.get(id) ?? [], todayInChina());
}

export async function createPriceList(ctx: Ctx, input: z.infer<typeof CreatePriceList>) {
  assertCan(ctx.user, 'price.manage');
  if (input.validTo && input.validTo < input.validFrom) throw AppError.invalid('body.validTo', 'ends before it starts');
  const ids = input.items.map((i) => i.productId);
  if (new Set(ids).size !== ids.length) throw AppError.invalid('body.items', 'a product appears twice');
  const known = await rows<{ id: string }>(
    ctx.db,
    sql`select id from products where id = any(${pgArray(ids)}::uuid[])`,
  );
  const missing = input.items.findIndex((i) => !known.some((k) => k.id === i.productId));
  if (missing >= 0) throw AppError.invalid(`body.items.${missing}.productId`, 'no such product');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(priceLists)
      .values({
        name: input.name,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        note: input.note ?? null,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: priceLists.id });
    await tx.insert(priceListItems).values(input.items.map((i) => ({ ...i, priceListId: row!.id })));
    await audit(withDb(ctx, tx), 'price_list.create', 'price_list', row!.id, { items: input.items.length });
    return row!.id;
  });
  return getPriceList(ctx, id);
}

function toAgreement(r: Row, today: string) {
  return {
    id: r.id,
    accountId: r.account_id as string,
    accountName: r.account_name as string,
    productId: r.product_id as string,
    productName: r.product_name as string,
    price: Number(r.price),
    listPrice: Number(r.list_price),
    validFrom: isoDate(r.valid_from),
    validTo: isoDate(r.valid_to),
    active: isoDate(r.valid_from) <= today && isoDate(r.valid_to) >= today && !r.archived_at,
    note: (r.note as string) ?? null,
    version: r.version as number,
  };
}

const agreementRows = (filter: ReturnType<typeof sql>) => sql`
  select pa.*, a.name as account_name, p.name as product_name,
    coalesce((select pli.list_price from price_list_items pli join price_lists pl on pl.id = pli.price_list_id
              where pli.product_id = pa.product_id and pl.archived_at is null and pl.valid_from <= pa.valid_from
                and (pl.valid_to is null or pl.valid_to >= pa.valid_from)
              order by pl.valid_from desc, pl.id limit 1), p.list_price) as list_price
  from price_agreements pa join accounts a on a.id = pa.account_id join products p on p.id = pa.product_id
  where ${filter}`;

export async function listPriceAgreements(ctx: Ctx, q: z.infer<typeof PriceAgreementQuery>) {
  assertCan(ctx.user, 'price.read');
  const today = todayInChina();
  const spec = sortSpec(q.sort, { validFrom: sql`pa.valid_from` });
  const filter = sql.join(
    [
      accountIdInScope(ctx.user, sql`pa.account_id`),
      q.includeArchived ? undefined : sql`pa.archived_at is null`,
      q.accountId ? sql`pa.account_id = ${q.accountId}` : undefined,
      q.active === true ? sql`pa.valid_from <= ${today}::date and pa.valid_to >= ${today}::date` : undefined,
      q.active === false ? sql`(pa.valid_from > ${today}::date or pa.valid_to < ${today}::date)` : undefined,
      q.q ? sql`(a.name ilike ${`%${q.q}%`} or p.name ilike ${`%${q.q}%`})` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${agreementRows(filter)} and ${afterCursor(spec, sql`pa.id`, q.cursor)} order by ${orderBy(spec, sql`pa.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from price_agreements pa join accounts a on a.id = pa.account_id
          join products p on p.id = pa.product_id where ${filter}`,
    ),
  ]);
  return toPage(
    fetched,
    q.limit,
    (r) => [isoDate(r.valid_from), r.id],
    (r) => toAgreement(r, today),
    total?.n ?? 0,
  );
}

export async function getPriceAgreement(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'price.read');
  const r = await one<Row>(
    ctx.db,
    agreementRows(sql`pa.id = ${id} and ${accountIdInScope(ctx.user, sql`pa.account_id`)}`),
  );
  if (!r) throw AppError.notFound('Price agreement');
  return toAgreement(r, todayInChina());
}

export async function createPriceAgreement(ctx: Ctx, accountId: string, input: z.infer<typeof CreatePriceAgreement>) {
  assertCan(ctx.user, 'price.manage');
  await assertAccountInScope(ctx, accountId);
  if (input.validTo < input.validFrom) throw AppError.invalid('body.validTo', 'ends before it starts');
  const product = await one<{ standard_cost: number }>(
    ctx.db,
    sql`select standard_cost from products where id = ${input.productId}`,
  );
  if (!product) throw AppError.invalid('body.productId', 'no such product');
  if (input.price < Number(product.standard_cost))
    throw AppError.invalid(
      'body.price',
      'below the standard cost: file a discount request with a justification instead',
    );
  const overlap = await one(
    ctx.db,
    sql`select 1 from price_agreements where account_id = ${accountId} and product_id = ${input.productId}
        and archived_at is null and valid_from <= ${input.validTo}::date and valid_to >= ${input.validFrom}::date`,
  );
  if (overlap) throw AppError.invalid('body.validFrom', 'overlaps an agreement for the same product');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(priceAgreements)
      .values({ ...input, note: input.note ?? null, accountId, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: priceAgreements.id });
    await audit(withDb(ctx, tx), 'price_agreement.create', 'account', accountId, { agreementId: row!.id, ...input });
    return row!.id;
  });
  return getPriceAgreement(ctx, id);
}

/** The price an account pays for a product on a day: its agreement, else the list price. */
export async function effectivePrice(ctx: Ctx, accountId: string, productId: string, date?: string) {
  assertCan(ctx.user, 'price.read');
  await assertAccountInScope(ctx, accountId);
  return effectivePriceOf(ctx.db, accountId, productId, date ?? todayInChina());
}

export async function effectivePriceOf(db: Db, accountId: string, productId: string, day: string) {
  const r = await one<Row>(
    db,
    sql`select p.id, p.list_price, p.standard_cost,
          (select jsonb_build_object('id', pl.id, 'name', pl.name, 'price', pli.list_price)
           from price_list_items pli join price_lists pl on pl.id = pli.price_list_id
           where pli.product_id = p.id and pl.archived_at is null and pl.valid_from <= ${day}::date
             and (pl.valid_to is null or pl.valid_to >= ${day}::date)
           order by pl.valid_from desc, pl.id limit 1) as list,
          (select jsonb_build_object('id', pa.id, 'price', pa.price, 'validTo', pa.valid_to)
           from price_agreements pa where pa.account_id = ${accountId} and pa.product_id = p.id and pa.archived_at is null
             and pa.valid_from <= ${day}::date and pa.valid_to >= ${day}::date
           order by pa.valid_from desc, pa.id limit 1) as agreement
        from products p where p.id = ${productId}`,
  );
  if (!r) throw AppError.invalid('productId', 'no such product');
  const list = r.list as { id: string; name: string; price: number } | null;
  const agreement = r.agreement as { id: string; price: number; validTo: string } | null;
  const listPrice = list ? Number(list.price) : Number(r.list_price);
  return {
    accountId,
    productId,
    date: day,
    listPrice,
    listSource: list ? ('price_list' as const) : ('product' as const),
    priceList: list ? { id: list.id, name: list.name } : null,
    agreement: agreement
      ? { id: agreement.id, price: Number(agreement.price), validTo: String(agreement.validTo).slice(0, 10) }
      : null,
    effectivePrice: agreement ? Number(agreement.price) : listPrice,
    source: agreement ? ('agreement' as const) : list ? ('price_list' as const) : ('product' as const),
    standardCost: Number(r.standard_cost),
  };
}
