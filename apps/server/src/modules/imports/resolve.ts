import { sql } from 'drizzle-orm';
import { can } from '../../platform/access/index.js';
import { type ApplyContext, type RowError, STAGING } from './staging.js';

const S = sql.raw(STAGING);

/**
 * Finds the account of each staged row by customer ID, else by credit code, and reports rows whose
 * account is outside the importer's scope, unknown, or (when `creatable`) unknown and not creatable.
 */
export async function resolveAccounts(w: ApplyContext, creatable: boolean, table = STAGING): Promise<RowError[]> {
  const S = sql.raw(table);
  await w.exec(sql`update ${S} s set account_id = a.id from accounts a
                    where s.account_code is not null and a.code = s.account_code`);
  await w.exec(sql`update ${S} s set account_id = a.id from accounts a
                    where s.account_id is null and s.credit_code is not null and a.credit_code = s.credit_code`);
  const errors: RowError[] = [];
  errors.push(
    ...(await w.select<RowError>(sql`
      select s.row_no as row, 'account_code' as column, coalesce(s.account_code, s.credit_code) as value,
             '客户不在您的权限范围内 / customer outside your scope' as reason
        from ${S} s join accounts a on a.id = s.account_id
       where not (${w.scope('a')})`)),
  );
  errors.push(
    ...(await w.select<RowError>(sql`
      select s.row_no as row, 'account_code' as column, null as value,
             '缺少客户编号或统一社会信用代码 / customer ID or credit code required' as reason
        from ${S} s where s.account_code is null and s.credit_code is null`)),
  );
  const mayCreate = creatable && can(w.user, 'account.create');
  const unknownReason = !creatable
    ? '客户不存在 / unknown customer'
    : mayCreate
      ? '客户不存在：填写客户名称即可新建 / unknown customer: give its name to create it'
      : '客户不存在，您的角色不能新建客户 / unknown customer: your role may not create customers';
  errors.push(
    ...(await w.select<RowError>(sql`
      select s.row_no as row, 'account_code' as column, coalesce(s.account_code, s.credit_code) as value,
             ${unknownReason}::text as reason
        from ${S} s
       where s.account_id is null and (s.account_code is not null or s.credit_code is not null)
         and ${mayCreate ? sql`s.account_name is null` : sql`true`}`)),
  );
  return errors;
}

/** Creates the accounts an order-lines file names but the store lacks: active, in the importer's unit. */
export async function createMissingAccounts(w: ApplyContext, table = STAGING): Promise<number> {
  const S = sql.raw(table);
  const ownerId = w.user.role === 'kam' ? w.user.id : null;
  const created = await w.select<{ n: number }>(sql`
    with fresh as (
      insert into accounts (code, name, credit_code, owner_id, org_unit_id, lifecycle, created_by, updated_by)
      select distinct on (coalesce(s.account_code, s.credit_code))
             coalesce(s.account_code, s.credit_code), s.account_name, s.credit_code, ${ownerId}::uuid,
             ${w.user.orgUnitId}::uuid, 'active', ${w.user.id}::uuid, ${w.user.id}::uuid
        from ${S} s where s.account_id is null
       order by coalesce(s.account_code, s.credit_code), s.row_no
      returning id, owner_id)
    , team as (
      insert into account_team (account_id, user_id, role)
      select id, owner_id, 'owner' from fresh where owner_id is not null)
    select count(*)::int as n from fresh`);
  await w.exec(sql`update ${S} s set account_id = a.id from accounts a
                    where s.account_id is null and a.code = coalesce(s.account_code, s.credit_code)`);
  return created[0]?.n ?? 0;
}

/** Rows after the first with the same key (all of `keyExpr` present): "duplicate of row N". */
export async function duplicates(
  w: ApplyContext,
  keyExpr: string,
  column: string,
  valueExpr: string,
): Promise<RowError[]> {
  return w.select<RowError>(sql`
    select row_no as row, ${column}::text as column, value, '与第 ' || first_row || ' 行重复 / duplicate of row ' || first_row as reason
      from (select row_no, (${sql.raw(valueExpr)})::text as value,
                   min(row_no) over (partition by ${sql.raw(keyExpr)}) as first_row
              from ${S} where (${sql.raw(keyExpr)}) is not null) d
     where row_no <> first_row`);
}

/** Counts of a tracked table's rows the batch wrote: created and changed in this transaction. */
export async function writtenCounts(
  w: ApplyContext,
  table: string,
  keyMatch: string,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const [r] = await w.select<{ created: number; updated: number; total: number }>(sql`
    select count(*) filter (where t.created_at = now())::int as created,
           count(*) filter (where t.created_at <> now() and t.updated_at = now())::int as updated,
           count(*)::int as total
      from ${sql.raw(table)} t where ${sql.raw(keyMatch)}`);
  return { created: r!.created, updated: r!.updated, unchanged: r!.total - r!.created - r!.updated };
}

/** Keeps the rows as they were before the batch changes them, for undo. */
export async function keepBefore(w: ApplyContext, table: string, where: string): Promise<void> {
  await w.exec(sql`
    insert into import_batch_changes (batch_id, entity, record_id, before)
    select ${w.batchId}::uuid, ${table}::text, t.id::text, to_jsonb(t) from ${sql.raw(table)} t where ${sql.raw(where)}`);
}
