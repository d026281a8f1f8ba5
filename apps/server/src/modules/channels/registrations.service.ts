import type {
  Conflict,
  RegistrationCheckInput,
  RegistrationDecision,
  RegistrationDecisionKind,
  RegistrationInput,
  RegistrationListQuery,
  RegistrationRule,
} from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, accountScope, assertCan, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoDateOrNull, isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { toE164 } from '../../platform/phone.js';
import { todayInChina } from '../../platform/today.js';
import { accountAgents, channelNotices, registrations } from './channels.table.js';
import { companyMailDomain } from './company-name.js';
import { detectConflicts } from './conflicts.js';
import { channelRules } from './rules.js';

type Row = Record<string, unknown> & { id: string; created_at: unknown };

/** Which registrations a user sees: an agent its own (and those transferred to it); staff by account scope. */
export function registrationScope(user: Principal, alias = 'r'): SQL {
  const r = sql.raw(alias);
  switch (user.role) {
    case 'admin':
      return sql`true`;
    case 'agent':
      return user.agentId
        ? sql`(${r}.agent_id = ${user.agentId} or ${r}.transferred_to_agent_id = ${user.agentId})`
        : sql`false`;
    case 'director':
    case 'analyst':
      // a claim on a prospect nobody owns yet is every channel manager's business
      return sql`(${r}.account_id is null or ${accountIdInScope(user, sql`${r}.account_id`)} or ${touches(user, r)})`;
    case 'kam':
      return sql`((${r}.account_id is not null and ${accountIdInScope(user, sql`${r}.account_id`)}) or ${touches(user, r)})`;
    default:
      return sql`false`;
  }
}

/** The claim's evidence names an account in the user's scope. */
const touches = (user: Principal, r: SQL) =>
  sql`exists (select 1 from accounts sa where sa.id = any(${r}.conflict_account_ids) and ${accountScope(user, 'sa')})`;

const select = sql`
  select r.*, ag.name as agent_name, a.name as account_name, du.display_name as decided_by_name,
    tg.name as transferred_to_name
  from registrations r join agents ag on ag.id = r.agent_id
  left join accounts a on a.id = r.account_id
  left join users du on du.id = r.decided_by
  left join agents tg on tg.id = r.transferred_to_agent_id`;

const explanations: Record<RegistrationRule, string> = {
  no_conflict: '未发现冲突，报备自动通过',
  already_assigned: '该客户已分配给你方，报备自动通过',
  protected_account: '受保护客户（战略/核心）不接受代理商报备',
  first_registration: '先报备者优先',
  exclusive_territory: '其他代理商的独家区域',
  manual_review: '规则无法自动判定，由渠道经理裁决',
};

function toRegistration(user: Principal, r: Row) {
  const isAgent = user.role === 'agent';
  const conflicts = (r.conflicts as { items: Conflict[]; explanation?: string }).items;
  return {
    id: r.id,
    agent: { id: r.agent_id as string, name: r.agent_name as string },
    companyName: r.company_name as string,
    nameKey: r.name_key as string,
    creditCode: (r.credit_code as string) ?? null,
    groupName: (r.group_name as string) ?? null,
    province: (r.province as string) ?? null,
    city: (r.city as string) ?? null,
    contactName: (r.contact_name as string) ?? null,
    contactPhone: (r.contact_phone as string) ?? null,
    contactEmail: (r.contact_email as string) ?? null,
    productLine: r.product_line as string,
    expectedValue: (r.expected_value as number) ?? null,
    expectedClose: isoDateOrNull(r.expected_close),
    note: (r.note as string) ?? null,
    // an agent sees the account only once it is its own
    account:
      r.account_id && (!isAgent || r.status === 'approved')
        ? { id: r.account_id as string, name: r.account_name as string }
        : null,
    status: r.status as never,
    rule: r.rule as RegistrationRule,
    explanation: maskFor(
      user,
      (r.conflicts as { explanation?: string }).explanation ?? explanations[r.rule as RegistrationRule] ?? '',
    ),
    conflicts: isAgent ? conflicts.map((c) => agentView(c)) : conflicts,
    decision: (r.decision as never) ?? null,
    decisionReason: r.decision_reason ? maskFor(user, r.decision_reason as string) : null,
    decidedBy: r.decided_by ? { id: r.decided_by as string, displayName: (r.decided_by_name as string) ?? '' } : null,
    decidedAt: isoTimestampOrNull(r.decided_at),
    splitShare: (r.split_share as number) ?? null,
    transferredTo: r.transferred_to_agent_id
      ? { id: r.transferred_to_agent_id as string, name: r.transferred_to_name as string }
      : null,
    validFrom: isoDateOrNull(r.valid_from),
    expiresOn: isoDateOrNull(r.expires_on),
    renewals: r.renewals as number,
    createdAt: isoTimestamp(r.created_at),
    version: r.version as number,
  };
}

/**
 * Evidence was stored as staff see it; an agent gets it without account ids, KAM names or other
 * agents' names — what is in the way, not whose it is.
 */
function agentView(c: Conflict): Conflict {
  return {
    ...c,
    detail: maskText(c.detail),
    account: c.account ? { ...c.account, id: null, owner: null } : null,
    registration: c.registration ? { ...c.registration, id: null, agentName: '其他代理商' } : null,
    agent: null,
  };
}

const maskText = (text: string) => text.replace(/（客户经理 [^）]*）/g, '').replace(/代理商「[^」]*」/g, '其他代理商');
const maskFor = (user: Principal, text: string) => (user.role === 'agent' ? maskText(text) : text);

async function agentFor(ctx: Ctx, requested: string | undefined): Promise<string> {
  if (ctx.user.role === 'agent') {
    if (!ctx.user.agentId) throw new AppError('forbidden', 'This agent user is not linked to an agent');
    if (requested && requested !== ctx.user.agentId)
      throw AppError.invalid('body.agentId', 'you register for your own agency only');
    return ctx.user.agentId;
  }
  if (!requested) throw AppError.invalid('body.agentId', 'say which agent the registration is for');
  const found = await one<{ id: string }>(
    ctx.db,
    sql`select id from agents where id = ${requested} and archived_at is null`,
  );
  if (!found) throw AppError.invalid('body.agentId', 'no such agent');
  return requested;
}

/** The live check behind the registration form: nothing is saved. */
export async function checkRegistration(ctx: Ctx, input: z.infer<typeof RegistrationCheckInput>) {
  assertCan(ctx.user, 'registration.submit');
  const agentId = await agentFor(ctx, input.agentId);
  const verdict = await detectConflicts(ctx.db, ctx.user, input, agentId, await channelRules(ctx.db), todayInChina());
  return {
    nameKey: verdict.nameKey,
    conflicts: verdict.conflicts,
    outcome: verdict.outcome,
    rule: verdict.rule,
    explanation: verdict.explanation,
  };
}

/** Evidence is stored in staff form (the fullest), masked per viewer when read. */
const staffView = (user: Principal): Principal => (user.role === 'agent' ? { ...user, role: 'director' } : user);

export async function submitRegistration(ctx: Ctx, input: RegistrationInput) {
  assertCan(ctx.user, 'registration.submit');
  const agentId = await agentFor(ctx, input.agentId);
  const today = todayInChina();
  const rules = await channelRules(ctx.db);
  const phone = input.contactPhone ? toE164(input.contactPhone) : undefined;
  if (input.contactPhone && !phone) throw AppError.invalid('body.contactPhone', 'not a phone number');
  const id = await ctx.db.transaction(async (tx) => {
    await expireRegistrations(tx, today);
    // one claim at a time: two agents racing for the same company are decided in order
    await tx.execute(sql`select pg_advisory_xact_lock(727274101)`);
    const verdict = await detectConflicts(tx, staffView(ctx.user), input, agentId, rules, today);
    const approved = verdict.outcome === 'approve';
    const [row] = await tx
      .insert(registrations)
      .values({
        agentId,
        companyName: input.companyName,
        nameKey: verdict.nameKey,
        creditCode: input.creditCode ?? null,
        groupName: input.groupName ?? null,
        province: input.province ?? null,
        city: input.city ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        contactPhoneE164: phone ?? null,
        contactEmail: input.contactEmail ?? null,
        emailDomain: companyMailDomain(input.contactEmail),
        productLine: input.productLine,
        expectedValue: input.expectedValue ?? null,
        expectedClose: input.expectedClose ?? null,
        note: input.note ?? null,
        accountId: verdict.accountId,
        conflictAccountIds: [...new Set(verdict.conflicts.flatMap((c) => (c.account?.id ? [c.account.id] : [])))],
        status: approved ? 'approved' : verdict.outcome === 'reject' ? 'rejected' : 'queued',
        rule: verdict.rule,
        conflicts: { items: verdict.conflicts, explanation: verdict.explanation },
        topScore: verdict.topScore,
        decision: approved ? 'auto_approve' : verdict.outcome === 'reject' ? 'auto_reject' : null,
        decisionReason: verdict.outcome === 'queue' ? null : verdict.explanation,
        decidedAt: verdict.outcome === 'queue' ? null : new Date(),
        validFrom: approved ? today : null,
        expiresOn: approved ? addDays(today, rules.validityDays) : null,
        submittedBy: ctx.user.id,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returning({ id: registrations.id });
    if (approved && verdict.accountId)
      await tx.insert(accountAgents).values({ accountId: verdict.accountId, agentId }).onConflictDoNothing();
    await audit(withDb(ctx, tx), 'registration.submit', 'registration', row!.id, {
      agentId,
      outcome: verdict.outcome,
      rule: verdict.rule,
      conflicts: verdict.conflicts.map((c) => c.kind),
    });
    if (verdict.outcome !== 'queue')
      await notify(tx, row!.id, { kind: approved ? 'auto_approve' : 'auto_reject', reason: null, splitShare: null });
    return row!.id;
  });
  return getRegistration(ctx, id);
}

export async function getRegistration(ctx: Ctx, id: string) {
  assertCan(ctx.user, 'registration.read');
  const r = await one<Row>(ctx.db, sql`${select} where r.id = ${id} and ${registrationScope(ctx.user)}`);
  if (!r) throw AppError.notFound('Registration');
  return toRegistration(ctx.user, r);
}

export async function listRegistrations(ctx: Ctx, q: z.infer<typeof RegistrationListQuery>) {
  assertCan(ctx.user, 'registration.read');
  const spec = sortSpec(q.sort, { createdAt: sql`r.created_at` });
  const filter = sql.join(
    [
      registrationScope(ctx.user),
      q.includeArchived ? undefined : sql`r.archived_at is null`,
      q.status ? sql`r.status = ${q.status}` : undefined,
      q.agentId ? sql`r.agent_id = ${q.agentId}` : undefined,
      q.accountId ? sql`r.account_id = ${q.accountId}` : undefined,
      q.q ? sql`(r.company_name ilike ${`%${q.q}%`} or r.name_key ilike ${`%${q.q}%`})` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select} where ${filter} and ${afterCursor(spec, sql`r.id`, q.cursor)} order by ${orderBy(spec, sql`r.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from registrations r where ${filter}`),
  ]);
  return toPage(
    fetched,
    q.limit,
    (r) => [isoTimestamp(r.created_at), r.id],
    (r) => toRegistration(ctx.user, r),
    total?.n ?? 0,
  );
}

/** The channel manager decides a queued claim: approve, reject, split the credit, or transfer it. */
export async function decideRegistration(ctx: Ctx, id: string, input: z.infer<typeof RegistrationDecision>) {
  assertCan(ctx.user, 'registration.decide');
  const current = await getRegistration(ctx, id);
  if (current.status !== 'queued')
    throw AppError.invalid('body.decision', `only a queued registration is decided; this one is ${current.status}`);
  if (input.decision === 'split' && !input.splitShare)
    throw AppError.invalid('body.splitShare', 'a split names the registering agent’s share');
  if (input.decision === 'transfer') {
    if (!input.transferToAgentId) throw AppError.invalid('body.transferToAgentId', 'a transfer names the agent');
    if (input.transferToAgentId === current.agent.id)
      throw AppError.invalid('body.transferToAgentId', 'transfer to another agent');
    const target = await one(
      ctx.db,
      sql`select 1 from agents where id = ${input.transferToAgentId} and archived_at is null`,
    );
    if (!target) throw AppError.invalid('body.transferToAgentId', 'no such agent');
  }
  const today = todayInChina();
  const rules = await channelRules(ctx.db);
  const wins = input.decision === 'approve' || input.decision === 'split';
  const beneficiary = input.decision === 'transfer' ? input.transferToAgentId! : wins ? current.agent.id : null;
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, registrations, 'Registration', id, input.version, {
      status: wins || input.decision === 'transfer' ? 'approved' : 'rejected',
      decision: input.decision,
      decisionReason: input.reason,
      decidedBy: ctx.user.id,
      decidedAt: new Date(),
      splitShare: input.decision === 'split' ? input.splitShare : null,
      transferredToAgentId: input.decision === 'transfer' ? input.transferToAgentId : null,
      validFrom: beneficiary ? today : null,
      expiresOn: beneficiary ? addDays(today, rules.validityDays) : null,
    });
    if (beneficiary && current.account)
      await tx
        .insert(accountAgents)
        .values({ accountId: current.account.id, agentId: beneficiary })
        .onConflictDoNothing();
    await audit(withDb(ctx, tx), `registration.${input.decision}`, 'registration', id, {
      reason: input.reason,
      splitShare: input.splitShare ?? null,
      transferToAgentId: input.transferToAgentId ?? null,
      accountId: current.account?.id ?? null,
    });
    await notify(
      tx,
      id,
      {
        kind: input.decision,
        reason: input.reason,
        splitShare: input.decision === 'split' ? (input.splitShare ?? null) : null,
      },
      input.transferToAgentId ?? null,
    );
  });
  return getRegistration(ctx, id);
}

/** Renewal opens `renewWithinDays` before expiry, at most `maxRenewals` times. */
export async function renewRegistration(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'registration.submit');
  const current = await getRegistration(ctx, id);
  if (ctx.user.role === 'agent' && current.agent.id !== ctx.user.agentId) throw AppError.notFound('Registration');
  const rules = await channelRules(ctx.db);
  const today = todayInChina();
  if (current.status !== 'approved' || !current.expiresOn)
    throw AppError.invalid('body', `only a live approved registration is renewed; this one is ${current.status}`);
  if (current.expiresOn < today) throw AppError.invalid('body', 'this registration has expired; register again');
  if (current.renewals >= rules.maxRenewals)
    throw AppError.invalid('body', `already renewed ${current.renewals} times (at most ${rules.maxRenewals})`);
  if (addDays(today, rules.renewWithinDays) < current.expiresOn)
    throw AppError.invalid('body', `renewal opens ${rules.renewWithinDays} days before ${current.expiresOn}`);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, registrations, 'Registration', id, version, {
      expiresOn: addDays(current.expiresOn!, rules.validityDays),
      renewals: current.renewals + 1,
    });
    await audit(withDb(ctx, tx), 'registration.renew', 'registration', id, { from: current.expiresOn });
  });
  return getRegistration(ctx, id);
}

export async function withdrawRegistration(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'registration.submit');
  const current = await getRegistration(ctx, id);
  if (ctx.user.role === 'agent' && current.agent.id !== ctx.user.agentId) throw AppError.notFound('Registration');
  if (current.status !== 'queued' && current.status !== 'approved')
    throw AppError.invalid('body', `a ${current.status} registration cannot be withdrawn`);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, registrations, 'Registration', id, version, { status: 'withdrawn' });
    await audit(withDb(ctx, tx), 'registration.withdraw', 'registration', id);
  });
  return getRegistration(ctx, id);
}

/** Approved registrations past their end become expired (the scheduled alerts job runs this daily). */
export async function expireRegistrations(db: Db, today = todayInChina()): Promise<number> {
  const done = await rows<{ id: string }>(
    db,
    sql`update registrations set status = 'expired', version = version + 1, updated_at = now()
        where status = 'approved' and expires_on < ${today}::date returning id`,
  );
  return done.length;
}

/**
 * Tells both sides: the registering agent's users, the agent a claim was transferred to, the KAM
 * of the account it is about, and the users of other agents whose claims or accounts were in the way.
 */
async function notify(
  db: Db,
  registrationId: string,
  notice: { kind: RegistrationDecisionKind; reason: string | null; splitShare: number | null },
  extraAgentId: string | null = null,
) {
  await db.execute(sql`
    insert into channel_notices (user_id, registration_id, kind, company_name, rule, reason, split_share)
    select distinct u.id, r.id, ${notice.kind}, r.company_name, r.rule, ${notice.reason}, ${notice.splitShare}::int
    from registrations r join users u on u.disabled_at is null and (
      u.agent_id = r.agent_id
      or u.agent_id = ${extraAgentId}
      or u.id in (select a.owner_id from accounts a where a.id = r.account_id or a.id = any(r.conflict_account_ids))
      or u.agent_id in (select (c -> 'agent' ->> 'id')::uuid from jsonb_array_elements(r.conflicts -> 'items') c
                        where jsonb_typeof(c -> 'agent') = 'object')
    )
    where r.id = ${registrationId}`);
}

export async function listNotices(ctx: Ctx, unreadOnly: boolean) {
  const found = await rows<Row>(
    ctx.db,
    sql`select * from channel_notices where user_id = ${ctx.user.id} ${unreadOnly ? sql`and read_at is null` : sql``}
        order by created_at desc, id limit 100`,
  );
  // agents' users read the manager's reason without other agents' names or KAMs
  return found.map((n) => ({
    id: n.id,
    registrationId: n.registration_id as string,
    kind: n.kind as RegistrationDecisionKind,
    companyName: n.company_name as string,
    rule: n.rule as RegistrationRule,
    reason: n.reason === null ? null : maskFor(ctx.user, n.reason as string),
    splitShare: n.split_share === null ? null : Number(n.split_share),
    readAt: isoTimestampOrNull(n.read_at),
    createdAt: isoTimestamp(n.created_at),
  }));
}

export async function markNoticesRead(ctx: Ctx) {
  await ctx.db
    .update(channelNotices)
    .set({ readAt: new Date() })
    .where(sql`user_id = ${ctx.user.id} and read_at is null`);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}
