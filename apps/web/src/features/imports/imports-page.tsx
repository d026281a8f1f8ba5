import { App, Button, Card, Popconfirm, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api/error-message';
import { formatCount, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { type BatchData, type ImportKindValue, useBatches, useUndoBatch } from './api';
import { ImportWizard } from './import-wizard';

const statusColor = { committed: 'green', undone: 'default', failed: 'red' } as const;

/** Import: the wizard, and the history of batches (who, when, file hash, counts) with undo. */
export function ImportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'history' ? 'history' : 'wizard';
  const setTab = (next: string) => setParams(next === 'history' ? { tab: 'history' } : {});
  const onCommitted = useCallback(() => {}, []);
  return (
    <>
      <PageHeader title={t('nav.page.imports')} subtitle={t('import.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'wizard', label: t('import.tabWizard'), children: <ImportWizard onCommitted={onCommitted} /> },
          { key: 'history', label: t('import.tabHistory'), children: <History /> },
        ]}
      />
    </>
  );
}

function History() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const batches = useBatches();
  const undo = useUndoBatch();
  if (batches.error) return <QueryError error={batches.error} />;
  return (
    <Card variant="borderless">
      <Table<BatchData>
        size="middle"
        rowKey="id"
        loading={batches.isLoading}
        dataSource={batches.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('import.when'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('import.who'), key: 'who', width: 110, render: (_: unknown, b) => b.createdBy.displayName },
          {
            title: t('import.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: ImportKindValue) => t(`import.kinds.${k}`),
          },
          {
            title: t('import.file'),
            key: 'file',
            render: (_: unknown, b) => (
              <>
                <div>{b.fileName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: b.fileSha256 }}>
                  SHA-256 {b.fileSha256.slice(0, 12)}…
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('import.rows'),
            dataIndex: 'rows',
            width: 90,
            align: 'right',
            render: (n: number) => formatCount(n),
          },
          {
            title: t('import.result'),
            key: 'counts',
            render: (_: unknown, b) =>
              Object.entries(b.counts)
                .filter(([, n]) => n > 0)
                .map(([k, n]) => `${t(`import.counts.${k}`, { defaultValue: k })} ${formatCount(n)}`)
                .join(' · ') || '—',
          },
          {
            title: t('import.status.label'),
            key: 'status',
            width: 110,
            render: (_: unknown, b) => (
              <Tag color={statusColor[b.status]}>
                {t(`import.batchStatus.${b.status}`)}
                {b.errorCount ? ` · ${t('import.errorCount', { count: b.errorCount })}` : ''}
              </Tag>
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 170,
            render: (_: unknown, b) => (
              <>
                {b.errorCount > 0 && (
                  <Button type="link" size="small" href={`/api/v1/imports/batches/${b.id}/errors.xlsx`}>
                    {t('import.downloadErrors')}
                  </Button>
                )}
                {b.status === 'committed' && (
                  <Popconfirm
                    title={t('import.undoConfirm')}
                    onConfirm={() =>
                      undo.mutate(b.id, {
                        onSuccess: () => message.success(t('import.undone')),
                        onError: (e) => message.error(errorMessage(e, t)),
                      })
                    }
                  >
                    <Button type="link" size="small" danger>
                      {t('import.undo')}
                    </Button>
                  </Popconfirm>
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
