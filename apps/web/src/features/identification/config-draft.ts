import { AnalysisConfig, ChurnReasonCode, CriterionKey } from '@kamap/contracts';
import type { AnalysisConfigData, CriterionKeyValue } from '../../app/api/types';

/**
 * The model editor works on a draft that lists every criterion (a criterion the model does not use
 * has weight 0), so switching one on is typing a weight; what is saved leaves the unused ones out.
 */

type Criterion = AnalysisConfigData['criteria'][number];
export type Normalisation = Criterion['normalisation'];

/** What a criterion's raw value is, which decides how its cap is typed and shown. */
export type CriterionUnit = 'money' | 'ratio' | 'rating';

export const criterionUnit: Record<CriterionKeyValue, CriterionUnit> = {
  revenue_12m: 'money',
  margin_12m: 'money',
  revenue_growth: 'ratio',
  potential: 'money',
  market_influence: 'rating',
  strategic_fit: 'rating',
  payment_behaviour: 'ratio',
};

/** Ratings 1–5 map linearly; everything else ranks by percentile unless capped. */
export const defaultCriterion = (key: CriterionKeyValue): Criterion =>
  criterionUnit[key] === 'rating'
    ? { key, weight: 0, normalisation: 'rating' }
    : { key, weight: 0, normalisation: 'percentile' };

export function toDraft(config: AnalysisConfigData): AnalysisConfigData {
  return {
    ...config,
    criteria: CriterionKey.options.map((key) => {
      const found = config.criteria.find((c) => c.key === key);
      return found ? { ...found } : defaultCriterion(key);
    }),
    churn: {
      ...config.churn,
      weights: Object.fromEntries(
        ChurnReasonCode.options.map((code) => [code, config.churn.weights[code] ?? 0]),
      ) as AnalysisConfigData['churn']['weights'],
    },
  };
}

/** The configuration to send: criteria with a weight only, a cap only where it is used. */
export function fromDraft(draft: AnalysisConfigData): AnalysisConfigData {
  return {
    ...draft,
    criteria: draft.criteria
      .filter((c) => c.weight > 0)
      .map(({ cap, ...c }) => (c.normalisation === 'cap' ? { ...c, cap } : c)),
  };
}

/** Sums as the user reads them: 99.999999 from float steps is 100. */
export const weightSum = (weights: readonly number[]) =>
  Math.round(weights.reduce((s, w) => s + (Number.isFinite(w) ? w : 0), 0) * 1e6) / 1e6;

export const criteriaWeightSum = (draft: AnalysisConfigData) => weightSum(draft.criteria.map((c) => c.weight));
export const churnWeightSum = (draft: AnalysisConfigData) => weightSum(Object.values(draft.churn.weights));

export type ConfigIssue =
  | { path: 'criteria'; code: 'weightSum'; sum: number }
  | { path: `criteria.${CriterionKeyValue}`; code: 'capMissing' }
  | { path: 'tier.coreMin'; code: 'tierOrder' }
  | { path: 'tier.coreShare'; code: 'shareSum' }
  | { path: 'abc.aCutoff'; code: 'abcOrder' }
  | { path: 'churn.weights'; code: 'weightSum'; sum: number }
  | { path: string; code: 'invalid'; message: string };

/**
 * Everything that would make the server refuse the draft, each where the editor shows it; the
 * contract's own schema catches whatever the named checks do not.
 */
export function configIssues(draft: AnalysisConfigData): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const sum = criteriaWeightSum(draft);
  if (Math.abs(sum - 100) > 1e-6) issues.push({ path: 'criteria', code: 'weightSum', sum });
  for (const c of draft.criteria) {
    if (c.weight > 0 && c.normalisation === 'cap' && !(c.cap !== undefined && c.cap > 0)) {
      issues.push({ path: `criteria.${c.key}` as const, code: 'capMissing' });
    }
  }
  if (draft.tier.coreMin > draft.tier.strategicMin) issues.push({ path: 'tier.coreMin', code: 'tierOrder' });
  if (draft.tier.strategicShare + draft.tier.coreShare > 1 + 1e-9) {
    issues.push({ path: 'tier.coreShare', code: 'shareSum' });
  }
  if (draft.abc.aCutoff >= draft.abc.bCutoff) issues.push({ path: 'abc.aCutoff', code: 'abcOrder' });
  const churn = churnWeightSum(draft);
  if (Math.abs(churn - 100) > 1e-6) issues.push({ path: 'churn.weights', code: 'weightSum', sum: churn });
  if (issues.length > 0) return issues;

  const parsed = AnalysisConfig.safeParse(fromDraft(draft));
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: 'invalid', message: i.message }));
}

/** Whether two configurations score the same way (criteria order and unused criteria do not matter). */
export function sameConfig(a: AnalysisConfigData, b: AnalysisConfigData): boolean {
  return canonical(a) === canonical(b);
}

function canonical(config: AnalysisConfigData): string {
  const c = fromDraft(toDraft(config));
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([x], [y]) => (x < y ? -1 : 1))
          .map(([k, v]) => [k, sorted(v)]),
      );
    }
    return value;
  };
  return JSON.stringify(sorted(c));
}
