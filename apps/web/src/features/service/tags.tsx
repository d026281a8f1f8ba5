import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintData, ComplaintSeverityValue, ComplaintStatusValue } from '../../app/api/types';
import { formatDateTime } from '../../ui/format';

const severityColor: Record<ComplaintSeverityValue, string> = {
  critical: 'red',
  high: 'volcano',
  medium: 'gold',
  low: 'default',
};

export function SeverityTag({ value }: { value: ComplaintSeverityValue }) {
  const { t } = useTranslation();
  return <Tag color={severityColor[value]}>{t(`enum.complaintSeverity.${value}`)}</Tag>;
}

const statusColor: Record<ComplaintStatusValue, string> = {
  open: 'blue',
  in_progress: 'processing',
  resolved: 'green',
  closed: 'default',
};

export function ComplaintStatusTag({ value }: { value: ComplaintStatusValue }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[value]}>{t(`enum.complaintStatus.${value}`)}</Tag>;
}

const clockColor = { met: 'green', running: 'blue', breached: 'red' } as const;

/** The SLA clock in one tag: the part that matters now (response until answered, then resolution). */
export function SlaTag({ complaint }: { complaint: ComplaintData }) {
  const { t } = useTranslation();
  const { sla } = complaint;
  const part = sla.response === 'breached' || !complaint.respondedAt ? 'response' : 'resolution';
  const state = part === 'response' ? sla.response : sla.resolution;
  const due = part === 'response' ? sla.responseDueAt : sla.resolutionDueAt;
  return (
    <Tooltip title={`${t(`complaint.sla.${part}Due`)}${t('common.colon')}${formatDateTime(due)}`}>
      <Tag color={clockColor[state]}>{t(`complaint.sla.${part}.${state}`)}</Tag>
    </Tooltip>
  );
}
