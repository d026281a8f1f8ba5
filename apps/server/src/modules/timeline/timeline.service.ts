import type { TimelineKind, TimelineQuery } from '@kamap/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { isoTimestamp, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/paging.js';
import { assertAccountInScope } from '../accounts/index.js';
import { interactionTimelineSource } from '../interactions/index.js';
import { needTimelineSource } from '../needs/index.js';
import { orderTimelineSource } from '../orders/index.js';
import { complaintTimelineSource, surveyTimelineSource } from '../service/index.js';
import { taskTimelineSource } from '../tasks/index.js';

type Source = (accountId: string, user: Principal) => SQL;

/** A source without a page of its own or a score: (…, actor_name) plus null link and score. */
const plain =
  (source: Source): Source =>
  (accountId, user) =>
    sql`select s.*, null::text as link, null::int as score from (${source(accountId, user)}) s`;

/** Every entry also says whether it is a generated task with a template (only tasks are). */
const untemplated =
  (source: Source): Source =>
  (accountId, user) =>
    sql`select s.*, null::text as template_key, null::jsonb as template_params from (${source(accountId, user)}) s`;
const templatedTasks: Source = (accountId, user) =>
  sql`select s.*, tt.template_key, tt.template_params
      from (${plain(taskTimelineSource)(accountId, user)}) s join tasks tt on tt.id::text = s.id`;

/**
 * Every source of the account timeline. A source is a SELECT of one account's rows as
 * (kind, id, at, title, subtype, amount, actor_id, actor_name, link, score) — `plain` adds the last
 * two — already limited to what the user may see of that account. To add one (care, plan changes):
 * export it from your module's index, add its kind to TimelineKind in the contracts, and list it here.
 */
const sources: Record<z.infer<typeof TimelineKind>, Source> = {
  interaction: untemplated(plain(interactionTimelineSource)),
  order: untemplated(plain(orderTimelineSource)),
  need: untemplated(plain(needTimelineSource)),
  task: templatedTasks,
  complaint: untemplated(complaintTimelineSource),
  survey: untemplated(surveyTimelineSource),
};

/** The account timeline: every source merged, newest first, paged by (time, id). */
export async function accountTimeline(ctx: Ctx, accountId: string, q: z.infer<typeof TimelineQuery>) {
  await assertAccountInScope(ctx, accountId);
  const all = Object.keys(sources) as (keyof typeof sources)[];
  const wanted = q.kinds ? q.kinds.split(',') : all;
  const unknown = wanted.find((k) => !all.includes(k as never));
  if (unknown) throw AppError.invalid('querystring.kinds', `unknown timeline kind ${unknown}`);
  const union = sql.join(
    all.filter((k) => wanted.includes(k)).map((k) => sources[k](accountId, ctx.user)),
    sql` union all `,
  );
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const found = await rows<{
    kind: z.infer<typeof TimelineKind>;
    id: string;
    at: unknown;
    title: string;
    subtype: string;
    amount: number | null;
    actor_id: string | null;
    actor_name: string | null;
    link: string | null;
    score: number | null;
    template_key: string | null;
    template_params: Record<string, unknown> | null;
  }>(
    ctx.db,
    sql`select * from (${union}) t
        where ${after ? sql`(t.at, t.id) < (${after[0]}::timestamptz, ${after[1]})` : sql`true`}
        order by t.at desc, t.id desc limit ${q.limit + 1}`,
  );
  const more = found.length > q.limit;
  const page = more ? found.slice(0, q.limit) : found;
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      kind: r.kind,
      id: r.id,
      at: isoTimestamp(r.at),
      title: r.title,
      subtype: r.subtype,
      amount: r.amount,
      actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
      link: r.link,
      score: r.score,
      template: r.template_key ? { key: r.template_key, params: r.template_params ?? {} } : null,
    })),
    nextCursor: more && last ? encodeCursor(String(last.at), last.id) : null,
  };
}
