import { resolve } from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
  demo: boolean;
  sessionDays: number;
  secureCookies: boolean;
  logLevel: string;
  webDist: string | undefined;
  /** When the nightly analysis runs (cron, server-local time); `off` disables it. */
  analysisCron: string | null;
  /** When alerts are evaluated and new ones pushed to webhooks; `off` disables it. */
  alertsCron: string | null;
  /** When the daily alert digest e-mail goes out; `off` disables it. */
  digestCron: string | null;
  /** Outgoing e-mail: `smtp://user:pass@host:587` or `smtps://…:465`; no digest without it. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** The address users reach kamap at, for links in e-mails, robot messages and survey links. */
  publicUrl: string;
  /** When the daily care job creates care tasks (cron, server-local time); `off` disables it. */
  careCron: string | null;
};

const cron = (value: string | undefined, fallback: string) => (value === 'off' ? null : value || fallback);

/** Every environment variable kamap reads, in one place; the README lists them. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.KAMAP_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    demo: env.KAMAP_DEMO === '1' || env.KAMAP_DEMO === 'true',
    sessionDays: Number(env.KAMAP_SESSION_DAYS ?? 7),
    secureCookies: env.KAMAP_SECURE_COOKIES === '1' || env.KAMAP_SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: env.KAMAP_WEB_DIST || undefined,
    analysisCron: cron(env.KAMAP_ANALYSIS_CRON, '0 2 * * *'),
    alertsCron: cron(env.KAMAP_ALERTS_CRON, '*/15 * * * *'),
    digestCron: cron(env.KAMAP_DIGEST_CRON, '0 8 * * *'),
    smtpUrl: env.KAMAP_SMTP_URL || undefined,
    smtpFrom: env.KAMAP_SMTP_FROM || 'kamap <kamap@localhost>',
    publicUrl: (env.KAMAP_PUBLIC_URL ?? '').replace(/\/+$/, ''),
    careCron: cron(env.KAMAP_CARE_CRON, '30 5 * * *'),
    ...overrides,
  };
}
