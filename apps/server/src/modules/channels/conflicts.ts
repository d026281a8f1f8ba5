import type { ChannelRules, Conflict, RegistrationRule } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/index.js';
import { type Db, isoDateOrNull, isoTimestamp, pgArray, rows } from '../../platform/db/index.js';
import { toE164 } from '../../platform/phone.js';
import { latestTier } from '../analytics/index.js';
import { companyMailDomain, companyNameKey } from './company-name.js';

export type Claim = {
  companyName: string;
  creditCode?: string | null;
  groupName?: string | null;
  province?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  productLine?: string | null;
};

export type Verdict = {
  nameKey: string;
  conflicts: Conflict[];
  outcome: 'approve' | 'reject' | 'queue';
  rule: RegistrationRule;
  explanation: string;
  /** the existing account the claim is about, if one was found */
  accountId: string | null;
  topScore: number | null;
};

type Tier = 'strategic' | 'core' | 'general';

type AccountRow = {
  id: string;
  name: string;
  short_name: string | null;
  credit_code: string | null;
  parent_id: string | null;
  owner_id: string | null;
  owner_name: string | null;
  tier: Tier;
  agent_ids: string[] | null;
};

const accountSelect = sql`select a.id, a.name, a.short_name, a.credit_code, a.parent_id, a.owner_id,
    u.display_name as owner_name, ${latestTier(sql`a.id`)} as tier,
    (select array_agg(ag.agent_id::text) from account_agents ag where ag.account_id = a.id) as agent_ids
  from accounts a left join users u on u.id = a.owner_id`;

const tierLabel: Record<Tier, string> = { strategic: '战略客户', core: '核心客户', general: '一般客户' };

/** Similarity of the normalised names by pg_trgm, one query for all candidates. */
async function similarities(db: Db, key: string, names: string[]): Promise<Map<string, number>> {
  const keys = [...new Set(names.map(companyNameKey))];
  if (!keys.length) return new Map();
  const found = await rows<{ k: string; s: number }>(
    db,
    sql`select x.k, similarity(${key}, x.k)::float8 as s from unnest(${pgArray(keys)}::text[]) as x(k)`,
  );
  return new Map(found.map((r) => [r.k, Number(r.s)]));
}

/** Accounts whose name may match: a cheap trigram pre-filter on the raw name, the real test on the keys. */
async function nameCandidates(db: Db, key: string, creditCode: string | null): Promise<AccountRow[]> {
  return rows<AccountRow>(
    db,
    sql`${accountSelect}
        where a.archived_at is null and (
          ${creditCode ? sql`a.credit_code = ${creditCode} or` : sql``}
          strpos(a.name, ${key}) > 0 or word_similarity(${key}, a.name) >= 0.2
          or (a.short_name is not null and word_similarity(${key}, a.short_name) >= 0.3))
        order by word_similarity(${key}, a.name) desc, a.id limit 200`,
  );
}

function ownership(a: AccountRow, agentId: string): 'company' | 'agent' | 'none' {
  if (a.agent_ids?.some((id) => id !== agentId)) return 'agent';
  return a.owner_id ? 'company' : 'none';
}

/**
 * Runs every conflict check on a claim and lets the rules decide. `viewer` shapes the evidence: an
 * agent learns that a company account or another agent's claim is in the way, not whose it is.
 */
export async function detectConflicts(
  db: Db,
  viewer: Principal,
  claim: Claim,
  agentId: string,
  rules: ChannelRules,
  today: string,
  excludeRegistrationId: string | null = null,
): Promise<Verdict> {
  const isAgent = viewer.role === 'agent';
  const key = companyNameKey(claim.companyName);
  const creditCode = claim.creditCode?.trim().toUpperCase() || null;
  const phone = claim.contactPhone ? (toE164(claim.contactPhone) ?? null) : null;
  const domain = companyMailDomain(claim.contactEmail);
  const conflicts: Conflict[] = [];

  const accountRef = (a: AccountRow): NonNullable<Conflict['account']> => {
    const mine = a.agent_ids?.includes(agentId) ?? false;
    return {
      id: isAgent && !mine ? null : a.id,
      name: a.name,
      tier: a.tier,
      owner: isAgent ? null : a.owner_name,
      ownedBy: ownership(a, agentId),
    };
  };

  // 1. the same company: credit code, or a similar normalised name (name or short name)
  const candidates = await nameCandidates(db, key, creditCode);
  const scores = await similarities(
    db,
    key,
    candidates.flatMap((a) => [a.name, ...(a.short_name ? [a.short_name] : [])]),
  );
  const scoreOf = (a: AccountRow) =>
    Math.max(
      scores.get(companyNameKey(a.name)) ?? 0,
      a.short_name ? (scores.get(companyNameKey(a.short_name)) ?? 0) : 0,
    );
  const matched = new Map<string, { account: AccountRow; score: number | null; byCode: boolean }>();
  // the closest match first: its evidence leads and the rules look at it first
  candidates.sort((a, b) => scoreOf(b) - scoreOf(a));
  for (const a of candidates) {
    const byCode = creditCode !== null && a.credit_code === creditCode;
    const score = scoreOf(a);
    if (byCode)
      conflicts.push({
        kind: 'credit_code',
        strength: 'exact',
        score: null,
        detail: `统一社会信用代码 ${creditCode} 与已有客户「${a.name}」相同`,
        matched: a.name,
        account: accountRef(a),
        registration: null,
        agent: null,
      });
    if (score >= rules.nameSimilarity)
      conflicts.push({
        kind: 'name',
        strength: score >= 0.999 ? 'exact' : 'strong',
        score: Math.round(score * 1000) / 1000,
        detail: `名称去掉公司类型和地区后为「${key}」，与已有客户「${a.name}」（${companyNameKey(a.name)}）相似度 ${score.toFixed(2)}，阈值 ${rules.nameSimilarity}`,
        matched: a.name,
        account: accountRef(a),
        registration: null,
        agent: null,
      });
    if (byCode || score >= rules.nameSimilarity) matched.set(a.id, { account: a, score: byCode ? 1 : score, byCode });
  }

  // 2. whose account it is: the company's (its KAM), another agent's, or already this agent's
  for (const { account: a } of matched.values()) {
    const by = ownership(a, agentId);
    if (by === 'agent')
      conflicts.push({
        kind: 'agent_account',
        strength: 'strong',
        score: null,
        detail: `「${a.name}」已分配给其他代理商`,
        matched: a.name,
        account: accountRef(a),
        registration: null,
        agent: null,
      });
    else if (by === 'company' && !(a.agent_ids ?? []).includes(agentId))
      conflicts.push({
        kind: 'company_account',
        strength: rules.protectedTiers.includes(a.tier) ? 'exact' : 'strong',
        score: null,
        detail: `「${a.name}」是公司直营的${tierLabel[a.tier]}${isAgent ? '' : `（客户经理 ${a.owner_name ?? '—'}）`}`,
        matched: a.name,
        account: accountRef(a),
        registration: null,
        agent: null,
      });
  }

  // 3. the group tree: the matched accounts' groups, and the group the agent named
  const groupKey = claim.groupName ? companyNameKey(claim.groupName) : null;
  const seeds = [...matched.keys()];
  if (groupKey) {
    const groupCandidates = await nameCandidates(db, groupKey, null);
    const groupScores = await similarities(
      db,
      groupKey,
      groupCandidates.map((a) => a.name),
    );
    for (const a of groupCandidates)
      if ((groupScores.get(companyNameKey(a.name)) ?? 0) >= rules.nameSimilarity) seeds.push(a.id);
  }
  if (seeds.length) {
    const tree = await rows<AccountRow & { root_name: string; seed: boolean }>(
      db,
      sql`with recursive up as (
            select a.id, a.parent_id, a.id as seed from accounts a where a.id = any(${pgArray(seeds)}::uuid[])
            union all select p.id, p.parent_id, up.seed from accounts p join up on p.id = up.parent_id
          ), roots as (select distinct id from up where parent_id is null),
          down as (
            select a.id, a.id as root from accounts a where a.id in (select id from roots)
            union all select c.id, down.root from accounts c join down on c.parent_id = down.id
          )
          select x.*, r.name as root_name, x.id = any(${pgArray([...matched.keys()])}::uuid[]) as seed
          from (${accountSelect} where a.archived_at is null) x
          join down on down.id = x.id join accounts r on r.id = down.root
          order by x.id`,
    );
    for (const a of tree) {
      if (a.seed) continue;
      if (ownership(a, agentId) === 'none' || (a.agent_ids ?? []).includes(agentId)) continue;
      conflicts.push({
        kind: 'group',
        strength: 'weak',
        score: null,
        detail: `同属「${a.root_name}」集团：成员「${a.name}」是${ownership(a, agentId) === 'agent' ? '其他代理商的客户' : `公司直营的${tierLabel[a.tier]}`}`,
        matched: a.name,
        account: accountRef(a),
        registration: null,
        agent: null,
      });
    }
  }

  // 4. the contact: phone numbers and company mail domains already known
  if (phone) {
    const byPhone = await rows<AccountRow & { via: string }>(
      db,
      sql`select x.*, 'contact' as via from (${accountSelect} where a.archived_at is null and a.id in (
            select cp.account_id from contact_phones cp where cp.e164 = ${phone}
            union select a2.id from accounts a2 where a2.phone_e164 = ${phone})) x`,
    );
    for (const a of byPhone)
      conflicts.push({
        kind: 'phone',
        strength: 'strong',
        score: null,
        detail: `联系电话 ${phone} 已登记在客户「${a.name}」名下`,
        matched: a.name,
        account: accountRef(a),
        registration: null,
        agent: null,
      });
  }
  if (domain) {
    const byDomain = await rows<AccountRow>(
      db,
      sql`${accountSelect} where a.archived_at is null and (
            a.website ilike ${`%${domain}%`}
            or a.id in (select c.account_id from contacts c where c.archived_at is null and lower(c.email) like ${`%@${domain}`}))
          limit 20`,
    );
    for (const a of byDomain)
      conflicts.push({
        kind: 'email_domain',
        strength: 'strong',
        score: null,
        detail: `邮箱域名 ${domain} 与客户「${a.name}」的联系人或网站相同`,
        matched: a.name,
        account: accountRef(a),
        registration: null,
        agent: null,
      });
  }

  // 5. live registrations of the same company: by code, similar name or the same contact phone
  const live = await rows<{
    id: string;
    agent_id: string;
    agent_name: string;
    company_name: string;
    status: string;
    created_at: unknown;
    expires_on: unknown;
    score: number;
    by_code: boolean;
    by_phone: boolean;
  }>(
    db,
    sql`select r.id, r.agent_id, ag.name as agent_name, r.company_name, r.status, r.created_at, r.expires_on,
          similarity(${key}, r.name_key)::float8 as score,
          coalesce(r.credit_code = ${creditCode}, false) as by_code,
          coalesce(r.contact_phone_e164 = ${phone}, false) as by_phone
        from registrations r join agents ag on ag.id = r.agent_id
        where r.archived_at is null
          and ${excludeRegistrationId ? sql`r.id <> ${excludeRegistrationId}` : sql`true`}
          and (r.status = 'queued' or (r.status = 'approved' and (r.expires_on is null or r.expires_on >= ${today}::date)))
          and (similarity(${key}, r.name_key) >= ${rules.nameSimilarity}
               ${creditCode ? sql`or r.credit_code = ${creditCode}` : sql``}
               ${phone ? sql`or r.contact_phone_e164 = ${phone}` : sql``})
        order by r.created_at, r.id limit 20`,
  );
  for (const r of live) {
    const own = r.agent_id === agentId;
    const how = r.by_code ? '信用代码相同' : r.by_phone ? '联系电话相同' : `名称相似度 ${Number(r.score).toFixed(2)}`;
    conflicts.push({
      kind: 'registration',
      strength: r.by_code || Number(r.score) >= 0.999 ? 'exact' : 'strong',
      score: Math.round(Number(r.score) * 1000) / 1000,
      detail: `${own ? '你方' : isAgent ? '其他代理商' : `代理商「${r.agent_name}」`}已于 ${isoTimestamp(r.created_at).slice(0, 10)} 报备「${r.company_name}」（${r.status === 'queued' ? '待裁决' : '有效'}，${how}）`,
      matched: r.company_name,
      account: null,
      registration: {
        id: isAgent && !own ? null : r.id,
        agentName: own || !isAgent ? r.agent_name : '其他代理商',
        status: r.status,
        submittedAt: isoTimestamp(r.created_at),
        expiresOn: isoDateOrNull(r.expires_on),
      },
      agent: isAgent && !own ? null : { id: r.agent_id, name: r.agent_name },
    });
  }

  // 6. an exclusive territory of another agent: region × product line
  if (claim.province && claim.productLine) {
    const held = await rows<{ agent_id: string; agent_name: string; valid_to: unknown }>(
      db,
      sql`select t.agent_id, ag.name as agent_name, t.valid_to from agent_territories t join agents ag on ag.id = t.agent_id
          where t.archived_at is null and t.exclusive and t.agent_id <> ${agentId}
            and t.province = ${claim.province} and t.product_line = ${claim.productLine}
            and t.valid_from <= ${today}::date and (t.valid_to is null or t.valid_to >= ${today}::date)`,
    );
    for (const t of held)
      conflicts.push({
        kind: 'territory',
        strength: 'exact',
        score: null,
        detail: `${claim.province} × ${claim.productLine} 是${isAgent ? '其他代理商' : `代理商「${t.agent_name}」`}的独家区域${t.valid_to ? `（至 ${isoDateOrNull(t.valid_to)}）` : ''}`,
        matched: `${claim.province} × ${claim.productLine}`,
        account: null,
        registration: null,
        agent: isAgent ? null : { id: t.agent_id, name: t.agent_name },
      });
  }

  // the claim is about an account only when code or name say so; a shared phone is evidence, not identity
  const best = [...matched.values()].sort(
    (a, b) => Number(b.byCode) - Number(a.byCode) || (b.score ?? 0) - (a.score ?? 0),
  )[0];
  return {
    nameKey: key,
    conflicts,
    accountId: best?.account.id ?? null,
    topScore: best?.score ?? null,
    ...decide(conflicts, matched, agentId, rules, today),
  };
}

/** The rules, in order; what none of them settles goes to the channel manager. */
function decide(
  conflicts: Conflict[],
  matched: Map<string, { account: AccountRow }>,
  agentId: string,
  rules: ChannelRules,
  today: string,
): Pick<Verdict, 'outcome' | 'rule' | 'explanation'> {
  const rank = { strategic: 0, core: 1, general: 2 } as const;
  const protectedAccount = conflicts
    .filter((c) => c.kind === 'company_account' && c.account && rules.protectedTiers.includes(c.account.tier))
    .sort((a, b) => rank[a.account!.tier] - rank[b.account!.tier])[0];
  if (protectedAccount?.account)
    return {
      outcome: 'reject',
      rule: 'protected_account',
      explanation: `「${protectedAccount.account.name}」是公司直营的${tierLabel[protectedAccount.account.tier]}，受保护客户不接受代理商报备`,
    };
  const cutoff = new Date(Date.parse(today) - rules.firstWinsDays * 86_400_000).toISOString();
  const earlier = conflicts.filter(
    (c) => c.kind === 'registration' && c.registration && c.registration.submittedAt >= cutoff,
  );
  const firstApproved = earlier.find((c) => c.registration?.status === 'approved');
  if (firstApproved?.registration)
    return {
      outcome: 'reject',
      rule: 'first_registration',
      explanation: `${firstApproved.registration.agentName === '其他代理商' ? '其他代理商' : `代理商「${firstApproved.registration.agentName}」`}已于 ${firstApproved.registration.submittedAt.slice(0, 10)} 有效报备同一客户，${rules.firstWinsDays} 天内先报备者优先`,
    };
  const territory = conflicts.find((c) => c.kind === 'territory');
  if (territory && rules.exclusiveTerritories)
    return { outcome: 'reject', rule: 'exclusive_territory', explanation: `${territory.detail}，其他代理商不能报备` };
  const open = conflicts.filter((c) => c.kind !== 'territory' || !rules.exclusiveTerritories);
  const mine = [...matched.values()].some((m) => m.account.agent_ids?.includes(agentId));
  if (mine && !open.some((c) => ['agent_account', 'registration', 'company_account'].includes(c.kind)))
    return { outcome: 'approve', rule: 'already_assigned', explanation: '该客户已分配给你方，报备自动通过' };
  if (open.length)
    return {
      outcome: 'queue',
      rule: 'manual_review',
      explanation: `发现 ${open.length} 项冲突，规则无法自动判定，已提交渠道经理裁决`,
    };
  return { outcome: 'approve', rule: 'no_conflict', explanation: '未发现冲突，报备自动通过' };
}
