import { sql } from 'drizzle-orm';
import { toE164 } from '../../platform/phone.js';
import { nameSortKey } from '../../platform/pinyin.js';
import { duplicates, keepBefore, resolveAccounts, writtenCounts } from './resolve.js';
import { type Applier, type ApplyContext, type RowError, STAGING } from './staging.js';

const S = sql.raw(STAGING);

/** `col = coalesce(s.col, t.col)` for the mapped columns, and the change test over them. */
function assignments(w: ApplyContext, columns: readonly string[], alias = 't') {
  const set = columns.filter((c) => w.mapped.has(c));
  return {
    any: set.length > 0,
    set: sql.raw(set.map((c) => `${c} = coalesce(s.${c}, ${alias}.${c})`).join(', ')),
    changed: sql.raw(
      `(${set.map((c) => `${alias}.${c}`).join(', ')}, null) is distinct from (${set.map((c) => `coalesce(s.${c}, ${alias}.${c})`).join(', ')}, null)`,
    ),
  };
}

const CONTACT_COLUMNS = [
  'title',
  'department',
  'decision_role',
  'attitude',
  'influence',
  'relationship_strength',
  'email',
  'wechat_id',
  'native_place',
  'birthday',
  'birthday_calendar',
  'hobbies',
  'education',
  'consent_basis',
] as const;

/** Contacts, matched by customer and name (a contact has no number of its own in users' files). */
export const contactsApplier: Applier = {
  extraColumns: 'account_id uuid, contact_id uuid',
  collector: () => ({
    columns: [
      ['name_sort', 'text'],
      ['mobile_e164', 'text'],
      ['office_e164', 'text'],
    ],
    row: (v) => [
      v.name ? nameSortKey(String(v.name)) : null,
      v.mobile ? (toE164(String(v.mobile)) ?? null) : null,
      v.office_phone ? (toE164(String(v.office_phone)) ?? null) : null,
    ],
  }),
  async check(w) {
    const errors: RowError[] = [];
    errors.push(...(await resolveAccounts(w, false)));
    errors.push(...(await duplicates(w, 'coalesce(account_code, credit_code), name', 'name', 'name')));
    errors.push(
      ...(await w.select<RowError>(sql`
        select row_no as row, case when mobile is not null and mobile_e164 is null then 'mobile' else 'office_phone' end as column,
               coalesce(case when mobile_e164 is null then mobile end, office_phone) as value, '不是电话号码 / not a phone number' as reason
          from ${S} where (mobile is not null and mobile_e164 is null) or (office_phone is not null and office_e164 is null)`)),
    );
    return errors;
  },
  async apply(w) {
    await w.exec(sql`update ${S} s set contact_id = c.id from contacts c
                      where c.account_id = s.account_id and c.name = s.name and c.archived_at is null`);
    await keepBefore(w, 'contacts', `t.id in (select contact_id from ${STAGING})`);
    await w.exec(sql`
      insert into contacts (account_id, name, name_sort, ${sql.raw(CONTACT_COLUMNS.join(', '))}, created_by, updated_by)
      select account_id, name, name_sort, ${sql.raw(CONTACT_COLUMNS.map((c) => (c === 'consent_basis' ? "coalesce(consent_basis, 'none')" : c)).join(', '))},
             ${w.user.id}::uuid, ${w.user.id}::uuid
        from ${S} where contact_id is null`);
    const a = assignments(w, CONTACT_COLUMNS);
    if (a.any) {
      await w.exec(sql`
        update contacts t set ${a.set}, version = t.version + 1, updated_at = now(), updated_by = ${w.user.id}::uuid
          from ${S} s where s.contact_id = t.id and ${a.changed}`);
    }
    await w.exec(sql`update ${S} s set contact_id = c.id from contacts c
                      where s.contact_id is null and c.account_id = s.account_id and c.name = s.name and c.created_at = now()`);
    for (const [column, kind, display] of [
      ['mobile_e164', 'mobile', 'mobile'],
      ['office_e164', 'office', 'office_phone'],
    ] as const) {
      await w.exec(sql`
        insert into contact_phones (contact_id, account_id, kind, e164, display)
        select distinct on (s.contact_id, s.${sql.raw(column)}) s.contact_id, s.account_id, ${kind}, s.${sql.raw(column)}, s.${sql.raw(display)}
          from ${S} s
         where s.${sql.raw(column)} is not null
           and not exists (select 1 from contact_phones p where p.contact_id = s.contact_id and p.e164 = s.${sql.raw(column)})`);
    }
    const counts = await writtenCounts(w, 'contacts', `t.id in (select contact_id from ${STAGING})`);
    return { contactsCreated: counts.created, contactsUpdated: counts.updated, contactsUnchanged: counts.unchanged };
  },
};

/** Products by product code; a category named by code or name is created when new. */
export const productsApplier: Applier = {
  extraColumns: 'product_id uuid, category_id uuid',
  async check(w) {
    const errors = await duplicates(w, 'code', 'code', 'code');
    await w.exec(sql`update ${S} s set product_id = p.id from products p where p.code = s.code`);
    errors.push(
      ...(await w.select<RowError>(sql`
        select row_no as row, 'name' as column, null as value, '新产品需要产品名称和标准价 / a new product needs its name and list price' as reason
          from ${S} where product_id is null and (name is null or list_price is null)`)),
    );
    return errors;
  },
  async apply(w) {
    await w.exec(sql`
      insert into product_categories (code, name, created_by, updated_by)
      select distinct coalesce(s.category, '未分类'), coalesce(s.category, '未分类'), ${w.user.id}::uuid, ${w.user.id}::uuid
        from ${S} s
       where (s.category is not null or s.product_id is null)
         and not exists (select 1 from product_categories c where c.code = coalesce(s.category, '未分类') or c.name = coalesce(s.category, '未分类'))
      on conflict (code) do nothing`);
    await w.exec(sql`
      update ${S} s set category_id = (select c.id from product_categories c where c.code = s.category or c.name = s.category
                                        order by (c.code = s.category) desc limit 1)
       where s.category is not null`);
    if (w.mapped.has('category')) w.mapped.add('category_id');
    await keepBefore(w, 'products', `t.id in (select product_id from ${STAGING})`);
    await w.exec(sql`
      insert into products (code, name, category_id, unit, list_price, standard_cost, created_by, updated_by)
      select code, name, coalesce(category_id, (select id from product_categories where code = '未分类')), coalesce(unit, '台'),
             list_price, coalesce(standard_cost, 0), ${w.user.id}::uuid, ${w.user.id}::uuid
        from ${S} where product_id is null`);
    const a = assignments(w, ['name', 'category_id', 'unit', 'list_price', 'standard_cost']);
    if (a.any) {
      await w.exec(sql`
        update products t set ${a.set}, version = t.version + 1, updated_at = now(), updated_by = ${w.user.id}::uuid
          from ${S} s where s.product_id = t.id and ${a.changed}`);
    }
    const counts = await writtenCounts(w, 'products', `t.code in (select code from ${STAGING})`);
    return { productsCreated: counts.created, productsUpdated: counts.updated, productsUnchanged: counts.unchanged };
  },
};

/**
 * Payments: each row says what an order has been paid (several rows of one order add up) and when
 * (the latest date). The order's paid amount is set, not added to, so re-importing changes nothing.
 */
export const paymentsApplier: Applier = {
  extraColumns: 'order_id uuid',
  async check(w) {
    await w.exec(sql`update ${S} s set order_id = o.id from orders o where o.order_no = s.order_no`);
    return w.select<RowError>(sql`
      select s.row_no as row, 'order_no' as column, s.order_no as value,
             case when s.order_id is null then '订单不存在 / unknown order' else '订单所属客户不在您的权限范围内 / order of a customer outside your scope' end as reason
        from ${S} s left join orders o on o.id = s.order_id left join accounts a on a.id = o.account_id
       where s.order_id is null or not (${w.scope('a')})`);
  },
  async apply(w) {
    await keepBefore(w, 'orders', `t.id in (select order_id from ${STAGING})`);
    await w.exec(sql`
      update orders t set paid_amount = p.paid_amount, paid_date = p.paid_date, due_date = coalesce(p.due_date, t.due_date),
             version = t.version + 1, updated_at = now(), updated_by = ${w.user.id}::uuid
        from (select order_id, sum(paid_amount)::bigint as paid_amount, max(paid_date) as paid_date, max(due_date) as due_date
                from ${S} group by order_id) p
       where p.order_id = t.id
         and (t.paid_amount, t.paid_date, t.due_date) is distinct from (p.paid_amount, p.paid_date, coalesce(p.due_date, t.due_date))`);
    const counts = await writtenCounts(w, 'orders', `t.id in (select order_id from ${STAGING})`);
    return { ordersUpdated: counts.updated, ordersUnchanged: counts.unchanged };
  },
};

/** Competitor presence per account and product category; competitors named for the first time are created. */
export const competitorsApplier: Applier = {
  extraColumns: 'account_id uuid, competitor_id uuid, category_id uuid',
  async check(w) {
    const errors: RowError[] = [];
    errors.push(...(await resolveAccounts(w, false)));
    errors.push(
      ...(await duplicates(w, 'coalesce(account_code, credit_code), competitor, category', 'competitor', 'competitor')),
    );
    await w.exec(sql`
      update ${S} s set category_id = (select c.id from product_categories c where c.code = s.category or c.name = s.category
                                        order by (c.code = s.category) desc limit 1)`);
    errors.push(
      ...(await w.select<RowError>(sql`
        select row_no as row, 'category' as column, category as value, '产品类别不存在 / unknown product category' as reason
          from ${S} where category_id is null`)),
    );
    return errors;
  },
  async apply(w) {
    await w.exec(sql`
      insert into competitors (name, created_by, updated_by)
      select distinct competitor, ${w.user.id}::uuid, ${w.user.id}::uuid from ${S}
      on conflict (name) do nothing`);
    await w.exec(sql`update ${S} s set competitor_id = c.id from competitors c where c.name = s.competitor`);
    await keepBefore(
      w,
      'competitor_presence',
      `(t.account_id, t.competitor_id, t.category_id) in (select account_id, competitor_id, category_id from ${STAGING})`,
    );
    await w.exec(sql`
      insert into competitor_presence (account_id, competitor_id, category_id, est_annual_volume, our_share, notes, created_by, updated_by)
      select account_id, competitor_id, category_id, est_annual_volume, our_share, notes, ${w.user.id}::uuid, ${w.user.id}::uuid
        from ${S}
      on conflict (account_id, competitor_id, category_id) do update set
        est_annual_volume = coalesce(excluded.est_annual_volume, competitor_presence.est_annual_volume),
        our_share = coalesce(excluded.our_share, competitor_presence.our_share),
        notes = coalesce(excluded.notes, competitor_presence.notes),
        version = competitor_presence.version + 1, updated_at = now(), updated_by = excluded.updated_by
      where (competitor_presence.est_annual_volume, competitor_presence.our_share, competitor_presence.notes)
            is distinct from (coalesce(excluded.est_annual_volume, competitor_presence.est_annual_volume),
                              coalesce(excluded.our_share, competitor_presence.our_share),
                              coalesce(excluded.notes, competitor_presence.notes))`);
    const counts = await writtenCounts(
      w,
      'competitor_presence',
      `(t.account_id, t.competitor_id, t.category_id) in (select account_id, competitor_id, category_id from ${STAGING})`,
    );
    return { presenceCreated: counts.created, presenceUpdated: counts.updated, presenceUnchanged: counts.unchanged };
  },
};
