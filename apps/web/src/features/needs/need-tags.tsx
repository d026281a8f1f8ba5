import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedStatusValue, PriorityBandValue } from '../../app/api/types';

export const bandColor: Record<PriorityBandValue, string> = { P1: '#cf1322', P2: '#d48806', P3: '#8c8c8c' };

export const statusColor: Record<NeedStatusValue, string> = {
  open: 'blue',
  planned: 'geekblue',
  in_progress: 'processing',
  met: 'success',
  deferred: 'warning',
  rejected: 'default',
};

/** P1/P2/P3 with the priority score (importance × urgency × feasibility). */
export function BandTag({ band, priority }: { band: PriorityBandValue; priority?: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={bandColor[band]} variant="solid" title={t('need.priorityHint')}>
      {band}
      {priority !== undefined && <span className="kamap-num"> · {priority}</span>}
    </Tag>
  );
}

export function NeedStatusTag({ status }: { status: NeedStatusValue }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`enum.needStatus.${status}`)}</Tag>;
}
