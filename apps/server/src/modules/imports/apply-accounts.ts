import { sql } from 'drizzle-orm';
import { can } from '../../platform/access/index.js';
import { toE164 } from '../../platform/phone.js';
import { nameSortKey } from '../../platform/pinyin.js';
import { duplicates, keepBefore, writtenCounts } from './resolve.js';
import { type Applier, type ApplyContext, type RowError, STAGING } from './staging.js';

const S = sql.raw(STAGING);

/** Account columns an import may set; an empty cell keeps what the store has. */
const COLUMNS = [
  'name',
  'short_name',
  'credit_code',
  'industry',
  'province',
  'city',
  'size_band',
  'employee_count',
  'annual_revenue_estimate',
  'wallet_estimate',
  'website',
  'address',
  'phone',
  'lifecycle',
  'price_sensitivity',
  'market_influence',
  'strategic_fit',
  'credit_limit',
  'payment_terms_days',
  'tags',
  'first_contact_date',
] as const;

/**
 * Accounts, matched by customer ID, else by credit code. New accounts land in the importer's org
 * unit (or the named one within the importer's reach); a KAM's new accounts are its own.
 */
export const accountsApplier: Applier = {
  extraColumns: 'account_id uuid, owner_id uuid, org_unit_id uuid, parent_id uuid',
  collector: () => ({
    columns: [
      ['name_sort', 'text'],
      ['phone_e164', 'text'],
    ],
    row: (v) => [v.name ? nameSortKey(String(v.name)) : null, v.phone ? (toE164(String(v.phone)) ?? null) : null],
  }),
  async check(w) {
    const errors: RowError[] = [];
    errors.push(
      ...(await w.select<RowError>(sql`
        select row_no as row, 'code' as column, null as value, '缺少客户编号或统一社会信用代码 / customer ID or credit code required' as reason
          from ${S} where code is null and credit_code is null`)),
    );
    errors.push(...(await duplicates(w, 'code', 'code', 'code')));
    errors.push(...(await duplicates(w, 'credit_code', 'credit_code', 'credit_code')));
    await w.exec(sql`update ${S} s set account_id = a.id from accounts a where s.code is not null and a.code = s.code`);
    await w.exec(sql`update ${S} s set account_id = a.id from accounts a
                      where s.account_id is null and s.code is null and a.credit_code = s.credit_code`);
    errors.push(
      ...(await w.select<RowError>(sql`
        select s.row_no as row, 'code' as column, coalesce(s.code, s.credit_code) as value, '客户不在您的权限范围内 / customer outside your scope' as reason
          from ${S} s join accounts a on a.id = s.account_id where not (${w.scope('a')})`)),
    );
    errors.push(
      ...(await w.select<RowError>(sql`
        select s.row_no as row, 'credit_code' as column, s.credit_code as value,
               '该信用代码已属于客户 ' || a.code || ' / credit code already belongs to customer ' || a.code as reason
          from ${S} s join accounts a on a.credit_code = s.credit_code
         where a.id is distinct from s.account_id`)),
    );
    if (!can(w.user, 'account.create')) {
      errors.push(
        ...(await w.select<RowError>(sql`
          select row_no as row, 'code' as column, coalesce(code, credit_code) as value,
                 '客户不存在，您的角色不能新建客户 / unknown customer: your role may not create customers' as reason
            from ${S} where account_id is null`)),
      );
    }
    errors.push(...(await resolveOwners(w)));
    return errors;
  },

  async apply(w) {
    const set = COLUMNS.filter((c) => w.mapped.has(c));
    await keepBefore(w, 'accounts', `t.id in (select account_id from ${STAGING})`);
    const kamOwner = w.user.role === 'kam' ? w.user.id : null;
    await w.exec(sql`
      insert into accounts (code, ${sql.raw(COLUMNS.join(', '))}, name_sort, phone_e164, owner_id, org_unit_id, created_by, updated_by)
      select coalesce(s.code, s.credit_code), ${sql.raw(COLUMNS.map((c) => (c === 'lifecycle' ? `coalesce(s.lifecycle, 'prospect')` : c === 'tags' ? `coalesce(s.tags, '{}')` : `s.${c}`)).join(', '))},
             s.name_sort, s.phone_e164, coalesce(s.owner_id, ${kamOwner}::uuid), coalesce(s.org_unit_id, ${w.user.orgUnitId}::uuid),
             ${w.user.id}::uuid, ${w.user.id}::uuid
        from ${S} s where s.account_id is null`);
    if (set.length || w.mapped.has('owner') || w.mapped.has('org_unit')) {
      const assignments = [
        ...set.map((c) => `${c} = coalesce(s.${c}, a.${c})`),
        ...(w.mapped.has('name') ? ['name_sort = coalesce(s.name_sort, a.name_sort)'] : []),
        ...(w.mapped.has('phone') ? ['phone_e164 = coalesce(s.phone_e164, a.phone_e164)'] : []),
        ...(w.mapped.has('owner') ? ['owner_id = coalesce(s.owner_id, a.owner_id)'] : []),
        ...(w.mapped.has('org_unit') ? ['org_unit_id = coalesce(s.org_unit_id, a.org_unit_id)'] : []),
      ];
      const compared = assignments.map((a) => a.split(' = ')[0]!);
      await w.exec(sql`
        update accounts a set ${sql.raw(assignments.join(', '))},
               version = a.version + 1, updated_at = now(), updated_by = ${w.user.id}::uuid
          from ${S} s
         where s.account_id = a.id
           and (${sql.raw(compared.map((c) => `a.${c}`).join(', '))}, null)
               is distinct from (${sql.raw(assignments.map((a) => a.split(' = ')[1]).join(', '))}, null)`);
    }
    await w.exec(
      sql`update ${S} s set account_id = a.id from accounts a where s.account_id is null and a.code = coalesce(s.code, s.credit_code)`,
    );
    await w.exec(sql`
      insert into account_team (account_id, user_id, role)
      select a.id, a.owner_id, 'owner' from accounts a join ${S} s on s.account_id = a.id
       where a.owner_id is not null on conflict do nothing`);
    if (w.mapped.has('parent_code')) {
      await w.exec(sql`
        update accounts a set parent_id = p.id, version = a.version + 1, updated_at = now(), updated_by = ${w.user.id}::uuid
          from ${S} s join accounts p on p.code = s.parent_code
         where s.account_id = a.id and p.id <> a.id and a.parent_id is distinct from p.id`);
    }
    const counts = await writtenCounts(w, 'accounts', `t.id in (select account_id from ${STAGING})`);
    return { accountsCreated: counts.created, accountsUpdated: counts.updated, accountsUnchanged: counts.unchanged };
  },
};

/** Owner (a username) and org unit (a code) resolved; a KAM may only name itself, a director its subtree. */
async function resolveOwners(w: ApplyContext): Promise<RowError[]> {
  await w.exec(sql`update ${S} s set owner_id = u.id from users u where u.username = s.owner`);
  await w.exec(sql`update ${S} s set org_unit_id = o.id from org_units o where o.code = s.org_unit`);
  const errors = await w.select<RowError>(sql`
    select row_no as row, 'owner' as column, owner as value, '用户不存在 / no such user' as reason
      from ${S} where owner is not null and owner_id is null
    union all
    select row_no, 'org_unit', org_unit, '组织单元不存在 / no such org unit' from ${S} where org_unit is not null and org_unit_id is null`);
  if (w.user.role === 'kam') {
    errors.push(
      ...(await w.select<RowError>(sql`
        select row_no as row, 'owner' as column, owner as value, '客户经理只能导入自己负责的客户 / a key account manager imports only its own customers' as reason
          from ${S} where owner_id is not null and owner_id <> ${w.user.id}::uuid`)),
    );
  }
  if (w.user.role !== 'admin') {
    errors.push(
      ...(await w.select<RowError>(sql`
        select row_no as row, 'org_unit' as column, org_unit as value, '组织单元不在您的权限范围内 / org unit outside your scope' as reason
          from ${S} where org_unit_id is not null and not (org_unit_id = any(${`{${w.user.orgUnitIds.join(',')}}`}::uuid[]))`)),
    );
  }
  return errors;
}
