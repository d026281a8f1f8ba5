import {
  BulbOutlined,
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  PlusOutlined,
  ShoppingCartOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import { InteractionKind, NeedStatus, OrderStatus, TaskKind } from '@kamap/contracts';
import { Button, Card, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Account, TimelineEntryData } from '../../app/api/types';
import { oneOf } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { interactionIcon } from '../../ui/enum-tags';
import { formatDate, formatDateTime } from '../../ui/format';
import { Money } from '../../ui/money';
import { QueryError } from '../../ui/query-error';
import { useOnVisible } from '../../ui/use-in-view';
import { InteractionDialog } from '../interactions/interaction-dialog';
import { taskTitle } from '../tasks/task-text';
import { useTimeline } from './api';

function EntryIcon({ entry }: { entry: TimelineEntryData }) {
  if (entry.kind === 'order') return <ShoppingCartOutlined style={{ fontSize: 16, color: '#d48806' }} />;
  if (entry.kind === 'need') return <BulbOutlined style={{ fontSize: 16, color: '#7c3aed' }} />;
  if (entry.kind === 'task') return <CheckCircleOutlined style={{ fontSize: 16, color: '#389e0d' }} />;
  if (entry.kind === 'complaint')
    return (
      <ExclamationCircleOutlined style={{ fontSize: 16, color: settled.has(entry.subtype) ? '#389e0d' : '#cf1322' }} />
    );
  if (entry.kind === 'survey') return <SmileOutlined style={{ fontSize: 16, color: '#0891b2' }} />;
  const kind = oneOf(InteractionKind.options, entry.subtype);
  const Icon = kind ? interactionIcon[kind] : interactionIcon.event;
  return (
    <span style={{ fontSize: 16, color: '#1d4ed8' }}>
      <Icon />
    </span>
  );
}

/** A care task's title comes as a template, to be said in the reader's language. */
const entryTitle = (entry: TimelineEntryData, t: TFunction) =>
  entry.kind === 'task' ? taskTitle({ title: entry.title, template: entry.template }, t) : entry.title;

const complaintEvents = ['received', 'escalated', 'resolved', 'closed'] as const;
const settled = new Set(['resolved', 'closed']);

function SubtypeTag({ entry }: { entry: TimelineEntryData }) {
  const { t } = useTranslation();
  if (entry.kind === 'order') {
    const status = oneOf(OrderStatus.options, entry.subtype);
    return <Tag color="gold">{status ? t(`timeline.order.${status}`) : entry.subtype}</Tag>;
  }
  if (entry.kind === 'need') {
    const status = oneOf(NeedStatus.options, entry.subtype);
    return (
      <Tag color="purple">
        {t('timeline.need')} · {status ? t(`enum.needStatus.${status}`) : entry.subtype}
      </Tag>
    );
  }
  if (entry.kind === 'complaint') {
    const event = oneOf(complaintEvents, entry.subtype);
    return (
      <Tag color={settled.has(entry.subtype) ? 'green' : 'red'}>
        {event ? t(`timeline.complaint.${event}`) : entry.subtype}
      </Tag>
    );
  }
  if (entry.kind === 'survey')
    return (
      <Tag color="cyan">
        {t('timeline.survey', {
          kind: entry.subtype.toUpperCase(),
          score: entry.score ?? '—',
          max: entry.subtype === 'nps' ? 10 : 5,
        })}
      </Tag>
    );
  if (entry.kind === 'task') {
    const kind = oneOf(TaskKind.options, entry.subtype);
    return (
      <Tag color="green">
        {t('timeline.taskDone')} · {kind ? t(`enum.taskKind.${kind}`) : entry.subtype}
      </Tag>
    );
  }
  const kind = oneOf(InteractionKind.options, entry.subtype);
  return <Tag color="cyan">{kind ? t(`enum.interactionKind.${kind}`) : entry.subtype}</Tag>;
}

/**
 * One entry of an account's timeline: when, what kind, who, then what (a link to the record) and any
 * amount. `compact` is the account brief's smaller type.
 */
export function timelineItem(entry: TimelineEntryData, t: TFunction, compact = false) {
  const small = compact ? { fontSize: 12 } : undefined;
  const title = entryTitle(entry, t);
  return {
    key: `${entry.kind}:${entry.id}`,
    icon: <EntryIcon entry={entry} />,
    content: (
      <Flex vertical gap={2}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary" className="kamap-num" style={small}>
            {entry.kind === 'order' ? formatDate(entry.at) : formatDateTime(entry.at)}
          </Typography.Text>
          <SubtypeTag entry={entry} />
          {entry.actor && (
            <Typography.Text type="secondary" style={small}>
              {entry.actor.displayName}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={12} align="baseline" wrap>
          {entry.link ? (
            <Link to={entry.link} style={compact ? undefined : { fontWeight: 600 }}>
              {title}
            </Link>
          ) : compact ? (
            title
          ) : (
            <Typography.Text strong>{title}</Typography.Text>
          )}
          {entry.amount !== null && <Money value={entry.amount} />}
        </Flex>
      </Flex>
    ),
  };
}

export function TimelineTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const timeline = useTimeline(account.id);
  const [recording, setRecording] = useState(false);
  const entries = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  const sentinel = useOnVisible<HTMLDivElement>(
    () => void timeline.fetchNextPage(),
    timeline.hasNextPage && !timeline.isFetchingNextPage,
  );

  return (
    <Card variant="borderless" size="small">
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('timeline.hint')}</Typography.Text>
        <Button icon={<PlusOutlined />} onClick={() => setRecording(true)}>
          {t('interaction.create')}
        </Button>
      </Flex>
      {timeline.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : timeline.isError ? (
        <QueryError error={timeline.error} onRetry={() => timeline.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState description={t('timeline.empty')} />
      ) : (
        <>
          <Timeline style={{ maxWidth: 880, paddingTop: 8 }} items={entries.map((entry) => timelineItem(entry, t))} />
          <div ref={sentinel} />
          {timeline.isFetchingNextPage && <Skeleton active title={false} paragraph={{ rows: 2 }} />}
          {!timeline.hasNextPage && (
            <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center' }}>
              {t('timeline.end')}
            </Typography.Text>
          )}
        </>
      )}
      {recording && (
        <Suspense fallback={null}>
          <InteractionDialog account={account} onClose={() => setRecording(false)} />
        </Suspense>
      )}
    </Card>
  );
}
