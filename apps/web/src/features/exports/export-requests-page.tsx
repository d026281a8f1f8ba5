import { App, Button, Card, Flex, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/error-message';
import { useCurrentUser } from '../../app/auth/current-user';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import {
  type ExportRequestData,
  useDecideExport,
  useExportRequests,
  useExportSettings,
  useUpdateExportSettings,
} from './api';

const statusColor = { pending: 'gold', approved: 'green', rejected: 'red', downloaded: 'default' } as const;

/** Export approvals (导出审批): requests of personal data, decided by directors, downloaded once by the requester. */
export function ExportRequestsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const requests = useExportRequests();
  const settings = useExportSettings();
  const update = useUpdateExportSettings();
  const decide = useDecideExport();
  const approver = user.role === 'admin' || user.role === 'director';
  const act = (id: string, decision: 'approved' | 'rejected') =>
    decide.mutate(
      { id, decision },
      {
        onSuccess: () => message.success(t(`export.decided.${decision}`)),
        onError: (e) => message.error(errorMessage(e, t)),
      },
    );

  return (
    <>
      <PageHeader title={t('nav.page.exportRequests')} subtitle={t('export.requestsSubtitle')} />
      <Flex vertical gap={16}>
        {user.role === 'admin' && (
          <Card variant="borderless" size="small">
            <Space>
              <Switch
                checked={settings.data?.personalDataNeedsApproval ?? false}
                loading={settings.isLoading || update.isPending}
                onChange={(v) => update.mutate({ personalDataNeedsApproval: v })}
              />
              <Typography.Text>{t('export.settingApproval')}</Typography.Text>
            </Space>
          </Card>
        )}
        {requests.error ? (
          <QueryError error={requests.error} />
        ) : (
          <Card variant="borderless">
            <Table<ExportRequestData>
              rowKey="id"
              loading={requests.isLoading}
              dataSource={requests.data?.items ?? []}
              pagination={false}
              locale={{ emptyText: t('export.noRequests') }}
              columns={[
                {
                  title: t('export.requestedAt'),
                  dataIndex: 'requestedAt',
                  width: 170,
                  render: (v: string) => formatDateTime(v),
                },
                {
                  title: t('export.requester'),
                  key: 'who',
                  width: 120,
                  render: (_: unknown, r) => r.requestedBy.displayName,
                },
                {
                  title: t('export.what'),
                  key: 'what',
                  width: 160,
                  render: (_: unknown, r) => `${t(`export.kind.${r.kind}`)} · ${t(`export.format.${r.format}`)}`,
                },
                { title: t('export.reason'), dataIndex: 'reason' },
                {
                  title: t('export.status'),
                  key: 'status',
                  width: 200,
                  render: (_: unknown, r) => (
                    <Space direction="vertical" size={0}>
                      <Tag color={statusColor[r.status]}>{t(`export.statuses.${r.status}`)}</Tag>
                      {r.decidedBy && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.decidedBy.displayName} · {formatDateTime(r.decidedAt)}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
                {
                  title: '',
                  key: 'actions',
                  width: 190,
                  render: (_: unknown, r) => (
                    <Space>
                      {approver && r.status === 'pending' && r.requestedBy.id !== user.id && (
                        <>
                          <Button size="small" type="primary" onClick={() => act(r.id, 'approved')}>
                            {t('export.approve')}
                          </Button>
                          <Popconfirm title={t('export.rejectConfirm')} onConfirm={() => act(r.id, 'rejected')}>
                            <Button size="small" danger>
                              {t('export.reject')}
                            </Button>
                          </Popconfirm>
                        </>
                      )}
                      {r.status === 'approved' && r.requestedBy.id === user.id && (
                        <Button
                          size="small"
                          type="primary"
                          href={`/api/v1/exports/requests/${r.id}/download`}
                          onClick={() => setTimeout(() => requests.refetch(), 1500)}
                        >
                          {t('export.download')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </Flex>
    </>
  );
}
