import { WarningOutlined } from '@ant-design/icons';
import { Card, Flex, Progress, Skeleton, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MapPersonData } from '../../../app/api/types';
import { AttitudeTag, DecisionRoleTag } from '../../../ui/enum-tags';
import { formatDate, formatPercent } from '../../../ui/format';
import { Money } from '../../../ui/money';
import { QueryError } from '../../../ui/query-error';
import { BandTag, NeedStatusTag } from '../../needs/need-tags';
import { formatKpiValue, StatusTag, useKpiName } from '../../performance/parts';
import { ActionStatusTag, PlanStatusTag } from '../../plans/tags';
import { useRelationshipMap } from '../../relationships/api';
import { GapText } from '../../relationships/gap-text';
import { ComplaintStatusTag, SeverityTag, SlaTag } from '../../service/tags';
import { TaskActions } from '../../tasks/task-actions';
import { taskTitle } from '../../tasks/task-text';
import { useCompetitors } from '../api';
import styles from './brief.module.css';
import {
  useBriefComplaints,
  useBriefKpis,
  useBriefNeeds,
  useBriefOverdueActions,
  useBriefPlans,
  useBriefTasks,
} from './brief-api';

type Query = { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

/** One section of the brief: a titled card, a way to the full records, and its loading and error states. */
export function BriefSection({
  title,
  more,
  extra,
  query,
  children,
}: {
  title: ReactNode;
  more?: string;
  extra?: ReactNode;
  query?: Query | Query[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const queries = query === undefined ? [] : Array.isArray(query) ? query : [query];
  const failed = queries.find((q) => q.isError);
  return (
    <Card
      size="small"
      variant="borderless"
      title={title}
      className={styles.section}
      extra={
        (more || extra) && (
          <Flex gap={8} align="center" className="kamap-no-print">
            {extra}
            {more && <Link to={more}>{t('brief.more')}</Link>}
          </Flex>
        )
      }
    >
      {failed ? (
        <QueryError
          error={failed.error}
          onRetry={() => {
            for (const q of queries) if (q.isError) void q.refetch();
          }}
        />
      ) : queries.some((q) => q.isPending) ? (
        <Skeleton active title={false} paragraph={{ rows: 3 }} />
      ) : (
        children
      )}
    </Card>
  );
}

const Empty = ({ children }: { children: ReactNode }) => (
  <Typography.Text type="secondary" className={styles.empty}>
    {children}
  </Typography.Text>
);

/** Open care and follow-up tasks, due first, each closable here. */
export function TasksSection({ accountId, extra }: { accountId: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  const tasks = useBriefTasks(accountId);
  const items = tasks.data?.items ?? [];
  return (
    <BriefSection title={t('brief.tasks')} more={`/tasks?accountId=${accountId}`} extra={extra} query={tasks}>
      {items.length === 0 ? (
        <Empty>{t('brief.noTasks')}</Empty>
      ) : (
        <Flex vertical gap={10} data-testid="brief-tasks">
          {items.map((task) => (
            <Flex
              key={task.id}
              data-task-id={task.id}
              justify="space-between"
              align="center"
              gap={12}
              wrap
              className={styles.row}
            >
              <Flex vertical style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text strong>{taskTitle(task, t)}</Typography.Text>
                <Typography.Text type={task.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {t(`enum.taskKind.${task.kind}`)} · {t('brief.due', { date: formatDate(task.effectiveDate) })}
                  {task.overdue && ` · ${t('brief.overdue')}`} · {task.owner.displayName}
                </Typography.Text>
              </Flex>
              <span className="kamap-no-print">
                <TaskActions task={task} />
              </span>
            </Flex>
          ))}
        </Flex>
      )}
    </BriefSection>
  );
}

/** The people who decide, what they think of us, and who on our side holds each relationship. */
export function RelationshipSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const map = useRelationshipMap(accountId);
  const m = map.data;
  // key people first, then by influence: the chart itself is one click away
  const people = [...(m?.people ?? [])]
    .sort((a, b) => Number(b.key) - Number(a.key) || (b.influence ?? 0) - (a.influence ?? 0))
    .slice(0, 8);
  return (
    <BriefSection title={t('brief.relationships')} more={`/accounts/${accountId}?tab=relationships`} query={map}>
      {m && m.people.length === 0 ? (
        <Empty>{t('contact.empty')}</Empty>
      ) : (
        m && (
          <Flex vertical gap={12}>
            <Table<MapPersonData>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={people}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('brief.person'),
                  key: 'name',
                  render: (_, p) => (
                    <Flex vertical>
                      <Link to={`/contacts/${p.id}`} style={{ fontWeight: 600 }}>
                        {p.name}
                      </Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[p.title, p.department].filter(Boolean).join(' · ') || '—'}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                {
                  title: t('contact.decisionRole'),
                  key: 'role',
                  render: (_, p) => <DecisionRoleTag value={p.decisionRole} />,
                },
                { title: t('contact.attitude'), key: 'attitude', render: (_, p) => <AttitudeTag value={p.attitude} /> },
                {
                  title: t('brief.strength'),
                  key: 'strength',
                  render: (_, p) => (
                    <span className="kamap-num">
                      {p.relationshipStrength ?? '—'}/5
                      {p.relationshipOwner && (
                        <Typography.Text type="secondary"> · {p.relationshipOwner.displayName}</Typography.Text>
                      )}
                    </span>
                  ),
                },
                {
                  title: t('brief.lastContact'),
                  key: 'last',
                  render: (_, p) =>
                    p.daysSinceContact === null ? (
                      <Typography.Text type="danger">{t('brief.never')}</Typography.Text>
                    ) : (
                      <Typography.Text type={p.stale ? 'danger' : undefined} className="kamap-num">
                        {t('brief.daysAgo', { count: p.daysSinceContact })}
                      </Typography.Text>
                    ),
                },
              ]}
            />
            {m.gaps.length > 0 && (
              <Flex vertical gap={4}>
                {m.gaps.slice(0, 4).map((gap) => (
                  <Typography.Text
                    key={gap.kind === 'stale_contact' ? gap.contactId : `${gap.kind}:${'role' in gap ? gap.role : ''}`}
                    type="warning"
                    style={{ fontSize: 13 }}
                  >
                    <WarningOutlined /> <GapText gap={gap} map={m} />
                  </Typography.Text>
                ))}
              </Flex>
            )}
          </Flex>
        )
      )}
    </BriefSection>
  );
}

/** The open needs that matter most, by priority. */
export function NeedsSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const needs = useBriefNeeds(accountId);
  const items = needs.data?.items ?? [];
  return (
    <BriefSection
      title={
        <>
          {t('brief.needs')}
          {needs.data && needs.data.total > 0 && <span className={styles.count}>{needs.data.total}</span>}
        </>
      }
      more={`/accounts/${accountId}?tab=needs`}
      query={needs}
    >
      {items.length === 0 ? (
        <Empty>{t('brief.noNeeds')}</Empty>
      ) : (
        <Flex vertical gap={8}>
          {items.map((n) => (
            <Flex key={n.id} gap={8} align="center" className={styles.row}>
              <BandTag band={n.band} priority={n.priority} />
              <Link to={`/needs?accountId=${accountId}&need=${n.id}`} className={styles.grow}>
                {n.title}
              </Link>
              <Tag style={{ marginInlineEnd: 0 }}>{t(`enum.needKind.${n.kind}`)}</Tag>
              <NeedStatusTag status={n.status} />
            </Flex>
          ))}
        </Flex>
      )}
    </BriefSection>
  );
}

/** This year's plan in one line, and the actions that are late. */
export function PlanSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const plans = useBriefPlans(accountId);
  const overdue = useBriefOverdueActions(accountId);
  const plan = plans.data?.items[0];
  const actions = overdue.data?.items ?? [];
  return (
    <BriefSection title={t('brief.plan')} more={`/accounts/${accountId}?tab=plan`} query={[plans, overdue]}>
      {!plan ? (
        <Empty>{t('brief.noPlan')}</Empty>
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={12} align="center" wrap>
            <Link to={`/plans/${plan.id}`} style={{ fontWeight: 600 }}>
              {plan.title}
            </Link>
            <PlanStatusTag value={plan.status} />
            <Typography.Text type="secondary" className="kamap-num">
              {t('brief.planRevision', { year: plan.year, revision: plan.revision })}
            </Typography.Text>
          </Flex>
          <Flex gap={16} align="center" wrap>
            <Progress
              percent={Math.round((plan.completion.rate ?? 0) * 100)}
              size={{ width: 160 }}
              status={plan.overdue > 0 ? 'exception' : 'normal'}
              format={() => (plan.completion.rate === null ? '—' : formatPercent(plan.completion.rate, 0))}
            />
            <Typography.Text type="secondary" className="kamap-num">
              {t('brief.planActions', {
                done: plan.completion.done,
                due: plan.completion.due,
                total: plan.actions,
              })}
            </Typography.Text>
          </Flex>
          {actions.length === 0 ? (
            <Empty>{t('brief.noOverdueActions')}</Empty>
          ) : (
            <Flex vertical gap={6}>
              <Typography.Text strong type="danger">
                {t('brief.overdueActions', { count: overdue.data?.total ?? actions.length })}
              </Typography.Text>
              {actions.map((a) => (
                <Flex key={a.id} gap={8} align="center" className={styles.row}>
                  <Tag style={{ marginInlineEnd: 0 }}>{t(`plan.strategy.${a.strategy}`)}</Tag>
                  <Typography.Text className={styles.grow}>{a.title}</Typography.Text>
                  <Typography.Text type="danger" className="kamap-num" style={{ fontSize: 12 }}>
                    {t('brief.daysLate', { count: a.daysOverdue ?? 0 })}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.owner.displayName}
                  </Typography.Text>
                  <ActionStatusTag value={a.status} overdue />
                </Flex>
              ))}
            </Flex>
          )}
        </Flex>
      )}
    </BriefSection>
  );
}

/** The account's KPI targets with what the data says now. */
export function KpiSection({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation();
  const kpiName = useKpiName();
  const kpis = useBriefKpis(accountId);
  const items = kpis.data?.items ?? [];
  return (
    <BriefSection title={t('brief.kpis')} more="/kpis?subjectKind=account" query={kpis}>
      {items.length === 0 ? (
        <Empty>{t('brief.noKpis')}</Empty>
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('brief.kpi'),
              key: 'kpi',
              render: (_, k) => (
                <Flex vertical>
                  <span>{kpiName(k.kpi)}</span>
                  <Typography.Text type="secondary" className="kamap-num" style={{ fontSize: 12 }}>
                    {k.period}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('brief.target'),
              key: 'target',
              align: 'right',
              render: (_, k) => (
                <span className="kamap-num">{formatKpiValue(k.kpi.unit, k.target, i18n.language)}</span>
              ),
            },
            {
              title: t('brief.actual'),
              key: 'actual',
              align: 'right',
              render: (_, k) => (
                <span className="kamap-num">{formatKpiValue(k.kpi.unit, k.actual.value, i18n.language)}</span>
              ),
            },
            {
              title: t('brief.attainment'),
              key: 'attainment',
              align: 'right',
              render: (_, k) => (
                <span className="kamap-num">{k.attainment === null ? '—' : formatPercent(k.attainment, 0)}</span>
              ),
            },
            { title: t('brief.status'), key: 'status', render: (_, k) => <StatusTag status={k.status} /> },
          ]}
        />
      )}
    </BriefSection>
  );
}

/** Complaints not yet resolved, with their SLA clock. */
export function ComplaintsSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const complaints = useBriefComplaints(accountId);
  const items = complaints.data?.items ?? [];
  return (
    <BriefSection
      title={
        <>
          {t('brief.complaints')}
          {complaints.data && complaints.data.total > 0 && (
            <span className={`${styles.count} ${styles.countAlert}`}>{complaints.data.total}</span>
          )}
        </>
      }
      more={`/complaints?accountId=${accountId}`}
      query={complaints}
    >
      {items.length === 0 ? (
        <Empty>{t('brief.noComplaints')}</Empty>
      ) : (
        <Flex vertical gap={8}>
          {items.map((c) => (
            <Flex key={c.id} gap={8} align="center" wrap className={styles.row}>
              <SeverityTag value={c.severity} />
              <Link to={`/complaints/${c.id}`} className={styles.grow}>
                {c.title}
              </Link>
              <Typography.Text type="secondary" className="kamap-num" style={{ fontSize: 12 }}>
                {formatDate(c.receivedAt)}
              </Typography.Text>
              <ComplaintStatusTag value={c.status} />
              <SlaTag complaint={c} />
            </Flex>
          ))}
        </Flex>
      )}
    </BriefSection>
  );
}

/** Who else sells here, per category, and the share we hold. */
export function CompetitorsSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const competitors = useCompetitors(accountId);
  const items = competitors.data ?? [];
  return (
    <BriefSection title={t('brief.competitors')} more={`/accounts/${accountId}?tab=competitors`} query={competitors}>
      {items.length === 0 ? (
        <Empty>{t('competitor.empty')}</Empty>
      ) : (
        <Flex vertical gap={10}>
          {items.map((p) => (
            <Flex key={p.id} vertical gap={2} className={styles.row}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{p.competitor.name}</Typography.Text>
                <Typography.Text type="secondary">{p.categoryName}</Typography.Text>
              </Flex>
              <Flex gap={12} align="center">
                <Progress
                  percent={p.ourShare === null ? 0 : Math.round(p.ourShare * 100)}
                  showInfo={false}
                  size="small"
                  style={{ flex: 1, margin: 0 }}
                />
                <Typography.Text className="kamap-num" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {t('brief.ourShare', { share: p.ourShare === null ? '—' : formatPercent(p.ourShare, 0) })}
                  {p.estAnnualVolume !== null && (
                    <>
                      {' · '}
                      <Money value={p.estAnnualVolume} />
                    </>
                  )}
                </Typography.Text>
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </BriefSection>
  );
}
