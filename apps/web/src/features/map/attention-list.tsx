import { UserAddOutlined } from '@ant-design/icons';
import type { AttentionItem, MapAttention } from '@kamap/contracts';
import { Button, Skeleton, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CurrentUser } from '../../app/api/types';
import { formatMoneyShort } from '../../ui/format';
import { TierTag } from '../identification/tags';
import { AssignFollowUp } from './assign-follow-up';
import { drillLink } from './filters';
import styles from './map.module.css';
import { explainReason, useReasonTags } from './reason-text';

type Reason = AttentionItem['reasons'][number];

const reasonColor = (r: Reason) =>
  r.kind === 'alert' ? (r.severity === 'critical' ? 'red' : 'orange') : r.kind === 'churn' ? 'volcano' : 'gold';

export function AttentionList({
  data,
  loading,
  user,
}: {
  data: MapAttention | undefined;
  loading: boolean;
  user: CurrentUser;
}) {
  const { t, i18n } = useTranslation();
  const reasonTags = useReasonTags();
  const [assigning, setAssigning] = useState<AttentionItem | null>(null);
  const canAssign = user.role === 'admin' || user.role === 'director' || user.role === 'kam';
  if (loading && !data) return <Skeleton active paragraph={{ rows: 4 }} />;
  const items = data?.items ?? [];
  if (items.length === 0) return <p className={styles.calm}>{t('map.attention.none')}</p>;
  return (
    <>
      <ol className={styles.attention} data-testid="attention">
        {items.map((item, i) => (
          <li key={item.accountId} className={styles.attentionItem}>
            <span className={styles.rank} data-top={i < 3}>
              {i + 1}
            </span>
            <div className={styles.attentionMain}>
              <div className={styles.attentionHead}>
                <Link to={`/accounts/${item.accountId}`} className={styles.accountName}>
                  {item.accountName}
                </Link>
                {item.tier && <TierTag tier={item.tier} short />}
                <span className={styles.muted}>
                  {item.ownerName ? t('map.attention.owner', { name: item.ownerName }) : t('map.attention.noOwner')}
                  {item.revenue
                    ? ` · ${t('map.attention.revenue', { amount: formatMoneyShort(item.revenue, i18n.language) })}`
                    : ''}
                  {` · ${t('map.attention.points', { points: item.points })}`}
                </span>
              </div>
              <div className={styles.reasons}>
                {reasonTags(item.reasons).map(({ reason: r, text }) => (
                  <Tooltip key={`${r.kind}-${r.rule ?? ''}`} title={explainReason(r, t)}>
                    <Link to={drillLink(r.drill)}>
                      <Tag color={reasonColor(r)} className={styles.reasonTag}>
                        {text}
                      </Tag>
                    </Link>
                  </Tooltip>
                ))}
              </div>
            </div>
            {canAssign && item.ownerId && (
              <Button size="small" icon={<UserAddOutlined />} onClick={() => setAssigning(item)}>
                {t('map.assign.button')}
              </Button>
            )}
          </li>
        ))}
      </ol>
      {assigning && <AssignFollowUp item={assigning} onClose={() => setAssigning(null)} />}
    </>
  );
}
