import { ApartmentOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton, Space, Tabs, Typography } from 'antd';
import { type ComponentType, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Account } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { LifecycleTag } from '../../ui/enum-tags';
import { lazyDialog } from '../../ui/lazy-dialog';
import { PageHeader } from '../../ui/page-header';
import { PageSkeleton } from '../../ui/page-skeleton';
import { QueryError } from '../../ui/query-error';
import { seesAnalytics } from '../identification/access';
import { planReaders } from '../plans/access';
import { useAccount } from './api';
import { AccountBrief } from './brief/account-brief';

type TabProps = { account: Account };

/**
 * The page opens on the brief; every other tab is fetched the first time it is opened, so opening an
 * account does not wait for the code of the relationship chart, the order tables and the forms.
 */
function lazyTab<K extends string>(load: () => Promise<Record<K, ComponentType<TabProps>>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
const ProfileTab = lazyTab(() => import('./profile-tab'), 'ProfileTab');
const TeamTab = lazyTab(() => import('./team-tab'), 'TeamTab');
const ContactsTab = lazyTab(() => import('./contacts-tab'), 'ContactsTab');
const RelationshipMapTab = lazyTab(() => import('../relationships/relationship-map-tab'), 'RelationshipMapTab');
const AccountNeedsTab = lazyTab(() => import('../needs/account-needs-tab'), 'AccountNeedsTab');
const OrdersTab = lazyTab(() => import('./orders-tab'), 'OrdersTab');
const TimelineTab = lazyTab(() => import('./timeline-tab'), 'TimelineTab');
const InsightsTab = lazyTab(() => import('./insights-tab'), 'InsightsTab');
const CompetitorsTab = lazyTab(() => import('./competitors-tab'), 'CompetitorsTab');
const AccountPlanTab = lazyTab(() => import('../plans/account-tabs'), 'AccountPlanTab');
const AccountOpportunitiesTab = lazyTab(() => import('../plans/account-tabs'), 'AccountOpportunitiesTab');
const AccountContractsTab = lazyTab(() => import('../plans/account-tabs'), 'AccountContractsTab');
const AccountEditDrawer = lazyDialog(() => import('./account-edit-drawer').then((module) => module.AccountEditDrawer));
const ValueTab = lazy(() => import('../identification/value/value-tab').then((m) => ({ default: m.ValueTab })));

const allTabs = [
  'brief',
  'profile',
  'value',
  'team',
  'contacts',
  'relationships',
  'needs',
  'orders',
  'timeline',
  'insights',
  'competitors',
  'plan',
  'opportunities',
  'contracts',
] as const;
const planTabs = new Set<string>(['plan', 'opportunities', 'contracts']);
const urlKeys = ['tab'] as const;

export function AccountPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const account = useAccount(id);
  const [url, setUrl] = useUrlParams(urlKeys);
  const [editing, setEditing] = useState(false);
  const tabs = allTabs.filter(
    (key) => (key !== 'value' || seesAnalytics(user)) && (!planTabs.has(key) || planReaders.includes(user.role)),
  );
  const tab = oneOf(tabs, url.tab) ?? 'brief';

  if (account.isPending) return <PageSkeleton />;
  if (account.isError) return <QueryError error={account.error} onRetry={() => account.refetch()} />;
  const a = account.data;

  const meta = [
    { label: t('account.code'), value: <span className="kamap-num">{a.code}</span> },
    { label: t('account.owner'), value: a.owner?.displayName ?? '—' },
    { label: t('account.orgUnit'), value: a.orgUnitName },
    ...(a.parent
      ? [
          {
            label: t('account.parent'),
            value: (
              <Link to={`/accounts/${a.parent.id}`}>
                <ApartmentOutlined /> {a.parent.name}
              </Link>
            ),
          },
        ]
      : []),
    ...(a.children.length > 0
      ? [{ label: t('account.children'), value: t('account.childrenCount', { count: a.children.length }) }]
      : []),
  ];

  const render = {
    brief: () => <AccountBrief account={a} />,
    profile: () => <ProfileTab account={a} />,
    value: () => <ValueTab accountId={a.id} />,
    team: () => <TeamTab account={a} />,
    contacts: () => <ContactsTab account={a} />,
    relationships: () => <RelationshipMapTab account={a} />,
    needs: () => <AccountNeedsTab account={a} />,
    orders: () => <OrdersTab account={a} />,
    timeline: () => <TimelineTab account={a} />,
    insights: () => <InsightsTab account={a} />,
    competitors: () => <CompetitorsTab account={a} />,
    plan: () => <AccountPlanTab account={a} />,
    opportunities: () => <AccountOpportunitiesTab account={a} />,
    contracts: () => <AccountContractsTab account={a} />,
  };

  return (
    <div className={tab === 'brief' ? 'kamap-brief-page' : undefined}>
      <PageHeader
        breadcrumb={[{ title: t('nav.page.accounts'), to: '/accounts' }, { title: a.shortName ?? a.name }]}
        title={a.name}
        tags={<LifecycleTag value={a.lifecycle} />}
        extra={
          <>
            {tab === 'brief' && (
              <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                {t('brief.print')}
              </Button>
            )}
            {user.permissions.writeAccounts && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('account.edit')}
              </Button>
            )}
          </>
        }
      >
        <Space size={24} wrap style={{ marginTop: 8 }}>
          {meta.map((m) => (
            <span key={m.label}>
              <Typography.Text type="secondary">
                {m.label}
                {t('common.colon')}
              </Typography.Text>
              {m.value}
            </span>
          ))}
        </Space>
      </PageHeader>
      <Tabs
        activeKey={tab}
        onChange={(key) => setUrl({ tab: key === 'brief' ? null : key })}
        destroyOnHidden
        items={tabs.map((key) => ({
          key,
          label: t(`account.tab.${key}`),
          children: <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>{render[key]()}</Suspense>,
        }))}
      />
      {editing && (
        <Suspense fallback={null}>
          <AccountEditDrawer account={a} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </div>
  );
}
