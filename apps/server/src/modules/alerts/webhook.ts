import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

export type WebhookKind = 'wecom' | 'dingtalk' | 'feishu';
export type PushItem = {
  severity: 'warning' | 'critical';
  account: string;
  rule: string;
  reason: string;
  link: string;
};
export type SendOutcome = {
  status: 'sent' | 'failed' | 'refused';
  attempts: number;
  httpStatus: number | null;
  error: string | null;
};

/** Addresses a webhook may not reach unless its host is allowed private: loopback, private, link-local, … */
const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, bits, 'ipv6');

export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return internal.check(mapped[1] as string, 'ipv4');
  return internal.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

export const RULE_LABELS: Record<string, string> = {
  churn_risk: '流失风险',
  revenue_drop: '收入同比下降',
  receivable_overdue: '应收逾期',
  sla_breached: '投诉超 SLA',
  no_contact: '决策人失联',
  channel_conflict: '渠道冲突',
};

const MAX_LINES = 10;

function lines(items: PushItem[], baseUrl: string): string[] {
  const shown = items.slice(0, MAX_LINES).map((i) => {
    const href = baseUrl ? `${baseUrl}${i.link}` : i.link;
    return `- ${i.severity === 'critical' ? '【严重】' : ''}**${i.account}** · ${RULE_LABELS[i.rule] ?? i.rule}：${i.reason}（[处理](${href})）`;
  });
  if (items.length > MAX_LINES) shown.push(`- 另有 ${items.length - MAX_LINES} 条，请在 kamap 预警中心查看`);
  return shown;
}

/** The request body (and URL) of a robot message in each platform's own format, signed where it signs. */
export function robotMessage(
  kind: WebhookKind,
  url: string,
  secret: string | null,
  title: string,
  items: PushItem[],
  baseUrl: string,
  now = Date.now(),
): { url: string; body: Record<string, unknown> } {
  const text = lines(items, baseUrl);
  switch (kind) {
    case 'wecom':
      return { url, body: { msgtype: 'markdown', markdown: { content: [`## ${title}`, ...text].join('\n') } } };
    case 'dingtalk': {
      const target = new URL(url);
      if (secret) {
        // https://open.dingtalk.com/document/robots/customize-robot-security-settings
        const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
        target.searchParams.set('timestamp', String(now));
        target.searchParams.set('sign', sign);
      }
      return {
        url: target.toString(),
        body: { msgtype: 'markdown', markdown: { title, text: [`### ${title}`, ...text].join('\n\n') } },
      };
    }
    case 'feishu': {
      const seconds = Math.floor(now / 1000);
      const content = [
        ...items.slice(0, MAX_LINES).map((i) => [
          {
            tag: 'text',
            text: `${i.severity === 'critical' ? '【严重】' : ''}${i.account} · ${RULE_LABELS[i.rule] ?? i.rule}：${i.reason} `,
          },
          { tag: 'a', text: '处理', href: baseUrl ? `${baseUrl}${i.link}` : i.link },
        ]),
        ...(items.length > MAX_LINES ? [[{ tag: 'text', text: `另有 ${items.length - MAX_LINES} 条` }]] : []),
      ];
      // https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot: HMAC-SHA256 keyed by "timestamp\nsecret" over ""
      const signature = secret
        ? {
            timestamp: String(seconds),
            sign: createHmac('sha256', `${seconds}\n${secret}`).update('').digest('base64'),
          }
        : {};
      return { url, body: { ...signature, msg_type: 'post', content: { post: { zh_cn: { title, content } } } } };
    }
  }
}

export type HostPolicy = (host: string) => Promise<{ allowPrivate: boolean } | undefined>;

/** Where a URL may be sent: refused unless its host is allowed and (without allowPrivate) every address is public. */
export async function vetUrl(
  url: string,
  policy: HostPolicy,
): Promise<{ ok: true; address: string; family: 4 | 6 } | { ok: false; error: string }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: 'not a URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, error: 'only http(s)' };
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = await policy(host);
  if (!allowed) return { ok: false, error: `host ${host} is not on the webhook allow-list` };
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (err) {
      return { ok: false, error: `cannot resolve ${host}: ${(err as Error).message}` };
    }
  }
  if (!addresses.length) return { ok: false, error: `${host} has no address` };
  const inside = addresses.find((a) => isInternalAddress(a.address));
  if (inside && !allowed.allowPrivate)
    return { ok: false, error: `${host} resolves to ${inside.address}, a private or loopback address` };
  const first = addresses[0] as { address: string; family: number };
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** One POST to the vetted address (so a DNS answer cannot change between the check and the connect). */
function post(url: string, address: string, family: 4 | 6, body: string): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
        timeout: 10_000,
        lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
          if (opts?.all) cb(null, [{ address, family }]);
          else cb(null, address, family);
        }) as never,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < 65_536) text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out after 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/** The robots answer 200 with an error code in the body when they refuse (bad signature, rate limit). */
function robotError(text: string): string | null {
  try {
    const body = JSON.parse(text) as {
      errcode?: number;
      errmsg?: string;
      code?: number;
      msg?: string;
      StatusCode?: number;
    };
    if (typeof body.errcode === 'number' && body.errcode !== 0) return `errcode ${body.errcode}: ${body.errmsg ?? ''}`;
    if (typeof body.code === 'number' && body.code !== 0) return `code ${body.code}: ${body.msg ?? ''}`;
    if (typeof body.StatusCode === 'number' && body.StatusCode !== 0) return `StatusCode ${body.StatusCode}`;
    return null;
  } catch {
    return null;
  }
}

/** Vets, then posts with up to `attempts` tries, waiting base, 2×base, 4×base … between them. */
export async function sendWebhook(
  message: { url: string; body: Record<string, unknown> },
  policy: HostPolicy,
  opts: { attempts?: number; baseDelayMs?: number } = {},
): Promise<SendOutcome> {
  const vetted = await vetUrl(message.url, policy);
  if (!vetted.ok) return { status: 'refused', attempts: 0, httpStatus: null, error: vetted.error };
  const attempts = opts.attempts ?? 4;
  const base = opts.baseDelayMs ?? 2_000;
  const payload = JSON.stringify(message.body);
  let last: SendOutcome = { status: 'failed', attempts: 0, httpStatus: null, error: null };
  for (let n = 1; n <= attempts; n++) {
    if (n > 1) await new Promise((r) => setTimeout(r, base * 2 ** (n - 2)));
    try {
      const res = await post(message.url, vetted.address, vetted.family, payload);
      const refusal = res.status >= 200 && res.status < 300 ? robotError(res.text) : `HTTP ${res.status}`;
      if (!refusal) return { status: 'sent', attempts: n, httpStatus: res.status, error: null };
      last = { status: 'failed', attempts: n, httpStatus: res.status, error: refusal };
    } catch (err) {
      last = { status: 'failed', attempts: n, httpStatus: null, error: (err as Error).message };
    }
  }
  return last;
}
