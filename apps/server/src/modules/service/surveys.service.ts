import { createHash, randomBytes } from 'node:crypto';
import type { CreateSurvey, SurveyAnswer, SurveyListQuery, SurveyResultsQuery } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountIdInScope, assertCan, can, type Principal } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoTimestamp, isoTimestampOrNull, one, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { afterCursor, orderBy, sortSpec, toPage } from '../../platform/http/paging.js';
import { assertAccountInScope } from '../accounts/index.js';
import { surveyLinkHits, surveys } from './service.table.js';

/** Requests one address may make to survey links in RATE_WINDOW_MINUTES, found or not. */
export const RATE_LIMIT = 30;
const RATE_WINDOW_MINUTES = 10;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type Row = Record<string, unknown> & { id: string; sent_at: unknown };

const select = sql`select s.*, a.name as account_name, ct.name as contact_name, u.display_name as sent_by_name
  from surveys s join accounts a on a.id = s.account_id join contacts ct on ct.id = s.contact_id
  join users u on u.id = s.sent_by`;

const toSurvey = (r: Row) => ({
  id: r.id,
  accountId: r.account_id as string,
  accountName: r.account_name as string,
  contact: { id: r.contact_id as string, name: r.contact_name as string },
  kind: r.kind as 'csat' | 'nps',
  complaintId: (r.complaint_id as string | null) ?? null,
  sentBy: { id: r.sent_by as string, displayName: r.sent_by_name as string },
  sentAt: isoTimestamp(r.sent_at),
  expiresAt: isoTimestamp(r.expires_at),
  answeredAt: isoTimestampOrNull(r.answered_at),
  score: (r.score as number | null) ?? null,
  comment: (r.comment as string | null) ?? null,
});

export async function listSurveys(ctx: Ctx, q: z.infer<typeof SurveyListQuery>) {
  assertCan(ctx.user, 'service.read');
  const spec = sortSpec(q.sort, { sentAt: sql`s.sent_at` });
  const filter = sql.join(
    [
      accountIdInScope(ctx.user, sql`s.account_id`),
      q.accountId ? sql`s.account_id = ${q.accountId}` : undefined,
      q.kind ? sql`s.kind = ${q.kind}` : undefined,
      q.answered === undefined ? undefined : q.answered ? sql`s.answered_at is not null` : sql`s.answered_at is null`,
      q.q ? sql`s.comment ilike ${`%${q.q}%`}` : undefined,
    ].filter((p) => p !== undefined),
    sql` and `,
  );
  const [fetched, total] = await Promise.all([
    rows<Row>(
      ctx.db,
      sql`${select} where ${filter} and ${afterCursor(spec, sql`s.id`, q.cursor)} order by ${orderBy(spec, sql`s.id`)} limit ${q.limit + 1}`,
    ),
    one<{ n: number }>(ctx.db, sql`select count(*)::int as n from surveys s where ${filter}`),
  ]);
  return toPage(fetched, q.limit, (r) => [String(r.sent_at), r.id], toSurvey, total?.n ?? 0);
}

/**
 * Sends a survey: returns the one-time link (`/s/<token>`, 256 random bits) once; only the token's
 * SHA-256 is stored, so nobody can rebuild the link from the database.
 */
export async function sendSurvey(ctx: Ctx, input: z.infer<typeof CreateSurvey>) {
  assertCan(ctx.user, 'survey.send');
  await assertAccountInScope(ctx, input.accountId).catch(() => {
    throw AppError.invalid('body.accountId', 'no such account');
  });
  const contact = await one<{ id: string }>(
    ctx.db,
    sql`select id from contacts where id = ${input.contactId} and account_id = ${input.accountId} and archived_at is null`,
  );
  if (!contact) throw AppError.invalid('body.contactId', 'not a contact of this account');
  if (input.complaintId) {
    const complaint = await one<{ id: string }>(
      ctx.db,
      sql`select id from complaints where id = ${input.complaintId} and account_id = ${input.accountId}`,
    );
    if (!complaint) throw AppError.invalid('body.complaintId', 'not a complaint of this account');
  }
  const token = randomBytes(32).toString('base64url');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(surveys)
      .values({
        accountId: input.accountId,
        contactId: input.contactId,
        complaintId: input.complaintId,
        kind: input.kind,
        tokenHash: hashToken(token),
        sentBy: ctx.user.id,
        expiresAt: new Date(Date.now() + input.validDays * 86_400_000),
      })
      .returning({ id: surveys.id });
    await audit(withDb(ctx, tx), 'survey.send', 'account', input.accountId, { surveyId: row!.id, kind: input.kind });
    return row!.id;
  });
  const r = await one<Row>(ctx.db, sql`${select} where s.id = ${id}`);
  return { ...toSurvey(r!), link: `/s/${token}` };
}

/** Counts this request against the address's budget; refuses with 429 when it is spent. */
async function throttle(db: Db, ip: string) {
  const used = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from survey_link_hits where ip = ${ip} and at > now() - make_interval(mins => ${RATE_WINDOW_MINUTES})`,
  );
  if ((used?.n ?? 0) >= RATE_LIMIT)
    throw new AppError('too_many_requests', 'Too many requests from your address; try again later', undefined, {
      'retry-after': String(RATE_WINDOW_MINUTES * 60),
    });
  await db.insert(surveyLinkHits).values({ ip });
  await db.execute(sql`delete from survey_link_hits where ip = ${ip} and at < now() - interval '1 day'`);
}

type PublicRow = { id: string; kind: 'csat' | 'nps'; contact_name: string; expires_at: unknown; answered_at: unknown };

/** The survey behind a token, or 404 (unknown), 410 (answered or expired): the same for every caller. */
async function surveyByToken(db: Db, token: string): Promise<PublicRow> {
  const r = await one<PublicRow>(
    db,
    sql`select s.id, s.kind, ct.name as contact_name, s.expires_at, s.answered_at
        from surveys s join contacts ct on ct.id = s.contact_id where s.token_hash = ${hashToken(token)}`,
  );
  if (!r) throw AppError.notFound('Survey');
  if (r.answered_at) throw new AppError('gone', 'This survey has already been answered; thank you');
  if (new Date(isoTimestamp(r.expires_at)) < new Date()) throw new AppError('gone', 'This survey link has expired');
  return r;
}

/** The public page: the question kind, whom it is for, and its expiry; nothing else of the account. */
export async function publicSurvey(db: Db, ip: string, token: string) {
  await throttle(db, ip);
  const r = await surveyByToken(db, token);
  return { kind: r.kind, contactName: r.contact_name, expiresAt: isoTimestamp(r.expires_at) };
}

/** Records the answer once: the update only matches an unanswered, unexpired survey. */
export async function answerSurvey(db: Db, ip: string, token: string, input: z.infer<typeof SurveyAnswer>) {
  await throttle(db, ip);
  const r = await surveyByToken(db, token);
  if (r.kind === 'csat' && (input.score < 1 || input.score > 5))
    throw AppError.invalid('body.score', 'a CSAT score is 1 to 5');
  const done = await rows<{ id: string }>(
    db,
    sql`update surveys set score = ${input.score}, comment = ${input.comment}, answered_at = now()
        where id = ${r.id} and answered_at is null and expires_at > now() returning id`,
  );
  if (!done.length) throw new AppError('gone', 'This survey has already been answered; thank you');
}

/** CSAT mean, NPS and counts over answered surveys in scope, with a month-by-month trend. */
export async function surveyResults(ctx: Ctx, q: z.infer<typeof SurveyResultsQuery>) {
  assertCan(ctx.user, 'service.read');
  if (q.accountId) await assertAccountInScope(ctx, q.accountId);
  const filter = sql`${accountIdInScope(ctx.user, sql`s.account_id`)} ${q.accountId ? sql`and s.account_id = ${q.accountId}` : sql``}`;
  const measures = sql`count(*) filter (where s.answered_at is not null)::int as answered,
      avg(s.score) filter (where s.kind = 'csat' and s.answered_at is not null)::float8 as csat,
      count(*) filter (where s.kind = 'nps' and s.score >= 9)::int as promoters,
      count(*) filter (where s.kind = 'nps' and s.score between 7 and 8)::int as passives,
      count(*) filter (where s.kind = 'nps' and s.score <= 6)::int as detractors`;
  type M = { answered: number; csat: number | null; promoters: number; passives: number; detractors: number };
  const nps = (m: M) => {
    const n = m.promoters + m.passives + m.detractors;
    return n ? Math.round(((m.promoters - m.detractors) / n) * 1000) / 10 : null;
  };
  const csat = (m: M) => (m.csat === null ? null : Math.round(Number(m.csat) * 100) / 100);
  const [all, months] = await Promise.all([
    one<M & { sent: number }>(ctx.db, sql`select count(*)::int as sent, ${measures} from surveys s where ${filter}`),
    rows<M & { month: string }>(
      ctx.db,
      sql`select to_char(date_trunc('month', s.answered_at at time zone 'Asia/Shanghai'), 'YYYY-MM') as month, ${measures}
          from surveys s where ${filter} and s.answered_at is not null
            and s.answered_at >= (date_trunc('month', now() at time zone 'Asia/Shanghai') - make_interval(months => ${q.months - 1})) at time zone 'Asia/Shanghai'
          group by 1 order by 1`,
    ),
  ]);
  const m = all as M & { sent: number };
  return {
    accountId: q.accountId ?? null,
    sent: m.sent,
    answered: m.answered,
    csat: csat(m),
    nps: nps(m),
    promoters: m.promoters,
    passives: m.passives,
    detractors: m.detractors,
    trend: months.map((p) => ({ month: p.month, responses: p.answered, csat: csat(p), nps: nps(p) })),
  };
}

/** The timeline source for survey responses (for roles that read them): score, contact and comment, linking to the results. */
export const surveyTimelineSource = (accountId: string, user: Principal) =>
  sql`select 'survey' as kind, s.id::text as id, s.answered_at as at,
             ct.name || coalesce('：' || nullif(s.comment, ''), '') as title, s.kind as subtype,
             null::bigint as amount, s.sent_by as actor_id, u.display_name as actor_name,
             '/surveys?accountId=' || s.account_id as link, s.score::int as score
      from surveys s join contacts ct on ct.id = s.contact_id join users u on u.id = s.sent_by
      where s.account_id = ${accountId} and s.answered_at is not null
        and ${can(user, 'service.read') ? sql`true` : sql`false`}`;
