import type { AttentionItem } from '@kamap/contracts';
import { useTranslation } from 'react-i18next';
import type { AlertRuleValue } from '../../app/api/types';

type Reason = AttentionItem['reasons'][number];

/** One reason in words: the alert's rule, the churn score, or how many things are overdue. */
export function useReasonText() {
  const { t } = useTranslation();
  return (r: Reason) => {
    switch (r.kind) {
      case 'alert':
        return t('map.reason.alert', {
          rule: t(`enum.alertRule.${r.rule as AlertRuleValue}`),
          severity: t(`map.severity.${r.severity ?? 'warning'}`),
        });
      case 'churn':
        return t('map.reason.churn', { risk: r.value });
      default:
        return t(`map.reason.${r.kind}`, { count: r.value });
    }
  };
}
