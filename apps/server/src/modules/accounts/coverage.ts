import { type SQL, sql } from 'drizzle-orm';

export type CoverageGap = 'single' | 'uncovered';

/**
 * A key account (strategic or core in the latest analysis run) whose relationship is thin: `single`
 * when at most one contact has relationship strength ≥ 3 (single-threaded); `uncovered` when no
 * decision maker or economic buyer does. The account list's filter and the map's figure are this one
 * predicate, so the figure and its drill-down agree.
 */
export function coverageGap(kind: CoverageGap, alias = 'a'): SQL {
  const a = sql.raw(`"${alias}"`);
  const strong = (extra: SQL) =>
    sql`(select count(*) from contacts cg where cg.account_id = ${a}.id and cg.archived_at is null and cg.relationship_strength >= 3 and ${extra})`;
  const key = sql`exists (select 1 from analysis_results kr where kr.account_id = ${a}.id and kr.tier in ('strategic', 'core')
    and kr.run_id = (select lr.id from analysis_runs lr where lr.status = 'done' order by lr.as_of desc, lr.started_at desc limit 1))`;
  return kind === 'single'
    ? sql`(${key} and ${strong(sql`true`)} <= 1)`
    : sql`(${key} and ${strong(sql`cg.decision_role in ('decision_maker', 'economic_buyer')`)} = 0)`;
}
