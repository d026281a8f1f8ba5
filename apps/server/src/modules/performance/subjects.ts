import type { KpiSubjectKind } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { accountScope, type Principal } from '../../platform/access/index.js';
import { type Db, one, pgArray } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';

/**
 * The accounts behind a subject: an account itself; a KAM's own accounts; a team's (accounts owned by
 * the members of an org unit); an org unit's (accounts of its subtree).
 */
export function subjectAccountIds(kind: KpiSubjectKind, id: string): SQL {
  switch (kind) {
    case 'account':
      return sql`select ${id}::uuid`;
    case 'kam':
      return sql`select sa.id from accounts sa where sa.owner_id = ${id}`;
    case 'team':
      return sql`select sa.id from accounts sa join users su on su.id = sa.owner_id where su.org_unit_id = ${id}`;
    case 'org_unit':
      return sql`select sa.id from accounts sa join org_units so on so.id = sa.org_unit_id
                  where so.path like (select p.path from org_units p where p.id = ${id}) || '%'`;
  }
}

/** The subject's accounts the caller may see: every figure is computed over these only. */
export function subjectAccounts(user: Principal, kind: KpiSubjectKind, id: string, extra = sql`true`): SQL {
  return sql`select a.id from accounts a where a.id in (${subjectAccountIds(kind, id)})
               and ${accountScope(user, 'a')} and ${extra}`;
}

/**
 * Whether the caller may see a subject as a whole, as a SQL predicate over `kind` and `id` columns: an
 * account in scope; a KAM who is the caller, or whose unit is in a manager's subtree; a team or org unit
 * in a manager's subtree. KAMs never see team or unit figures (they cannot see those accounts).
 */
export function subjectVisible(user: Principal, kind: SQL, id: SQL): SQL {
  if (user.role === 'admin') return sql`true`;
  const account = sql`(${kind} = 'account' and ${id} in (select sa.id from accounts sa where ${accountScope(user, 'sa')}))`;
  if (user.role === 'kam') return sql`(${account} or (${kind} = 'kam' and ${id} = ${user.id}))`;
  const units = sql`${pgArray(user.orgUnitIds)}::uuid[]`;
  return sql`(${account}
    or (${kind} = 'kam' and ${id} in (select su.id from users su where su.org_unit_id = any(${units})))
    or (${kind} in ('team', 'org_unit') and ${id} = any(${units})))`;
}

export type Subject = { kind: KpiSubjectKind; id: string; name: string; orgUnitId: string; accountId: string | null };

/** A subject the caller may see, with its name; anything else is a 404 (existence does not leak). */
export async function getSubject(db: Db, user: Principal, kind: KpiSubjectKind, id: string): Promise<Subject> {
  const visible = await one<{ ok: boolean }>(
    db,
    sql`select ${subjectVisible(user, sql`${kind}::text`, sql`${id}::uuid`)} as ok`,
  );
  const found = visible?.ok
    ? await one<{ name: string; org_unit_id: string }>(
        db,
        kind === 'account'
          ? sql`select name, org_unit_id from accounts where id = ${id}`
          : kind === 'kam'
            ? sql`select display_name as name, org_unit_id from users where id = ${id} and role = 'kam'`
            : sql`select name, id as org_unit_id from org_units where id = ${id}`,
      )
    : undefined;
  if (!found) throw AppError.notFound(kind === 'account' ? 'Account' : kind === 'kam' ? 'KAM' : 'Org unit');
  return { kind, id, name: found.name, orgUnitId: found.org_unit_id, accountId: kind === 'account' ? id : null };
}

/** Names for many subjects at once (lists). */
export const subjectName = (kind: SQL, id: SQL) => sql`case ${kind}
    when 'account' then (select n.name from accounts n where n.id = ${id})
    when 'kam' then (select n.display_name from users n where n.id = ${id})
    else (select n.name from org_units n where n.id = ${id}) end`;
