import { SettingOutlined, TrophyOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Form, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/current-user';
import { useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { fenToYuan, yuanToFen } from '../../ui/format';
import { Money } from '../../ui/money';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { useSaveSettings, useScoreboard, useSettings } from './api';
import { PeriodSelect } from './parts';
import { quarterOf } from './period';
import type { PerformanceSettingsData, ScoreboardData } from './types';

type Row = ScoreboardData['items'][number];
const pointKeys = [
  'kpiGreen',
  'kpiAmber',
  'visit',
  'eventAttendee',
  'valueAddedService',
  'actionDoneOnTime',
  'gapClosed',
] as const;
const severities = ['low', 'medium', 'high', 'critical'] as const;

/** Admins set the incentive points and the cost-to-serve rates; every change is audited. */
function SettingsModal({ settings, onClose }: { settings: PerformanceSettingsData; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = useSaveSettings();
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      {
        visitCost: yuanToFen(v.visitCost),
        complaintCost: Object.fromEntries(severities.map((s) => [s, yuanToFen(v.complaintCost[s])])),
        incentivePoints: v.incentivePoints,
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      open
      width={640}
      title={t('scoreboard.settings')}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          visitCost: fenToYuan(settings.visitCost),
          complaintCost: Object.fromEntries(severities.map((s) => [s, fenToYuan(settings.complaintCost[s])])),
          incentivePoints: settings.incentivePoints,
        }}
      >
        <Typography.Title level={5}>{t('scoreboard.points')}</Typography.Title>
        <Flex gap={12} wrap>
          {pointKeys.map((k) => (
            <Form.Item
              key={k}
              name={['incentivePoints', k]}
              label={t(`scoreboard.pointName.${k}`)}
              style={{ width: 180 }}
            >
              <InputNumber min={0} max={1000} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </Flex>
        <Typography.Title level={5}>{t('scoreboard.ctsRates')}</Typography.Title>
        <Flex gap={12} wrap>
          <Form.Item name="visitCost" label={t('scoreboard.visitCost')} style={{ width: 180 }}>
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
          {severities.map((s) => (
            <Form.Item
              key={s}
              name={['complaintCost', s]}
              label={t('scoreboard.complaintCost', { severity: t(`enum.complaintSeverity.${s}`) })}
              style={{ width: 180 }}
            >
              <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </Flex>
      </Form>
    </Modal>
  );
}

/** KAM scoreboard (激励和奖励机制): points from KPI attainment and the activities that move them. */
export function ScoreboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlParams(['period'] as const);
  const period = url.period ?? quarterOf();
  const board = useScoreboard(period);
  const settings = useSettings();
  const [editing, setEditing] = useState(false);
  const p = board.data?.points;
  const pts = (n: number, per: number | undefined) => (
    <Flex vertical gap={0} align="end">
      <span className="kamap-num">{n}</span>
      {per !== undefined && n > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          +{Math.round(n * per * 10) / 10}
        </Typography.Text>
      )}
    </Flex>
  );
  return (
    <>
      <PageHeader
        title={t('nav.page.scoreboard')}
        subtitle={t('scoreboard.subtitle')}
        extra={
          <Space>
            <PeriodSelect value={period} onChange={(v) => setUrl({ period: v })} />
            {user.role === 'admin' && settings.data && (
              <Button icon={<SettingOutlined />} onClick={() => setEditing(true)}>
                {t('scoreboard.settings')}
              </Button>
            )}
          </Space>
        }
      />
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => board.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Card variant="borderless">
            <Table<Row>
              rowKey={(r) => r.kam.id}
              loading={board.isPending}
              dataSource={board.data?.items ?? []}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 1100 }}
              locale={{ emptyText: <EmptyState description={t('scoreboard.empty')} /> }}
              columns={[
                {
                  title: t('scoreboard.rank'),
                  dataIndex: 'rank',
                  width: 70,
                  render: (n: number) =>
                    n <= 3 ? (
                      <Flex gap={4} align="center">
                        <TrophyOutlined style={{ color: ['#d4b106', '#8c8c8c', '#ad6800'][n - 1] }} />
                        {n}
                      </Flex>
                    ) : (
                      n
                    ),
                },
                {
                  title: t('scoreboard.kam'),
                  key: 'kam',
                  render: (_: unknown, r) => <Typography.Text strong>{r.kam.displayName}</Typography.Text>,
                },
                { title: t('scoreboard.unit'), dataIndex: 'orgUnitName', width: 130 },
                { title: t('scoreboard.accounts'), dataIndex: 'accounts', width: 80, align: 'right' },
                {
                  title: t('scoreboard.kpis'),
                  key: 'kpis',
                  width: 150,
                  render: (_: unknown, r) =>
                    t('scoreboard.kpisValue', { green: r.kpisGreen, amber: r.kpisAmber, red: r.kpisRed }),
                },
                {
                  title: t('scoreboard.pointName.visit'),
                  key: 'visits',
                  width: 90,
                  align: 'right',
                  render: (_: unknown, r) => pts(r.visits, p?.visit),
                },
                {
                  title: t('scoreboard.pointName.eventAttendee'),
                  key: 'ev',
                  width: 100,
                  align: 'right',
                  render: (_: unknown, r) => pts(r.eventAttendees, p?.eventAttendee),
                },
                {
                  title: t('scoreboard.pointName.valueAddedService'),
                  key: 'vas',
                  width: 100,
                  align: 'right',
                  render: (_: unknown, r) => pts(r.valueAddedServices, p?.valueAddedService),
                },
                {
                  title: t('scoreboard.pointName.actionDoneOnTime'),
                  key: 'act',
                  width: 110,
                  align: 'right',
                  render: (_: unknown, r) => pts(r.actionsDoneOnTime, p?.actionDoneOnTime),
                },
                {
                  title: t('scoreboard.pointName.gapClosed'),
                  key: 'gap',
                  width: 100,
                  align: 'right',
                  render: (_: unknown, r) => pts(r.gapsClosed, p?.gapClosed),
                },
                {
                  title: t('scoreboard.points'),
                  dataIndex: 'points',
                  width: 90,
                  align: 'right',
                  render: (n: number) => (
                    <Typography.Text strong className="kamap-num">
                      {n}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
          {p && (
            <Card variant="borderless" size="small" title={t('scoreboard.howPoints')}>
              <Descriptions size="small" column={{ xs: 1, md: 4 }}>
                {pointKeys.map((k) => (
                  <Descriptions.Item key={k} label={t(`scoreboard.pointName.${k}`)}>
                    {p[k]}
                  </Descriptions.Item>
                ))}
                {settings.data && (
                  <Descriptions.Item label={t('scoreboard.visitCost')}>
                    <Money value={settings.data.visitCost} />
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          )}
        </Flex>
      )}
      {editing && settings.data && <SettingsModal settings={settings.data} onClose={() => setEditing(false)} />}
    </>
  );
}
