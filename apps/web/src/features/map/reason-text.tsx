import type { AttentionItem } from '@kamap/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AlertRuleValue } from '../../app/api/types';
import { explainAlert } from '../alerts/explain';

type Reason = AttentionItem['reasons'][number];

/** The live figure an alert rule is raised on: shown once, inside the alert's tag, rather than twice. */
const figureOfRule: Partial<Record<string, Reason['kind']>> = {
  churn_risk: 'churn',
  sla_breached: 'complaint_breached',
};

/**
 * The reasons in words, one tag each: an alert's rule and severity, the churn score, how many things are
 * overdue. Where an alert stands on a live figure that is also a reason (the churn score, the complaints
 * past SLA), the two make one tag: the figure with the alert's severity.
 */
export function useReasonTags() {
  const { t } = useTranslation();
  const figure = (r: Reason) =>
    r.kind === 'churn' ? t('map.reason.churn', { risk: r.value }) : t(`map.reason.${r.kind}`, { count: r.value });
  return (reasons: Reason[]) => {
    const merged = new Set<Reason['kind']>();
    for (const r of reasons) {
      const kind = r.kind === 'alert' && r.rule ? figureOfRule[r.rule] : undefined;
      if (kind && reasons.some((o) => o.kind === kind)) merged.add(kind);
    }
    return reasons
      .filter((r) => !merged.has(r.kind))
      .map((r) => {
        const severity = t(`map.severity.${r.severity ?? 'warning'}`);
        if (r.kind !== 'alert') return { reason: r, text: figure(r) };
        const live = r.rule ? reasons.find((o) => o.kind === figureOfRule[r.rule!]) : undefined;
        return {
          reason: r,
          text: live
            ? t('map.reason.alert', { rule: figure(live), severity })
            : t('map.reason.alert', { rule: t(`enum.alertRule.${r.rule as AlertRuleValue}`), severity }),
        };
      });
  };
}

/** Why an alert reason fired, in the reader's language; the other reasons say all there is in their tag. */
export function explainReason(r: Reason, t: TFunction): string | undefined {
  if (r.kind !== 'alert' || !r.rule || !r.tier || !r.data) return undefined;
  return explainAlert({ rule: r.rule, tier: r.tier, data: r.data }, t);
}
