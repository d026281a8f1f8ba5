import { AlertOutlined, FireOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useCurrentUser } from '../../app/auth/current-user';
import { useUrlParams } from '../../app/use-url-params';
import { formatCount, formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { seesAnalytics } from '../identification/access';
import { AlertFeed } from './alert-feed';
import { useMapAttention, useMapPortfolio } from './api';
import { AttentionList } from './attention-list';
import { cleanFilters, mapFilterKeys } from './filters';
import styles from './map.module.css';
import { MapFilterBar } from './map-filter-bar';
import { MapPareto, PortfolioMatrix } from './portfolio-panel';
import { StepFlow } from './step-flow';

/**
 * The home page: the key-account map (大客户营销管理图). What needs attention today comes first, the
 * alert feed beside it; then the five steps with their live figures; then the portfolio. Every figure
 * links to the records behind it; the filters live in the URL.
 */
export function MapPage() {
  const user = useCurrentUser();
  // agents (external partners) have no map: their home is their account list
  if (!seesAnalytics(user)) return <Navigate to="/accounts" replace />;
  return <MapView />;
}

function MapView() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlParams(mapFilterKeys);
  const filters = cleanFilters(url);
  const attention = useMapAttention(filters);
  const portfolio = useMapPortfolio(filters);
  const scope =
    user.role === 'kam'
      ? t('map.scope.kam')
      : user.role === 'admin'
        ? t('map.scope.company')
        : t('map.scope.unit', { unit: user.orgUnitName });
  return (
    <div className={styles.page}>
      <PageHeader
        title={t('map.title')}
        subtitle={
          <>
            {scope}
            {portfolio.data?.asOf && ` · ${t('map.asOf', { date: formatDate(portfolio.data.asOf) })}`}
            {portfolio.data && ` · ${t('map.accounts', { n: formatCount(portfolio.data.accounts) })}`}
          </>
        }
      />
      <div className={styles.filters}>
        <MapFilterBar filters={filters} onChange={setUrl} user={user} />
      </div>
      <div className={styles.top}>
        <section className={styles.panel} aria-labelledby="map-attention">
          <h2 id="map-attention" className={styles.panelTitle}>
            <FireOutlined className={styles.fire} />
            {t('map.attention.title')}
            <small>{t('map.attention.hint')}</small>
          </h2>
          <AttentionList data={attention.data} loading={attention.isPending} user={user} />
        </section>
        <section className={styles.panel} aria-labelledby="map-feed">
          <h2 id="map-feed" className={styles.panelTitle}>
            <AlertOutlined className={styles.bell} />
            {t('map.feed.title')}
            <Link to="/alerts" className={styles.panelLink}>
              {t('map.feed.open')}
            </Link>
          </h2>
          <AlertFeed data={attention.data} loading={attention.isPending} />
        </section>
      </div>
      <h2 className={styles.flowTitle}>{t('map.flowTitle')}</h2>
      <StepFlow filters={filters} />
      <div className={styles.bottom}>
        <section className={styles.panel} aria-labelledby="map-matrix">
          <h2 id="map-matrix" className={styles.panelTitle}>
            {t('map.portfolio.matrix')}
          </h2>
          <PortfolioMatrix data={portfolio.data} loading={portfolio.isPending} />
        </section>
        <section className={styles.panel} aria-labelledby="map-pareto">
          <h2 id="map-pareto" className={styles.panelTitle}>
            {t('map.portfolio.pareto')}
          </h2>
          <MapPareto data={portfolio.data} loading={portfolio.isPending} />
        </section>
      </div>
    </div>
  );
}
