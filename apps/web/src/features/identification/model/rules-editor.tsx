import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { ChurnReasonCode } from '@kamap/contracts';
import { Card, Col, Form, InputNumber, Row, Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisConfigData } from '../../../app/api/types';
import { type ConfigIssue, churnWeightSum } from '../config-draft';

type Patch = (update: (draft: AnalysisConfigData) => AnalysisConfigData) => void;

/** A share in [0, 1] typed as a percentage. */
function PercentInput({
  value,
  onChange,
  disabled,
  max = 100,
  width = 120,
}: {
  value: number;
  onChange: (ratio: number) => void;
  disabled: boolean;
  max?: number;
  width?: number;
}) {
  return (
    <InputNumber<number>
      value={Math.round(value * 10000) / 100}
      onChange={(v) => onChange((v ?? 0) / 100)}
      min={0}
      max={max}
      step={1}
      suffix="%"
      disabled={disabled}
      style={{ width }}
    />
  );
}

function IntInput({
  value,
  onChange,
  disabled,
  min,
  max,
  suffix,
}: {
  value: number;
  onChange: (value: number) => void;
  disabled: boolean;
  min: number;
  max: number;
  suffix?: ReactNode;
}) {
  return (
    <InputNumber<number>
      value={value}
      onChange={(v) => onChange(Math.round(v ?? min))}
      min={min}
      max={max}
      precision={0}
      suffix={suffix}
      disabled={disabled}
      style={{ width: 120 }}
    />
  );
}

/** Where an issue of the draft is shown: under the field it names. */
function issueAt(issues: ConfigIssue[], path: string) {
  return issues.find((i) => i.path === path);
}

export function TierRules({ draft, issues, disabled, patch }: Rules) {
  const { t } = useTranslation();
  const tier = draft.tier;
  const set = (p: Partial<AnalysisConfigData['tier']>) => patch((d) => ({ ...d, tier: { ...d.tier, ...p } }));
  const order = issueAt(issues, 'tier.coreMin');
  const shares = issueAt(issues, 'tier.coreShare');
  return (
    <Card size="small" variant="borderless" title={t('model.tierTitle')}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('model.tierMode')} help={t(`model.tierModeHint.${tier.mode}`)}>
          <Segmented
            value={tier.mode}
            onChange={(mode) => set({ mode })}
            disabled={disabled}
            options={(['threshold', 'rank_share'] as const).map((m) => ({ value: m, label: t(`enum.tierMode.${m}`) }))}
          />
        </Form.Item>
        {tier.mode === 'threshold' ? (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={t('model.strategicMin')}>
                <IntInput
                  value={tier.strategicMin}
                  onChange={(strategicMin) => set({ strategicMin })}
                  min={0}
                  max={100}
                  disabled={disabled}
                  suffix={t('model.points')}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label={t('model.coreMin')}
                validateStatus={order ? 'error' : undefined}
                help={order ? t('model.issue.tierOrder') : undefined}
              >
                <IntInput
                  value={tier.coreMin}
                  onChange={(coreMin) => set({ coreMin })}
                  min={0}
                  max={100}
                  disabled={disabled}
                  suffix={t('model.points')}
                />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={t('model.strategicShare')}>
                <PercentInput
                  value={tier.strategicShare}
                  onChange={(strategicShare) => set({ strategicShare })}
                  disabled={disabled}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label={t('model.coreShare')}
                validateStatus={shares ? 'error' : undefined}
                help={shares ? t('model.issue.shareSum') : undefined}
              >
                <PercentInput value={tier.coreShare} onChange={(coreShare) => set({ coreShare })} disabled={disabled} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Card>
  );
}

type Rules = { draft: AnalysisConfigData; issues: ConfigIssue[]; disabled: boolean; patch: Patch };

export function AbcRules({ draft, issues, disabled, patch }: Rules) {
  const { t } = useTranslation();
  const abc = draft.abc;
  const set = (p: Partial<AnalysisConfigData['abc']>) => patch((d) => ({ ...d, abc: { ...d.abc, ...p } }));
  const order = issueAt(issues, 'abc.aCutoff');
  return (
    <Card size="small" variant="borderless" title={t('model.abcTitle')}>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label={t('model.abcMetric')}>
              <Segmented
                value={abc.metric}
                onChange={(metric) => set({ metric })}
                disabled={disabled}
                options={(['revenue', 'margin'] as const).map((m) => ({ value: m, label: t(`enum.abcMetric.${m}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('model.window')}>
              <IntInput
                value={abc.windowMonths}
                onChange={(windowMonths) => set({ windowMonths })}
                min={1}
                max={36}
                disabled={disabled}
                suffix={t('model.months')}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={t('model.aCutoff')}
              validateStatus={order ? 'error' : undefined}
              help={order ? t('model.issue.abcOrder') : undefined}
            >
              <PercentInput value={abc.aCutoff} onChange={(aCutoff) => set({ aCutoff })} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('model.bCutoff')}>
              <PercentInput value={abc.bCutoff} onChange={(bCutoff) => set({ bCutoff })} disabled={disabled} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('model.abcHint')}
        </Typography.Text>
      </Form>
    </Card>
  );
}

export function ValueRules({ draft, disabled, patch }: Rules) {
  const { t } = useTranslation();
  return (
    <Card size="small" variant="borderless" title={t('model.valueTitle')}>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label={t('model.rfmWindow')}>
              <IntInput
                value={draft.rfm.windowMonths}
                onChange={(windowMonths) => patch((d) => ({ ...d, rfm: { windowMonths } }))}
                min={1}
                max={36}
                disabled={disabled}
                suffix={t('model.months')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('model.clvHorizon')}>
              <IntInput
                value={draft.clv.horizonMonths}
                onChange={(horizonMonths) => patch((d) => ({ ...d, clv: { ...d.clv, horizonMonths } }))}
                min={1}
                max={120}
                disabled={disabled}
                suffix={t('model.months')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('model.discountRate')}>
              <PercentInput
                value={draft.clv.annualDiscountRate}
                onChange={(annualDiscountRate) => patch((d) => ({ ...d, clv: { ...d.clv, annualDiscountRate } }))}
                disabled={disabled}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

export function ChurnRules({ draft, disabled, patch }: Rules) {
  const { t } = useTranslation();
  const sum = churnWeightSum(draft);
  const ok = Math.abs(sum - 100) < 1e-6;
  const setWeight = (code: (typeof ChurnReasonCode.options)[number], weight: number) =>
    patch((d) => ({ ...d, churn: { ...d.churn, weights: { ...d.churn.weights, [code]: weight } } }));
  return (
    <Card
      size="small"
      variant="borderless"
      title={t('model.churnTitle')}
      extra={
        <Typography.Text type={ok ? 'success' : 'danger'} strong className="kamap-num">
          {ok ? <CheckCircleFilled /> : <WarningFilled />} {t('model.weightSum', { sum: Math.round(sum * 100) / 100 })}
        </Typography.Text>
      }
    >
      <Form layout="vertical" component="div">
        <Row gutter={[16, 0]}>
          {ChurnReasonCode.options.map((code) => (
            <Col span={12} key={code}>
              <Form.Item label={t(`enum.churnReason.${code}`)} style={{ marginBottom: 12 }}>
                <InputNumber<number>
                  value={draft.churn.weights[code] ?? 0}
                  onChange={(v) => setWeight(code, v ?? 0)}
                  min={0}
                  max={100}
                  disabled={disabled}
                  status={ok ? undefined : 'warning'}
                  suffix={t('model.points')}
                  style={{ width: 120 }}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item label={t('model.alertThreshold')} help={t('model.alertThresholdHint')} style={{ marginBottom: 0 }}>
          <IntInput
            value={draft.churn.alertThreshold}
            onChange={(alertThreshold) => patch((d) => ({ ...d, churn: { ...d.churn, alertThreshold } }))}
            min={1}
            max={100}
            disabled={disabled}
            suffix={t('model.points')}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
