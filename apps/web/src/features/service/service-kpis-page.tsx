import { Card, Col, DatePicker, Flex, Row, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ServiceKpiRowData, TierValue } from '../../app/api/types';
import { useUrlParams } from '../../app/use-url-params';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useServiceKpis } from './api';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const hours = (x: number | null) => (x === null ? '—' : x.toFixed(1));

function KpiTable({
  rows,
  label,
  group,
}: {
  rows: ServiceKpiRowData[];
  label: (r: ServiceKpiRowData) => string;
  group: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<ServiceKpiRowData>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 860 }}
      columns={[
        { title: group, key: 'label', render: (_: unknown, r) => <Typography.Text strong>{label(r)}</Typography.Text> },
        { title: t('kpi.complaints'), dataIndex: 'complaints', align: 'right', width: 80 },
        { title: t('kpi.responseSla'), dataIndex: 'responseSlaRate', align: 'right', width: 120, render: pct },
        { title: t('kpi.resolutionSla'), dataIndex: 'resolutionSlaRate', align: 'right', width: 120, render: pct },
        { title: t('kpi.avgResponse'), dataIndex: 'avgResponseHours', align: 'right', width: 140, render: hours },
        { title: t('kpi.avgResolution'), dataIndex: 'avgResolutionHours', align: 'right', width: 140, render: hours },
        {
          title: t('kpi.followUp'),
          dataIndex: 'avgFollowUpSatisfaction',
          align: 'right',
          width: 110,
          render: (x: number | null) => (x === null ? '—' : x.toFixed(2)),
        },
        { title: t('kpi.escalated'), dataIndex: 'escalated', align: 'right', width: 80 },
      ]}
    />
  );
}

/** The back office's KPIs (后台支撑部门 KPI): SLA hit rates, time to respond and resolve, satisfaction after follow-up. */
export function ServiceKpisPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlParams(['from', 'to'] as const);
  const kpis = useServiceKpis({ from: url.from, to: url.to });
  const k = kpis.data;
  return (
    <>
      <PageHeader
        title={t('nav.page.serviceKpis')}
        subtitle={k ? t('kpi.window', { from: k.from, to: k.to }) : null}
        extra={
          <DatePicker.RangePicker
            value={k ? [dayjs(k.from), dayjs(k.to)] : undefined}
            allowClear={false}
            onChange={(range) =>
              setUrl({ from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })
            }
          />
        }
      />
      {kpis.isError ? (
        <QueryError error={kpis.error} onRetry={() => kpis.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            {[
              { title: t('kpi.complaints'), value: k?.total.complaints ?? 0 },
              { title: t('kpi.responseSla'), value: pct(k?.total.responseSlaRate ?? null) },
              { title: t('kpi.resolutionSla'), value: pct(k?.total.resolutionSlaRate ?? null) },
              { title: t('kpi.avgResolution'), value: hours(k?.total.avgResolutionHours ?? null) },
              {
                title: t('kpi.followUp'),
                value: k?.total.avgFollowUpSatisfaction == null ? '—' : k.total.avgFollowUpSatisfaction.toFixed(2),
              },
              { title: t('kpi.escalated'), value: k?.total.escalated ?? 0 },
            ].map((s) => (
              <Col key={s.title} xs={12} md={8} xl={4}>
                <Card variant="borderless" loading={kpis.isPending}>
                  <Statistic title={s.title} value={s.value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card variant="borderless" title={t('kpi.byTier')} loading={kpis.isPending}>
            <KpiTable
              rows={k?.byTier ?? []}
              group={t('kpi.tier')}
              label={(r) => t(`enum.tier.${r.key as TierValue}`)}
            />
          </Card>
          <Card variant="borderless" title={t('kpi.byTeam')} loading={kpis.isPending}>
            <KpiTable rows={k?.byTeam ?? []} group={t('kpi.team')} label={(r) => r.label} />
          </Card>
          <Typography.Text type="secondary">{t('kpi.note')}</Typography.Text>
        </Flex>
      )}
    </>
  );
}
