import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatMoneyShort, formatPercent } from '../../ui/format';
import { periodOptions } from './period';
import type { KpiDefinitionData } from './types';

export type KpiStatusValue = 'green' | 'amber' | 'red' | 'none';
const colours: Record<KpiStatusValue, string> = { green: 'success', amber: 'warning', red: 'error', none: 'default' };

/** The status colour of an actual against its target, with its word (never colour alone). */
export function StatusTag({ status }: { status: KpiStatusValue }) {
  const { t } = useTranslation();
  return <Tag color={colours[status]}>{t(`perf.status.${status}`)}</Tag>;
}

/** A KPI value in its unit: money in ¥, ratios as %, scores to two decimals, counts whole. */
export function formatKpiValue(
  unit: KpiDefinitionData['unit'],
  value: number | null | undefined,
  /** in tight table cells: money as ¥1,234.5万 in this language */
  shortIn?: string,
): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'money') return shortIn ? formatMoneyShort(Math.round(value), shortIn) : formatMoney(Math.round(value));
  if (unit === 'ratio') return formatPercent(value);
  if (unit === 'score') return value.toFixed(2);
  return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** A KPI's name: built-in ones in the UI language, custom ones as their author named them. */
export function useKpiName() {
  const { t } = useTranslation();
  return (kpi: { kind: KpiDefinitionData['kind']; name: string; builtIn: boolean }): string =>
    kpi.builtIn ? t(`perf.kind.${kpi.kind}`) : kpi.name;
}

export function PeriodSelect({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      value={value}
      onChange={onChange}
      style={{ width: 140 }}
      aria-label={t('perf.period')}
      options={periodOptions().map((p) => ({ value: p, label: p }))}
    />
  );
}
