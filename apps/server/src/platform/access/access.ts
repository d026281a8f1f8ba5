import type { Role } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { pgArray } from '../db/index.js';
import { AppError } from '../errors.js';

/** Who is asking: the signed-in user, or the user behind an API token (with that token's scopes). */
export type Principal = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  orgUnitPath: string;
  orgUnitName: string;
  /** The org unit and every unit below it. */
  orgUnitIds: string[];
  agentId: string | null;
  locale: string;
  /** null for a browser session; the token's scopes for an API token. */
  tokenScopes: string[] | null;
};

export type Action =
  | 'account.create'
  | 'account.write'
  | 'contact.write'
  | 'order.write'
  | 'product.write'
  | 'competitor.write'
  | 'interaction.write'
  | 'need.write'
  | 'task.write'
  | 'care.configure'
  | 'user.read'
  | 'user.manage'
  | 'org.manage'
  | 'audit.read'
  | 'analytics.read'
  | 'analytics.configure'
  | 'analytics.run'
  | 'tier.override'
  | 'complaint.write'
  | 'survey.send'
  | 'service.read'
  | 'service.configure'
  | 'alert.read'
  | 'alert.act'
  | 'alert.configure'
  | 'plan.read'
  | 'plan.write'
  | 'plan.approve'
  | 'opportunity.read'
  | 'opportunity.write'
  | 'contract.read'
  | 'contract.write'
  | 'target.manage'
  | 'event.write'
  | 'performance.read'
  | 'kpi.configure'
  | 'review.write'
  | 'performance.configure'
  | 'agent.read'
  | 'agent.manage'
  | 'registration.read'
  | 'registration.submit'
  | 'registration.decide'
  | 'channel.configure'
  | 'price.read'
  | 'price.manage'
  | 'discount.request'
  | 'discount.decide'
  | 'discount.report'
  | 'pricing.configure';

const grants: Record<Action, readonly Role[]> = {
  'account.create': ['admin', 'director', 'kam'],
  'account.write': ['admin', 'director', 'kam'],
  'contact.write': ['admin', 'director', 'kam'],
  'order.write': ['admin', 'director', 'kam'],
  'product.write': ['admin', 'director'],
  'competitor.write': ['admin', 'director', 'kam'],
  'interaction.write': ['admin', 'director', 'kam', 'service'],
  'need.write': ['admin', 'director', 'kam', 'service'],
  'task.write': ['admin', 'director', 'kam', 'service'],
  'care.configure': ['admin', 'director'],
  'user.read': ['admin', 'director'],
  'user.manage': ['admin'],
  'org.manage': ['admin'],
  'audit.read': ['admin'],
  'analytics.read': ['admin', 'director', 'kam', 'service', 'analyst'],
  'analytics.configure': ['admin', 'director'],
  'analytics.run': ['admin', 'director'],
  'tier.override': ['admin', 'director'],
  'complaint.write': ['admin', 'director', 'kam', 'service'],
  'survey.send': ['admin', 'director', 'kam', 'service'],
  'service.read': ['admin', 'director', 'kam', 'service', 'analyst'],
  'service.configure': ['admin'],
  'alert.read': ['admin', 'director', 'kam', 'service'],
  'alert.act': ['admin', 'director', 'kam', 'service'],
  'alert.configure': ['admin'],
  // plans, deals and contracts are the company's own strategy: not for external agents
  'plan.read': ['admin', 'director', 'kam', 'service', 'analyst'],
  'plan.write': ['admin', 'director', 'kam'],
  'plan.approve': ['admin', 'director'],
  'opportunity.read': ['admin', 'director', 'kam', 'service', 'analyst'],
  'opportunity.write': ['admin', 'director', 'kam'],
  'contract.read': ['admin', 'director', 'kam', 'service', 'analyst'],
  'contract.write': ['admin', 'director', 'kam'],
  'target.manage': ['admin', 'director'],
  'event.write': ['admin', 'director', 'kam'],
  'performance.read': ['admin', 'director', 'kam', 'service', 'analyst'],
  'kpi.configure': ['admin', 'director'],
  'review.write': ['admin', 'director', 'kam'],
  'performance.configure': ['admin'],
  'agent.read': ['admin', 'director', 'kam', 'agent', 'analyst'],
  'agent.manage': ['admin', 'director'],
  'registration.read': ['admin', 'director', 'kam', 'agent', 'analyst'],
  'registration.submit': ['admin', 'director', 'agent'],
  // the channel manager (渠道经理) is a director or an admin
  'registration.decide': ['admin', 'director'],
  'channel.configure': ['admin'],
  'price.read': ['admin', 'director', 'kam', 'analyst'],
  'price.manage': ['admin', 'director'],
  'discount.request': ['admin', 'director', 'kam'],
  'discount.decide': ['admin', 'director', 'kam'],
  'discount.report': ['admin', 'director', 'analyst'],
  'pricing.configure': ['admin'],
};

const writes = new Set<Action>([
  'account.create',
  'account.write',
  'contact.write',
  'order.write',
  'product.write',
  'competitor.write',
  'interaction.write',
  'need.write',
  'task.write',
  'care.configure',
  'user.manage',
  'org.manage',
  'analytics.configure',
  'analytics.run',
  'tier.override',
  'complaint.write',
  'survey.send',
  'service.configure',
  'alert.act',
  'alert.configure',
  'plan.write',
  'plan.approve',
  'opportunity.write',
  'contract.write',
  'target.manage',
  'event.write',
  'kpi.configure',
  'review.write',
  'performance.configure',
  'agent.manage',
  'registration.submit',
  'registration.decide',
  'channel.configure',
  'price.manage',
  'discount.request',
  'discount.decide',
  'pricing.configure',
]);

/** The one place that decides what a role may do. Row scope is `accountScope`. */
export function can(user: Principal, action: Action): boolean {
  if (!grants[action].includes(user.role)) return false;
  if (user.tokenScopes && writes.has(action) && !user.tokenScopes.includes('write')) return false;
  return true;
}

export function assertCan(user: Principal, action: Action): void {
  if (!can(user, action)) throw new AppError('forbidden', `Your role (${user.role}) may not do ${action}`);
}

/** How much of a contact's personal dossier (PIPL sensitive data) a role sees. */
export function dossierAccess(user: Principal): 'full' | 'masked' | 'none' {
  switch (user.role) {
    case 'admin':
    case 'director':
    case 'kam':
      return 'full';
    case 'service':
    case 'analyst':
      return 'masked';
    case 'agent':
      return 'none';
  }
}

/** Whether phones, e-mail and WeChat of contacts come unmasked. */
export function seesContactDetails(user: Principal): boolean {
  return user.role !== 'agent' && user.role !== 'analyst';
}

/**
 * The accounts a user may see, as a SQL predicate over an `accounts` row aliased `alias`.
 * Every query that touches account data includes it, so lists, counts, search, lookup and
 * aggregates agree, and a record outside it simply is not found.
 */
export function accountScope(user: Principal, alias = 'accounts'): SQL {
  const a = sql.raw(`"${alias}"`);
  const byUnit = orgUnitScope(user, sql`${a}.org_unit_id`);
  if (byUnit) return byUnit;
  switch (user.role) {
    case 'kam':
      return sql`(${a}.owner_id = ${user.id} or exists (select 1 from account_team tm where tm.account_id = ${a}.id and tm.user_id = ${user.id}))`;
    case 'agent':
      return user.agentId
        ? sql`exists (select 1 from account_agents ag where ag.account_id = ${a}.id and ag.agent_id = ${user.agentId})`
        : sql`false`;
    default:
      // every other role is scoped by org unit, above
      return sql`false`;
  }
}

/** Whether `accountScope` lets the user see every account (so a query may skip reading the accounts). */
export function seesEveryAccount(user: Principal): boolean {
  return user.role === 'admin';
}

/**
 * The same scope over rows that carry an account's org unit but not the account (per-unit aggregates
 * such as `analysis_cells`), for the roles whose scope is decided by org unit alone; `undefined` for
 * the others (owner or team, agent), which must read the accounts themselves.
 */
export function orgUnitScope(user: Principal, column: SQL): SQL | undefined {
  switch (user.role) {
    case 'admin':
      return sql`true`;
    case 'director':
    case 'service':
    case 'analyst':
      // constants rather than a subquery: the planner then knows how much of the table is in scope
      return sql`${column} = any(${pgArray(user.orgUnitIds)}::uuid[])`;
    case 'kam':
    case 'agent':
      return undefined;
  }
}

/** Scope for a table that carries `account_id`: the row's account must be in the user's scope. */
export function accountIdInScope(user: Principal, column: SQL): SQL {
  if (user.role === 'admin') return sql`true`;
  return sql`${column} in (select sa.id from accounts sa where ${accountScope(user, 'sa')})`;
}
