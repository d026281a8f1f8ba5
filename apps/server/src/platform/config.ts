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
  /** When the daily care job creates care tasks (cron, server-local time); `off` disables it. */
  careCron: string | null;
};

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
    analysisCron: env.KAMAP_ANALYSIS_CRON === 'off' ? null : (env.KAMAP_ANALYSIS_CRON ?? '0 2 * * *'),
    careCron: env.KAMAP_CARE_CRON === 'off' ? null : (env.KAMAP_CARE_CRON ?? '30 5 * * *'),
    ...overrides,
  };
}
