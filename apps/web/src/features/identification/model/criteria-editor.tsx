import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { Flex, InputNumber, Select, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalysisConfigData, CriterionKeyValue } from '../../../app/api/types';
import { fenToYuan, formatCount, yuanToFen } from '../../../ui/format';
import { type ConfigIssue, criteriaWeightSum, criterionUnit, type Normalisation } from '../config-draft';
import { criterionColor } from '../tags';
import styles from './model.module.css';

type Criterion = AnalysisConfigData['criteria'][number];

const normalisations = (key: CriterionKeyValue): Normalisation[] =>
  criterionUnit[key] === 'rating' ? ['rating', 'percentile'] : ['percentile', 'cap'];

function CapInput({
  criterion,
  disabled,
  invalid,
  onChange,
}: {
  criterion: Criterion;
  disabled: boolean;
  invalid: boolean;
  onChange: (cap: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const unit = criterionUnit[criterion.key];
  const status = invalid ? ('error' as const) : undefined;
  if (unit === 'money') {
    return (
      <InputNumber<number>
        value={criterion.cap === undefined ? null : fenToYuan(criterion.cap)}
        onChange={(v) => onChange(v === null ? undefined : yuanToFen(v))}
        min={1}
        step={100_000}
        disabled={disabled}
        status={status}
        prefix="¥"
        formatter={(v) => (v === undefined ? '' : formatCount(Number(v)))}
        parser={(v) => Number((v ?? '').replace(/[^\d.]/g, ''))}
        placeholder={t('model.capMoney')}
        style={{ width: '100%' }}
      />
    );
  }
  return (
    <InputNumber<number>
      value={criterion.cap === undefined ? null : Math.round(criterion.cap * 1000) / 10}
      onChange={(v) => onChange(v === null ? undefined : v / 100)}
      min={0.1}
      max={1000}
      disabled={disabled}
      status={status}
      suffix="%"
      placeholder={t('model.capRatio')}
      style={{ width: '100%' }}
    />
  );
}

/** Weights (summing to 100, the running sum in view), normalisation and cap of each criterion. */
export function CriteriaEditor({
  draft,
  issues,
  disabled,
  onChange,
}: {
  draft: AnalysisConfigData;
  issues: ConfigIssue[];
  disabled: boolean;
  onChange: (criteria: Criterion[]) => void;
}) {
  const { t } = useTranslation();
  const sum = criteriaWeightSum(draft);
  const ok = Math.abs(sum - 100) < 1e-6;
  const set = (key: CriterionKeyValue, patch: Partial<Criterion>) =>
    onChange(draft.criteria.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const capMissing = new Set(issues.filter((i) => i.code === 'capMissing').map((i) => i.path));

  return (
    <Flex vertical gap={12}>
      <div>
        <div className={styles.weightBar} role="img" aria-label={t('model.weightSum', { sum })}>
          {draft.criteria
            .filter((c) => c.weight > 0)
            .map((c) => (
              <Tooltip key={c.key} title={`${t(`enum.criterion.${c.key}`)} ${c.weight}`}>
                <span style={{ flexGrow: c.weight, background: criterionColor[c.key] }}>
                  {c.weight >= 8 ? c.weight : ''}
                </span>
              </Tooltip>
            ))}
          {sum < 100 && <span className={styles.weightGap} style={{ flexGrow: 100 - sum }} />}
        </div>
        <Flex justify="space-between" style={{ marginTop: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('model.weightsHint')}
          </Typography.Text>
          <Typography.Text type={ok ? 'success' : 'danger'} strong className="kamap-num">
            {ok ? <CheckCircleFilled /> : <WarningFilled />}{' '}
            {t('model.weightSum', { sum: Math.round(sum * 100) / 100 })}
          </Typography.Text>
        </Flex>
      </div>
      <Table<Criterion>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={draft.criteria}
        rowClassName={(c) => (c.weight > 0 ? '' : (styles.unused ?? ''))}
        columns={[
          {
            title: t('model.criterion'),
            key: 'criterion',
            render: (_, c) => (
              <Flex align="center" gap={8}>
                <span className={styles.swatch} style={{ background: criterionColor[c.key] }} />
                <Flex vertical>
                  <Typography.Text strong>{t(`enum.criterion.${c.key}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`model.criterionHint.${c.key}`)}
                  </Typography.Text>
                </Flex>
              </Flex>
            ),
          },
          {
            title: t('model.weight'),
            key: 'weight',
            width: 96,
            render: (_, c) => (
              <InputNumber<number>
                value={c.weight}
                onChange={(v) => set(c.key, { weight: v ?? 0 })}
                min={0}
                max={100}
                disabled={disabled}
                status={ok ? undefined : 'warning'}
                style={{ width: 80 }}
                aria-label={`${t('model.weight')} ${t(`enum.criterion.${c.key}`)}`}
              />
            ),
          },
          {
            title: t('model.normalisation'),
            key: 'normalisation',
            width: 150,
            render: (_, c) => (
              <Select<Normalisation>
                value={c.normalisation}
                onChange={(normalisation) =>
                  set(c.key, {
                    normalisation,
                    cap:
                      normalisation === 'cap' ? (c.cap ?? (criterionUnit[c.key] === 'ratio' ? 1 : undefined)) : c.cap,
                  })
                }
                disabled={disabled || c.weight === 0}
                style={{ width: 136 }}
                options={normalisations(c.key).map((n) => ({ value: n, label: t(`enum.normalisation.${n}`) }))}
              />
            ),
          },
          {
            title: t('model.cap'),
            key: 'cap',
            width: 170,
            render: (_, c) =>
              c.normalisation === 'cap' ? (
                <CapInput
                  criterion={c}
                  disabled={disabled || c.weight === 0}
                  invalid={capMissing.has(`criteria.${c.key}`)}
                  onChange={(cap) => set(c.key, { cap })}
                />
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
    </Flex>
  );
}
