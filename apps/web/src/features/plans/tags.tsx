import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BuyingStageValue, ContractStateValue, PlanActionStatusValue, PlanStatusValue } from './types';

export const STAGES: BuyingStageValue[] = ['awareness', 'consideration', 'decision', 'purchase', 'renewal'];
export const stageColor: Record<BuyingStageValue, string> = {
  awareness: '#94a3b8',
  consideration: '#60a5fa',
  decision: '#2563eb',
  purchase: '#16a34a',
  renewal: '#a855f7',
};

export function StageTag({ value }: { value: BuyingStageValue }) {
  const { t } = useTranslation();
  return <Tag color={stageColor[value]}>{t(`opportunity.stage.${value}`)}</Tag>;
}

const planColor: Record<PlanStatusValue, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  closed: 'default',
};
export function PlanStatusTag({ value }: { value: PlanStatusValue }) {
  const { t } = useTranslation();
  return <Tag color={planColor[value]}>{t(`plan.status.${value}`)}</Tag>;
}

const actionColor: Record<PlanActionStatusValue, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  cancelled: 'default',
};
export function ActionStatusTag({ value, overdue }: { value: PlanActionStatusValue; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={actionColor[value]}>{t(`plan.actionStatus.${value}`)}</Tag>
      {overdue && <Tag color="error">{t('plan.overdue')}</Tag>}
    </>
  );
}

const contractColor: Record<ContractStateValue, string> = {
  upcoming: 'default',
  active: 'success',
  expiring: 'warning',
  expired: 'error',
  renewed: 'purple',
};
export function ContractStateTag({ value }: { value: ContractStateValue }) {
  const { t } = useTranslation();
  return <Tag color={contractColor[value]}>{t(`contract.state.${value}`)}</Tag>;
}
