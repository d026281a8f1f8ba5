import { NeedStatus } from '@kamap/contracts';
import { Badge, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedData, NeedStatusValue } from '../../app/api/types';
import { useNeedList } from './api';
import { BandTag, NeedStatusTag } from './need-tags';
import styles from './needs.module.css';

function NeedCard({
  need,
  onOpen,
  showAccount,
}: {
  need: NeedData;
  onOpen: (id: string) => void;
  showAccount: boolean;
}) {
  const { t } = useTranslation();
  const done = need.tasks.filter((x) => x.status === 'done').length;
  const overdue = need.tasks.some((x) => x.overdue);
  return (
    <button type="button" className={styles.card} onClick={() => onOpen(need.id)}>
      <Typography.Text strong className={styles.cardTitle}>
        {need.title}
      </Typography.Text>
      {showAccount && (
        <Typography.Text type="secondary" ellipsis className={styles.cardAccount}>
          {need.accountName}
        </Typography.Text>
      )}
      <Flex gap={4} wrap align="center">
        <BandTag band={need.band} priority={need.priority} />
        <Tag>{t(`enum.needCategory.${need.category}`)}</Tag>
        {need.kind === 'implicit' && <Tag color="purple">{t('enum.needKind.implicit')}</Tag>}
        {need.tasks.length > 0 && (
          <Typography.Text type={overdue ? 'danger' : 'secondary'} className={styles.progress}>
            {t('need.planProgress', { done, total: need.tasks.length })}
          </Typography.Text>
        )}
      </Flex>
    </button>
  );
}

function Column({
  status,
  params,
  onOpen,
  showAccount,
}: {
  status: NeedStatusValue;
  params: Record<string, string | undefined>;
  onOpen: (id: string) => void;
  showAccount: boolean;
}) {
  const { t } = useTranslation();
  const list = useNeedList({ ...params, status, sort: '-priority', limit: 30 });
  return (
    <div className={styles.column}>
      <Flex justify="space-between" align="center" className={styles.columnHead}>
        <NeedStatusTag status={status} />
        <Badge count={list.total} showZero color="#94a3b8" overflowCount={9999} />
      </Flex>
      <Flex vertical gap={8}>
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} title={false} />
        ) : list.items.length === 0 ? (
          <Typography.Text type="secondary" className={styles.none}>
            {t('need.columnEmpty')}
          </Typography.Text>
        ) : (
          list.items.map((n) => <NeedCard key={n.id} need={n} onOpen={onOpen} showAccount={showAccount} />)
        )}
        {list.hasNextPage && (
          <Typography.Link onClick={() => void list.fetchNextPage()}>{t('list.loadMore')}</Typography.Link>
        )}
      </Flex>
    </div>
  );
}

/** Needs by status, highest priority first in each column. */
export function NeedsBoard({
  params,
  onOpen,
  showAccount = true,
}: {
  params: Record<string, string | undefined>;
  onOpen: (id: string) => void;
  showAccount?: boolean;
}) {
  return (
    <Card variant="borderless" styles={{ body: { padding: 12 } }}>
      <div className={styles.board}>
        {NeedStatus.options.map((s) => (
          <Column key={s} status={s} params={params} onOpen={onOpen} showAccount={showAccount} />
        ))}
      </div>
    </Card>
  );
}
