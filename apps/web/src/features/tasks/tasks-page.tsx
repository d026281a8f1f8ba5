import { TaskKind } from '@kamap/contracts';
import { Card, Col, Flex, Row, Segmented, Select, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskData, TaskKindValue } from '../../app/api/types';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { formatDate, todayInChina } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { ExportButton, exportFilters } from '../exports/export-button';
import { useTaskCounts, useTaskList } from './api';
import { CalendarFeedCard } from './calendar-feed-card';
import { TaskActions } from './task-actions';
import { taskSuggestion, taskTitle } from './task-text';

const views = ['today', 'week', 'overdue', 'closed'] as const;
const urlKeys = ['view', 'kind', 'accountId', 'whose'] as const;
const whoseOptions = ['mine', 'scope'] as const;

export const taskKindColor: Record<TaskKindValue, string> = { care: 'magenta', follow_up: 'cyan', need: 'geekblue' };

/**
 * My tasks: care, follow-ups and need measures due today, this week, overdue; done and skipped ones. A
 * director (or anyone) can widen it to every task on the accounts in their scope, whoever owns it.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlParams(urlKeys);
  const view = oneOf(views, url.view) ?? 'today';
  const kind = oneOf(TaskKind.options, url.kind);
  const whose = oneOf(whoseOptions, url.whose) ?? 'mine';
  // the counts beside the views are the caller's own
  const ownCounts = whose === 'mine' && !url.accountId;
  const counts = useTaskCounts();
  const today = todayInChina();
  const params = useMemo(() => {
    // from an alert: one account's tasks, whoever owns them; otherwise mine, or all in the caller's scope
    const base = url.accountId
      ? { accountId: url.accountId, kind, limit: 50 }
      : whose === 'scope'
        ? { kind, limit: 50 }
        : { mine: 'true', kind, limit: 50 };
    if (view === 'today') return { ...base, active: 'true', dueFrom: today, dueBy: today };
    if (view === 'week')
      return { ...base, active: 'true', dueFrom: today, dueBy: dayjs(today).add(6, 'day').format('YYYY-MM-DD') };
    if (view === 'overdue')
      return { ...base, active: 'true', dueBy: dayjs(today).subtract(1, 'day').format('YYYY-MM-DD') };
    return { ...base, active: 'false', sort: '-dueDate' };
  }, [view, kind, today, url.accountId, whose]);
  const list = useTaskList(params);

  return (
    <>
      <PageHeader
        title={t('nav.page.tasks')}
        subtitle={t('task.pageHint')}
        extra={<ExportButton kind="tasks" filters={exportFilters(params)} />}
      />
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card variant="borderless" styles={{ body: { padding: 16 } }}>
            <Flex vertical gap={16}>
              <Flex gap={8} wrap align="center" justify="space-between">
                <Segmented
                  value={view}
                  onChange={(v) => setUrl({ view: v === 'today' ? null : v })}
                  options={views.map((v) => ({
                    value: v,
                    label:
                      v === 'closed' || !counts.data || !ownCounts
                        ? t(`task.view.${v}`)
                        : `${t(`task.view.${v}`)} ${counts.data[v]}`,
                  }))}
                />
                {url.accountId && (
                  <Tag closable onClose={() => setUrl({ accountId: null })} color="blue">
                    {list.items[0] ? t('task.oneAccount', { name: list.items[0].accountName }) : t('task.thisAccount')}
                  </Tag>
                )}
                {!url.accountId && (
                  <Segmented
                    value={whose}
                    onChange={(w) => setUrl({ whose: w === 'mine' ? null : w })}
                    options={whoseOptions.map((w) => ({ value: w, label: t(`task.whose.${w}`) }))}
                  />
                )}
                <Select
                  value={kind}
                  onChange={(k) => setUrl({ kind: k })}
                  allowClear
                  placeholder={t('task.kind')}
                  style={{ width: 140 }}
                  options={TaskKind.options.map((k) => ({ value: k, label: t(`enum.taskKind.${k}`) }))}
                />
              </Flex>
              {list.isError && !list.data ? (
                <QueryError error={list.error} onRetry={() => list.refetch()} />
              ) : (
                <Table<TaskData>
                  rowKey="id"
                  size="middle"
                  pagination={false}
                  loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
                  dataSource={list.items}
                  scroll={{ x: 720 }}
                  locale={{ emptyText: <EmptyState description={t(`task.empty.${view}`)} /> }}
                  columns={[
                    {
                      title: t('task.due'),
                      width: 104,
                      render: (_, task) => (
                        <Flex vertical>
                          <Typography.Text type={task.overdue ? 'danger' : undefined} className="kamap-num">
                            {task.effectiveDate === today ? t('task.today') : formatDate(task.effectiveDate)}
                          </Typography.Text>
                          {task.status === 'snoozed' && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('task.snoozedFrom', { date: formatDate(task.dueDate) })}
                            </Typography.Text>
                          )}
                        </Flex>
                      ),
                    },
                    {
                      title: t('task.kind'),
                      width: 92,
                      render: (_, task) => (
                        <Tag color={taskKindColor[task.kind]}>{t(`enum.taskKind.${task.kind}`)}</Tag>
                      ),
                    },
                    {
                      title: t('task.title'),
                      render: (_, task) => (
                        <Flex vertical gap={2}>
                          <Typography.Text strong>{taskTitle(task, t)}</Typography.Text>
                          {taskSuggestion(task, t) && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {taskSuggestion(task, t)}
                            </Typography.Text>
                          )}
                          {whose === 'scope' && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('task.ownedBy', { name: task.owner.displayName })}
                            </Typography.Text>
                          )}
                          {task.skipReason && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('task.skippedBecause', { reason: task.skipReason })}
                            </Typography.Text>
                          )}
                        </Flex>
                      ),
                    },
                    {
                      title: t('task.account'),
                      width: 200,
                      render: (_, task) => (
                        <Flex vertical>
                          <Link to={`/accounts/${task.accountId}?tab=timeline`}>{task.accountName}</Link>
                          {task.contact && (
                            <Link to={`/contacts/${task.contact.id}`} style={{ fontSize: 12 }}>
                              {task.contact.name}
                            </Link>
                          )}
                        </Flex>
                      ),
                    },
                    {
                      title: t('common.actions'),
                      width: 140,
                      fixed: 'right',
                      render: (_, task) => <TaskActions task={task} />,
                    },
                  ]}
                />
              )}
              <ListFooter list={list} />
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16}>
            {/* the caller's own counts, whichever list is open beside them */}
            <Card variant="borderless" size="small" title={t('task.myCounts')}>
              <Flex justify="space-around">
                <Statistic
                  title={t('task.view.overdue')}
                  value={counts.data?.overdue ?? '—'}
                  valueStyle={{ color: counts.data?.overdue ? '#cf1322' : undefined }}
                />
                <Statistic title={t('task.view.today')} value={counts.data?.today ?? '—'} />
                <Statistic title={t('task.view.week')} value={counts.data?.week ?? '—'} />
              </Flex>
            </Card>
            <CalendarFeedCard />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
