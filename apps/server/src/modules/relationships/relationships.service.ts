import { keyDecisionRoles, type Tier } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { todayInChina } from '../../platform/today.js';
import { assertAccountInScope } from '../accounts/index.js';
import { loadCareConfig } from '../care/index.js';

const COVERAGE_DAYS = 90;
const MET_DAYS = 365;

/**
 * The relationship map of one account (seed 002's decision chain): its people with their place in
 * the org chart, who of us owns and who has met each, and the gaps: a key decision role nobody
 * covers, a key person not contacted within the tier's cadence, and a single-threaded account.
 */
export async function relationshipMap(ctx: Ctx, accountId: string) {
  await assertAccountInScope(ctx, accountId);
  const [tierRow, config, people, team, met] = await Promise.all([
    one<{ tier: Tier }>(
      ctx.db,
      sql`select ar.tier from analysis_results ar where ar.account_id = ${accountId} and ar.run_id =
            (select id from analysis_runs where status = 'done' order by finished_at desc nulls last, started_at desc limit 1)`,
    ),
    loadCareConfig(ctx.db),
    rows<Record<string, unknown> & { id: string }>(
      ctx.db,
      sql`select c.id, c.name, c.title, c.department, c.reports_to_id, c.decision_role, c.attitude, c.influence,
                 c.relationship_strength, c.relationship_owner_id, u.display_name as owner_name, c.last_contact_at, c.version
          from contacts c left join users u on u.id = c.relationship_owner_id
          where c.account_id = ${accountId} and c.archived_at is null order by c.name_sort nulls last, c.id limit 1000`,
    ),
    rows<{ id: string; display_name: string; role: string | null }>(
      ctx.db,
      sql`select u.id, u.display_name, tm.role from account_team tm join users u on u.id = tm.user_id
          where tm.account_id = ${accountId} order by tm.role, u.display_name`,
    ),
    rows<{ user_id: string; contact_id: string; n: number }>(
      ctx.db,
      sql`select p.user_id, c.contact_id, count(*)::int as n
          from interactions i
          cross join lateral unnest(array_append(i.colleague_ids, i.user_id)) as p(user_id)
          cross join lateral unnest(i.contact_ids) as c(contact_id)
          where i.account_id = ${accountId} and i.archived_at is null and i.occurred_at > now() - make_interval(days => ${MET_DAYS})
          group by p.user_id, c.contact_id`,
    ),
  ]);
  const tier = tierRow?.tier ?? null;
  const cadenceDays = config.config.revisitDays[tier ?? 'general'] ?? 90;
  const today = Date.parse(todayInChina());
  const mapped = people.map((r) => {
    const last = isoTimestampOrNull(r.last_contact_at);
    const days = last ? Math.max(0, Math.floor((today - Date.parse(last.slice(0, 10))) / 86_400_000)) : null;
    const role = r.decision_role as (typeof keyDecisionRoles)[number] | null;
    const key = (role !== null && keyDecisionRoles.includes(role)) || ((r.influence as number | null) ?? 0) >= 4;
    return {
      id: r.id,
      name: r.name as string,
      title: r.title as string | null,
      department: r.department as string | null,
      reportsToId: r.reports_to_id as string | null,
      decisionRole: r.decision_role as never,
      attitude: r.attitude as never,
      influence: r.influence as number | null,
      relationshipStrength: r.relationship_strength as number | null,
      relationshipOwner: r.relationship_owner_id
        ? { id: r.relationship_owner_id as string, displayName: (r.owner_name as string) ?? '' }
        : null,
      lastContactAt: last,
      daysSinceContact: days,
      key,
      covered: ((r.relationship_strength as number | null) ?? 0) >= 3 && days !== null && days <= COVERAGE_DAYS,
      stale: key && (days === null || days > cadenceDays),
      version: r.version as number,
    };
  });

  const ids = new Set(mapped.map((p) => p.id));
  const owners = new Map<string, string>();
  for (const p of mapped)
    if (p.relationshipOwner) owners.set(`${p.relationshipOwner.id}:${p.id}`, p.relationshipOwner.id);
  const metCount = new Map(met.map((m) => [`${m.user_id}:${m.contact_id}`, m.n]));
  const links = [
    ...mapped
      .filter((p) => p.relationshipOwner)
      .map((p) => ({
        userId: p.relationshipOwner!.id,
        contactId: p.id,
        kind: 'owner' as const,
        interactions: metCount.get(`${p.relationshipOwner!.id}:${p.id}`) ?? 0,
      })),
    ...met
      .filter((m) => ids.has(m.contact_id) && !owners.has(`${m.user_id}:${m.contact_id}`))
      .map((m) => ({ userId: m.user_id, contactId: m.contact_id, kind: 'met' as const, interactions: m.n })),
  ];
  const teamIds = new Set(team.map((t) => t.id));
  const linked = new Set(links.map((l) => l.userId).filter((id) => !teamIds.has(id)));
  const extra = linked.size
    ? await rows<{ id: string; display_name: string }>(
        ctx.db,
        sql`select id, display_name from users where id in (${sql.join(
          [...linked].map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) order by display_name`,
      )
    : [];

  const coveredCount = mapped.filter((p) => p.covered).length;
  const gaps = [
    ...keyDecisionRoles
      .filter((role) => !mapped.some((p) => p.decisionRole === role && p.covered))
      .map((role) => ({ kind: 'uncovered_role' as const, role })),
    ...mapped
      .filter((p) => p.stale)
      .sort((a, b) => (b.daysSinceContact ?? 1e9) - (a.daysSinceContact ?? 1e9))
      .map((p) => ({ kind: 'stale_contact' as const, contactId: p.id, days: p.daysSinceContact })),
    ...(coveredCount <= 1 ? [{ kind: 'single_threaded' as const, covered: coveredCount }] : []),
  ];

  return {
    accountId,
    tier,
    cadenceDays,
    people: mapped,
    team: [
      ...team.map((t) => ({ id: t.id, displayName: t.display_name, role: t.role })),
      ...extra.map((u) => ({ id: u.id, displayName: u.display_name, role: null })),
    ],
    links,
    gaps,
  };
}
