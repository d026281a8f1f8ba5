import type { MapAttention } from '@kamap/contracts';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount, formatDateTime, formatMonthDay } from '../../ui/format';
import { explainAlert } from '../alerts/explain';
import styles from './map.module.css';

/** The most severe, most recent active alerts in the filter; each opens its account. */
export function AlertFeed({ data, loading }: { data: MapAttention | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading && !data) return <Skeleton active paragraph={{ rows: 6 }} title={false} />;
  const alerts = data?.alerts ?? [];
  return (
    <div className={styles.feed} data-testid="alert-feed">
      {alerts.length === 0 && <p className={styles.calm}>{t('map.feed.none')}</p>}
      {alerts.map((a) => {
        const reason = `${t(`enum.alertRule.${a.rule}`)} · ${explainAlert(a, t)}`;
        return (
          <Link
            key={a.id}
            to={`/accounts/${a.accountId}`}
            className={styles.feedItem}
            data-rule={a.rule}
            data-severity={a.severity}
          >
            <span className={styles.feedDot} data-severity={a.severity} aria-hidden />
            <span className={styles.feedText}>
              <strong>{a.accountName}</strong>
              {/* one line, cut short where it overflows: the whole sentence on hover */}
              <span title={reason}>{reason}</span>
            </span>
            <time className={styles.feedTime} dateTime={a.lastSeenAt} title={formatDateTime(a.lastSeenAt)}>
              {formatMonthDay(a.lastSeenAt)}
            </time>
          </Link>
        );
      })}
      {data && data.activeAlerts > 0 && (
        <Link to="/alerts" className={styles.feedMore}>
          {t('map.feed.all', { count: data.activeAlerts, n: formatCount(data.activeAlerts) })}
        </Link>
      )}
    </div>
  );
}
