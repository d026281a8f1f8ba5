import { and, eq, isNull, sql } from 'drizzle-orm';
import { accountIdInScope } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { newToken, sha256 } from '../../platform/auth/tokens.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoDate, one, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { todayInChina } from '../../platform/today.js';
import { principalById } from '../users/index.js';
import { calendarTokens } from './tasks.table.js';

const view = (t: typeof calendarTokens.$inferSelect) => ({
  id: t.id,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  revokedAt: t.revokedAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

export const feedPath = (token: string) => `/api/v1/calendar/${token}.ics`;

/** A new feed secret: 256 random bits, shown once; only its hash is stored. */
export async function createCalendarToken(ctx: Ctx, days: number) {
  if (ctx.user.tokenScopes) throw new AppError('forbidden', 'An API token cannot create calendar feeds');
  const token = newToken('kcal_');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calendarTokens)
      .values({
        userId: ctx.user.id,
        prefix: token.slice(0, 10),
        tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + days * 86_400_000),
      })
      .returning();
    await audit(withDb(ctx, tx), 'calendar_token.create', 'user', ctx.user.id, { tokenId: row!.id, days });
    return { ...view(row!), token, path: feedPath(token) };
  });
}

export async function listCalendarTokens(ctx: Ctx) {
  const all = await ctx.db
    .select()
    .from(calendarTokens)
    .where(eq(calendarTokens.userId, ctx.user.id))
    .orderBy(sql`${calendarTokens.createdAt} desc`);
  return { items: all.map(view) };
}

export async function revokeCalendarToken(ctx: Ctx, id: string) {
  const done = await ctx.db
    .update(calendarTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(calendarTokens.id, id), eq(calendarTokens.userId, ctx.user.id), isNull(calendarTokens.revokedAt)))
    .returning({ id: calendarTokens.id });
  if (!done.length) throw AppError.notFound('Calendar feed');
  await audit(ctx, 'calendar_token.revoke', 'user', ctx.user.id, { tokenId: id });
}

/** RFC 5545 text: escape, and fold lines longer than 75 octets. */
function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}
const basic = (iso: string) => iso.replace(/-/g, '');

/** Requests a feed token may make per hour: calendar apps poll every 15–60 minutes, far below this. */
export const FEED_REQUESTS_PER_HOUR = 60;

/** Counts a request against the token's hourly window (one atomic update); 429 with Retry-After once spent. */
async function countFeedRequest(db: Db, tokenId: string) {
  const fresh = sql`window_started_at is null or window_started_at <= now() - interval '1 hour'`;
  const counted = await one<{ hits: number; retry_after: number }>(
    db,
    sql`update calendar_tokens set last_used_at = now(),
          window_started_at = case when ${fresh} then now() else window_started_at end,
          window_hits = case when ${fresh} then 1 else window_hits + 1 end
        where id = ${tokenId}
        returning window_hits as hits,
          ceil(extract(epoch from window_started_at + interval '1 hour' - now()))::int as retry_after`,
  );
  if (counted && counted.hits > FEED_REQUESTS_PER_HOUR)
    throw new AppError(
      'too_many_requests',
      `This calendar feed was fetched more than ${FEED_REQUESTS_PER_HOUR} times in an hour; try again later`,
      undefined,
      { 'retry-after': String(Math.max(1, counted.retry_after)) },
    );
}

/**
 * The ICS feed behind a token: the owner's open and snoozed tasks in its current scope (from 30 days
 * back), as all-day events. An unknown, revoked or expired token, or a disabled user, is a 404.
 */
export async function calendarFeed(db: Db, token: string): Promise<string> {
  const found = await one<{ id: string; user_id: string }>(
    db,
    sql`select id, user_id from calendar_tokens where token_hash = ${sha256(token)}
        and revoked_at is null and expires_at > now()`,
  );
  const user = found ? await principalById(db, found.user_id) : undefined;
  if (!found || !user) throw AppError.notFound('Calendar feed');
  await countFeedRequest(db, found.id);
  const items = await rows<{
    id: string;
    title: string;
    suggested_action: string | null;
    account_name: string;
    day: unknown;
    updated_at: unknown;
  }>(
    db,
    sql`select t.id, t.title, t.suggested_action, a.name as account_name,
               coalesce(t.snoozed_until, t.due_date) as day, t.updated_at
        from tasks t join accounts a on a.id = t.account_id
        where t.owner_id = ${user.id} and t.status in ('open', 'snoozed') and t.archived_at is null
          and coalesce(t.snoozed_until, t.due_date) >= ${todayInChina()}::date - 30
          and ${accountIdInScope(user, sql`t.account_id`)}
        order by day, t.id limit 2000`,
  );
  const stamp = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//kamap//tasks//ZH',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:kamap',
  ];
  for (const t of items) {
    const day = isoDate(t.day);
    const next = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${t.id}@kamap`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basic(day)}`,
      `DTEND;VALUE=DATE:${basic(next)}`,
      `SUMMARY:${icsText(`${t.title} · ${t.account_name}`)}`,
      ...(t.suggested_action ? [`DESCRIPTION:${icsText(t.suggested_action)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
