import { DEFAULT_CHURN_WEIGHTS, DEFAULT_TIER_CONFIG } from '@kamap/analytics';
import { AnalysisConfig, type AnalysisConfigVersion } from '@kamap/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertCan } from '../../platform/access/index.js';
import { audit } from '../../platform/audit/index.js';
import { type Ctx, withDb } from '../../platform/context.js';
import { type Db, isoTimestamp, rows } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { analysisConfigs } from './analytics.table.js';

/** DOMAIN.md, Formulas: the defaults every company starts from (version 1). */
export const DEFAULT_CONFIG: AnalysisConfig = {
  criteria: [
    { key: 'revenue_12m', weight: 30, normalisation: 'percentile' },
    { key: 'margin_12m', weight: 20, normalisation: 'percentile' },
    { key: 'revenue_growth', weight: 10, normalisation: 'percentile' },
    { key: 'potential', weight: 15, normalisation: 'percentile' },
    { key: 'market_influence', weight: 10, normalisation: 'rating' },
    { key: 'strategic_fit', weight: 10, normalisation: 'rating' },
    { key: 'payment_behaviour', weight: 5, normalisation: 'cap', cap: 1 },
  ],
  tier: { ...DEFAULT_TIER_CONFIG },
  abc: { metric: 'revenue', windowMonths: 12, aCutoff: 0.8, bCutoff: 0.95 },
  rfm: { windowMonths: 12 },
  clv: { horizonMonths: 36, annualDiscountRate: 0.1 },
  churn: { weights: { ...DEFAULT_CHURN_WEIGHTS }, alertThreshold: 50 },
};

type ConfigRow = {
  version: number;
  config: unknown;
  note: string | null;
  created_at: unknown;
  created_by: string | null;
  created_by_name: string | null;
};

function toVersion(r: ConfigRow): AnalysisConfigVersion {
  return {
    version: r.version,
    config: AnalysisConfig.parse(r.config),
    note: r.note,
    createdBy: r.created_by ? { id: r.created_by, displayName: r.created_by_name ?? '' } : null,
    createdAt: isoTimestamp(r.created_at),
  };
}

const selectVersions = sql`
  select c.version, c.config, c.note, c.created_at, c.created_by, u.display_name as created_by_name
    from analysis_configs c left join users u on u.id = c.created_by`;

/** The current configuration; the defaults are stored as version 1 the first time anyone asks. */
export async function currentConfig(db: Db): Promise<AnalysisConfigVersion> {
  const [latest] = await rows<ConfigRow>(db, sql`${selectVersions} order by c.version desc limit 1`);
  if (latest) return toVersion(latest);
  await db.insert(analysisConfigs).values({ version: 1, config: DEFAULT_CONFIG, note: null }).onConflictDoNothing();
  return currentConfig(db);
}

export async function getConfig(ctx: Ctx): Promise<AnalysisConfigVersion> {
  assertCan(ctx.user, 'analytics.read');
  return currentConfig(ctx.db);
}

export async function listConfigVersions(ctx: Ctx): Promise<{ items: AnalysisConfigVersion[] }> {
  assertCan(ctx.user, 'analytics.read');
  await currentConfig(ctx.db);
  const found = await rows<ConfigRow>(ctx.db, sql`${selectVersions} order by c.version desc limit 200`);
  return { items: found.map(toVersion) };
}

/** A new version; `basedOn` must be the current one, so two editors cannot silently overwrite each other. */
export async function saveConfig(
  ctx: Ctx,
  input: { config: z.infer<typeof AnalysisConfig>; note: string | null; basedOn: number },
): Promise<AnalysisConfigVersion> {
  assertCan(ctx.user, 'analytics.configure');
  const current = await currentConfig(ctx.db);
  if (input.basedOn !== current.version)
    throw new AppError(
      'stale_version',
      `The model configuration is at version ${current.version}; you edited version ${input.basedOn}`,
    );
  const version = current.version + 1;
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(analysisConfigs)
      .values({ version, config: input.config, note: input.note, createdBy: ctx.user.id });
    await audit(withDb(ctx, tx), 'analytics.config_save', 'analysis_config', String(version), { note: input.note });
  });
  const [saved] = await rows<ConfigRow>(ctx.db, sql`${selectVersions} where c.version = ${version}`);
  return toVersion(saved as ConfigRow);
}

export async function configVersion(db: Db, version: number): Promise<AnalysisConfig> {
  const [row] = await db.select().from(analysisConfigs).where(sql`${analysisConfigs.version} = ${version}`);
  if (!row) throw AppError.notFound(`Model configuration version ${version}`);
  return AnalysisConfig.parse(row.config);
}
