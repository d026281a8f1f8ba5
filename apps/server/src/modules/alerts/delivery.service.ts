import type { CreateAllowedHost, CreateWebhookTarget, DeliveryListQuery, UpdateWebhookTarget } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { z } from 'zod';
import { accountIdInScope, assertCan, can } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoTimestamp, one, pgArray, rows } from '../../platform/db/index.js';
import { versionedUpdate } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import { principalsWithEmail } from '../users/index.js';
import { alertDeliveries, webhookAllowedHosts, webhookTargets } from './alerts.table.js';
import { type HostPolicy, type PushItem, RULE_LABELS, robotMessage, type SendOutcome, sendWebhook } from './webhook.js';

export type DeliveryOptions = {
  /** Base of links in messages (KAMAP_PUBLIC_URL); relative links without it. */
  publicUrl?: string;
  smtp?: { url: string; from: string };
  attempts?: number;
  baseDelayMs?: number;
};

type TargetRow = {
  id: string;
  name: string;
  kind: 'wecom' | 'dingtalk' | 'feishu';
  url: string;
  secret: string | null;
  min_severity: 'warning' | 'critical';
  enabled: boolean;
  version: number;
  created_at: unknown;
};

const toTarget = (r: TargetRow) => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  url: maskUrl(r.url),
  hasSecret: Boolean(r.secret),
  minSeverity: r.min_severity,
  enabled: r.enabled,
  version: r.version,
  createdAt: isoTimestamp(r.created_at),
});

/** Robot URLs carry their access key in the query: show the host and path only. */
function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '…';
  }
}

const hostPolicy =
  (db: Db): HostPolicy =>
  async (host) =>
    one<{ allowPrivate: boolean }>(
      db,
      sql`select allow_private as "allowPrivate" from webhook_allowed_hosts where host = ${host}`,
    );

async function assertHostAllowed(db: Db, url: string, path: string) {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!(await hostPolicy(db)(host))) throw AppError.invalid(path, `host ${host} is not on the webhook allow-list`);
}

export async function listTargets(ctx: Ctx) {
  assertCan(ctx.user, 'alert.configure');
  const found = await rows<TargetRow>(
    ctx.db,
    sql`select * from webhook_targets where archived_at is null order by created_at, id`,
  );
  return { items: found.map(toTarget) };
}

async function getTarget(ctx: Ctx, id: string) {
  const r = await one<TargetRow>(ctx.db, sql`select * from webhook_targets where id = ${id} and archived_at is null`);
  if (!r) throw AppError.notFound('Webhook target');
  return r;
}

export async function createTarget(ctx: Ctx, input: z.infer<typeof CreateWebhookTarget>) {
  assertCan(ctx.user, 'alert.configure');
  await assertHostAllowed(ctx.db, input.url, 'body.url');
  if (input.kind === 'dingtalk' && !input.secret)
    throw AppError.invalid('body.secret', 'DingTalk robots sign with a secret (加签); give it');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookTargets)
      .values({ ...input, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning({ id: webhookTargets.id });
    await audit(withDb(ctx, tx), 'webhook.create', 'webhook_target', row!.id, {
      kind: input.kind,
      host: new URL(input.url).host,
    });
    return row!.id;
  });
  return toTarget(await getTarget(ctx, id));
}

export async function updateTarget(ctx: Ctx, id: string, input: z.infer<typeof UpdateWebhookTarget>) {
  assertCan(ctx.user, 'alert.configure');
  await getTarget(ctx, id);
  if (input.url) await assertHostAllowed(ctx.db, input.url, 'body.url');
  const { version, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, webhookTargets, 'Webhook target', id, version, fields);
    await audit(withDb(ctx, tx), 'webhook.update', 'webhook_target', id, { fields: Object.keys(fields) });
  });
  return toTarget(await getTarget(ctx, id));
}

export async function archiveTarget(ctx: Ctx, id: string, version: number) {
  assertCan(ctx.user, 'alert.configure');
  await getTarget(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await versionedUpdate(tx, ctx, webhookTargets, 'Webhook target', id, version, { archivedAt: new Date() });
    await audit(withDb(ctx, tx), 'webhook.archive', 'webhook_target', id);
  });
}

export async function listAllowedHosts(ctx: Ctx) {
  assertCan(ctx.user, 'alert.configure');
  const found = await rows<{ host: string; allow_private: boolean; created_at: unknown }>(
    ctx.db,
    sql`select * from webhook_allowed_hosts order by host`,
  );
  return {
    items: found.map((h) => ({ host: h.host, allowPrivate: h.allow_private, createdAt: isoTimestamp(h.created_at) })),
  };
}

export async function addAllowedHost(ctx: Ctx, input: z.infer<typeof CreateAllowedHost>) {
  assertCan(ctx.user, 'alert.configure');
  const host = input.host.replace(/^\[|\]$/g, '');
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(webhookAllowedHosts)
      .values({ host, allowPrivate: input.allowPrivate, createdBy: ctx.user.id })
      .onConflictDoUpdate({ target: webhookAllowedHosts.host, set: { allowPrivate: input.allowPrivate } });
    await audit(withDb(ctx, tx), 'webhook.allow_host', 'webhook_allowed_hosts', null, {
      host,
      allowPrivate: input.allowPrivate,
    });
  });
  return listAllowedHosts(ctx);
}

export async function removeAllowedHost(ctx: Ctx, host: string) {
  assertCan(ctx.user, 'alert.configure');
  await ctx.db.transaction(async (tx) => {
    const gone = await rows<{ host: string }>(
      tx,
      sql`delete from webhook_allowed_hosts where host = ${host.toLowerCase()} returning host`,
    );
    if (!gone.length) throw AppError.notFound('Allowed host');
    await audit(withDb(ctx, tx), 'webhook.disallow_host', 'webhook_allowed_hosts', null, { host });
  });
}

type DeliveryRow = {
  id: number;
  channel: 'webhook' | 'email';
  target: string;
  status: 'sent' | 'failed' | 'refused';
  attempts: number;
  alert_ids: string[];
  http_status: number | null;
  error: string | null;
  at: unknown;
};

const toDelivery = (r: DeliveryRow) => ({
  id: Number(r.id),
  channel: r.channel,
  target: r.target,
  status: r.status,
  attempts: r.attempts,
  alerts: r.alert_ids.length,
  httpStatus: r.http_status,
  error: r.error,
  at: isoTimestamp(r.at),
});

export async function listDeliveries(ctx: Ctx, q: z.infer<typeof DeliveryListQuery>) {
  assertCan(ctx.user, 'alert.configure');
  const before = q.cursor ? Number(q.cursor) : null;
  if (before !== null && !Number.isInteger(before)) throw AppError.invalid('querystring.cursor', 'not a cursor');
  const found = await rows<DeliveryRow>(
    ctx.db,
    sql`select * from alert_deliveries where ${before === null ? sql`true` : sql`id < ${before}`}
          ${q.status ? sql`and status = ${q.status}` : sql``}
        order by id desc limit ${q.limit + 1}`,
  );
  const more = found.length > q.limit;
  const items = (more ? found.slice(0, q.limit) : found).map(toDelivery);
  return { items, nextCursor: more ? String(items.at(-1)?.id) : null };
}

async function logDelivery(
  db: Db,
  channel: 'webhook' | 'email',
  target: string,
  targetId: string | null,
  alertIds: string[],
  outcome: SendOutcome,
) {
  const [row] = await db
    .insert(alertDeliveries)
    .values({
      channel,
      target,
      targetId,
      status: outcome.status,
      attempts: outcome.attempts,
      alertIds,
      httpStatus: outcome.httpStatus,
      error: outcome.error,
    })
    .returning();
  return toDelivery({
    id: row!.id,
    channel,
    target,
    status: outcome.status,
    attempts: outcome.attempts,
    alert_ids: alertIds,
    http_status: outcome.httpStatus,
    error: outcome.error,
    at: row!.at,
  });
}

/** Sends a sample message to one target now (admin), so a new robot can be checked; logged like any push. */
export async function testTarget(ctx: Ctx, id: string, opts: DeliveryOptions) {
  assertCan(ctx.user, 'alert.configure');
  const t = await getTarget(ctx, id);
  const sample: PushItem[] = [
    { severity: 'warning', account: '示例客户', rule: 'churn_risk', reason: '这是一条测试消息', link: '/alerts' },
  ];
  const outcome = await sendWebhook(
    robotMessage(t.kind, t.url, t.secret, 'kamap 预警测试', sample, opts.publicUrl ?? ''),
    hostPolicy(ctx.db),
    opts,
  );
  return { delivery: await logDelivery(ctx.db, 'webhook', t.name, t.id, [], outcome) };
}

/**
 * Pushes open alerts no robot has heard of yet to every enabled target (each with the severities it
 * wants), then marks them pushed whatever the outcome: the delivery log keeps failures, and a robot
 * is not flooded with the same alerts every quarter hour.
 */
export async function pushNewAlerts(db: Db, opts: DeliveryOptions = {}) {
  const fresh = await rows<{
    id: string;
    severity: 'warning' | 'critical';
    account: string;
    rule: string;
    reason: string;
    link: string;
  }>(
    db,
    sql`select al.id, al.severity, a.name as account, al.rule, al.reason, al.link
        from alerts al join accounts a on a.id = al.account_id
        where al.status = 'open' and al.pushed_at is null
        order by al.severity = 'critical' desc, al.first_seen_at, al.id`,
  );
  if (!fresh.length) return [];
  const targets = await rows<TargetRow>(
    db,
    sql`select * from webhook_targets where enabled and archived_at is null order by created_at`,
  );
  const out = [];
  for (const t of targets) {
    const items = fresh.filter((a) => t.min_severity === 'warning' || a.severity === 'critical');
    if (!items.length) continue;
    const title = `kamap 预警：${items.length} 条新预警`;
    const outcome = await sendWebhook(
      robotMessage(t.kind, t.url, t.secret, title, items, opts.publicUrl ?? ''),
      hostPolicy(db),
      opts,
    );
    out.push(
      await logDelivery(
        db,
        'webhook',
        t.name,
        t.id,
        items.map((i) => i.id),
        outcome,
      ),
    );
  }
  await db.execute(sql`update alerts set pushed_at = now() where id = any(${pgArray(fresh.map((a) => a.id))}::uuid[])`);
  return out;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The daily digest: to every user with an e-mail address who reads alerts, the active alerts in their
 * scope (newest first, at most 50), new ones of the last day marked. Users with none get nothing.
 */
export async function sendDigests(db: Db, opts: DeliveryOptions) {
  if (!opts.smtp) return [];
  const transport = nodemailer.createTransport(opts.smtp.url);
  const out = [];
  try {
    for (const user of await principalsWithEmail(db)) {
      if (!can(user, 'alert.read')) continue;
      const found = await rows<{
        id: string;
        account: string;
        rule: string;
        reason: string;
        link: string;
        severity: string;
        fresh: boolean;
      }>(
        db,
        sql`select al.id, a.name as account, al.rule, al.reason, al.link, al.severity, al.first_seen_at > now() - interval '1 day' as fresh
            from alerts al join accounts a on a.id = al.account_id
            where al.status in ('open', 'acknowledged') and ${accountIdInScope(user, sql`al.account_id`)}
            order by al.severity = 'critical' desc, al.last_seen_at desc, al.id limit 50`,
      );
      if (!found.length) continue;
      const fresh = found.filter((a) => a.fresh).length;
      const href = (link: string) => `${opts.publicUrl ?? ''}${link}`;
      const label = (a: (typeof found)[number]) =>
        `${a.severity === 'critical' ? '【严重】' : ''}${a.account} · ${RULE_LABELS[a.rule] ?? a.rule}：${a.reason}`;
      let outcome: SendOutcome;
      try {
        await transport.sendMail({
          from: opts.smtp.from,
          to: user.email,
          subject: `kamap 每日预警摘要：${found.length} 条待处理${fresh ? `，${fresh} 条新增` : ''}`,
          text: [
            `${user.displayName}，您好：`,
            '',
            ...found.map((a) => `${a.fresh ? '[新] ' : ''}${label(a)}\n  ${href(a.link)}`),
            '',
            `预警中心：${href('/alerts')}`,
          ].join('\n'),
          html: `<p>${escapeHtml(user.displayName)}，您好：</p><ul>${found
            .map(
              (a) =>
                `<li>${a.fresh ? '<b>[新]</b> ' : ''}${escapeHtml(label(a))} <a href="${escapeHtml(href(a.link))}">处理</a></li>`,
            )
            .join('')}</ul><p><a href="${escapeHtml(href('/alerts'))}">预警中心</a></p>`,
        });
        outcome = { status: 'sent', attempts: 1, httpStatus: null, error: null };
      } catch (err) {
        outcome = { status: 'failed', attempts: 1, httpStatus: null, error: (err as Error).message };
      }
      out.push(
        await logDelivery(
          db,
          'email',
          `user:${user.username}`,
          null,
          found.map((a) => a.id),
          outcome,
        ),
      );
    }
  } finally {
    transport.close();
  }
  return out;
}
