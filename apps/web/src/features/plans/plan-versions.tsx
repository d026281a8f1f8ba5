import { Card, Empty, Flex, Select, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { QueryError } from '../../ui/query-error';
import { usePlanDiff, usePlanVersions } from './api';
import styles from './plans.module.css';
import type { PlanData, PlanDiffData } from './types';

const changeColor = { added: 'success', removed: 'error', changed: 'processing' } as const;

/** The plan's revisions (why, who, when) and what changed between any two of them. */
export function PlanVersions({ plan }: { plan: PlanData }) {
  const { t } = useTranslation();
  const versions = usePlanVersions(plan.id);
  const [from, setFrom] = useState(Math.max(1, plan.revision - 1));
  const [to, setTo] = useState(plan.revision);
  useEffect(() => {
    setFrom(Math.max(1, plan.revision - 1));
    setTo(plan.revision);
  }, [plan.revision]);
  const diff = usePlanDiff(plan.id, from, to);
  if (versions.isError) return <QueryError error={versions.error} onRetry={() => versions.refetch()} />;
  const options = (versions.data ?? []).map((v) => ({
    value: v.revision,
    label: t('plan.versions.revision', { n: v.revision }),
  }));
  const field = (c: PlanDiffData['changes'][number]) => {
    if (!c.field) return '';
    if (c.section === 'swot') return t(`plan.swot.${c.field as 'strengths'}`);
    if (c.section === 'strategies') return t(`plan.strategy.${c.field as 'product'}`);
    return t(`plan.field.${c.field}`, { defaultValue: c.field });
  };
  const value = (c: PlanDiffData['changes'][number], v: string | null) => {
    if (v === null) return '—';
    if (c.field === 'status') return t(`plan.actionStatus.${v}`, { defaultValue: v });
    if (c.field === 'strategy') return t(`plan.strategy.${v}`, { defaultValue: v });
    return v;
  };
  return (
    <Card title={t('plan.versions.title')}>
      <Flex gap={24} wrap>
        <div style={{ minWidth: 260, flex: '0 0 300px' }}>
          <Timeline
            items={(versions.data ?? []).map((v) => ({
              color: v.reasonKind === 'initial' ? 'gray' : 'blue',
              children: (
                <Flex vertical>
                  <Typography.Text strong>
                    {t('plan.versions.revision', { n: v.revision })} · {t(`plan.reason.${v.reasonKind}`)}
                  </Typography.Text>
                  {v.reason && <Typography.Text>{v.reason}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v.changedBy?.displayName ?? '—'} · {formatDateTime(v.changedAt)}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        </div>
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 320 }}>
          {(versions.data?.length ?? 0) < 2 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.versions.none')} />
          ) : (
            <>
              <Flex gap={8} align="center" className={styles.noPrint}>
                <Typography.Text>{t('plan.versions.compare')}</Typography.Text>
                <Select size="small" value={from} onChange={setFrom} options={options} style={{ width: 110 }} />
                <span>→</span>
                <Select size="small" value={to} onChange={setTo} options={options} style={{ width: 110 }} />
              </Flex>
              <Table
                size="small"
                pagination={false}
                loading={diff.isFetching}
                rowKey={(c) => `${c.section}:${c.change}:${c.label}:${c.field ?? ''}`}
                dataSource={diff.data?.changes ?? []}
                locale={{ emptyText: t('plan.versions.same') }}
                columns={[
                  { title: t('plan.versions.section'), width: 90, render: (_, c) => t(`plan.section.${c.section}`) },
                  {
                    title: t('plan.versions.change'),
                    width: 80,
                    render: (_, c) => <Tag color={changeColor[c.change]}>{t(`plan.change.${c.change}`)}</Tag>,
                  },
                  {
                    title: t('plan.versions.what'),
                    render: (_, c) => (
                      <>
                        {c.section === 'strategies' ? t(`plan.strategy.${c.label as 'product'}`) : c.label}
                        {c.change === 'changed' && c.section !== 'strategies' && c.field && (
                          <Typography.Text type="secondary"> · {field(c)}</Typography.Text>
                        )}
                        {c.section === 'swot' && <Typography.Text type="secondary"> · {field(c)}</Typography.Text>}
                      </>
                    ),
                  },
                  {
                    title: t('plan.versions.beforeAfter'),
                    render: (_, c) =>
                      c.change === 'changed' ? (
                        <>
                          <span className={styles.removed}>{value(c, c.before)}</span> →{' '}
                          <span className={styles.added}>{value(c, c.after)}</span>
                        </>
                      ) : null,
                  },
                ]}
              />
            </>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
