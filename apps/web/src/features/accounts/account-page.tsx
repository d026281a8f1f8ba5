import { ApartmentOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton, Space, Tabs, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../app/auth/current-user';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { LifecycleTag } from '../../ui/enum-tags';
import { lazyNamed } from '../../ui/lazy-named';
import { PageHeader } from '../../ui/page-header';
import { PageSkeleton } from '../../ui/page-skeleton';
import { QueryError } from '../../ui/query-error';
import { seesAnalytics } from '../identification/access';
import { planReaders } from '../plans/access';
import { useAccount } from './api';
import { AccountBrief } from './brief/account-brief';

// The page opens on the brief; every other tab is fetched the first time it is opened, so opening an
// account does not wait for the code of the relationship chart, the order tables and the forms.
const ProfileTab = lazyNamed(() => import('./profile-tab'), 'ProfileTab');
const TeamTab = lazyNamed(() => import('./team-tab'), 'TeamTab');
const ContactsTab = lazyNamed(() => import('./contacts-tab'), 'ContactsTab');
const RelationshipMapTab = lazyNamed(() => import('../relationships/relationship-map-tab'), 'RelationshipMapTab');
const AccountNeedsTab = lazyNamed(() => import('../needs/account-needs-tab'), 'AccountNeedsTab');
const OrdersTab = lazyNamed(() => import('./orders-tab'), 'OrdersTab');
const TimelineTab = lazyNamed(() => import('./timeline-tab'), 'TimelineTab');
const InsightsTab = lazyNamed(() => import('./insights-tab'), 'InsightsTab');
const CompetitorsTab = lazyNamed(() => import('./competitors-tab'), 'CompetitorsTab');
const AccountPlanTab = lazyNamed(() => import('../plans/account-tabs'), 'AccountPlanTab');
const AccountOpportunitiesTab = lazyNamed(() => import('../plans/account-tabs'), 'AccountOpportunitiesTab');
const AccountContractsTab = lazyNamed(() => import('../plans/account-tabs'), 'AccountContractsTab');
const ValueTab = lazyNamed(() => import('../identification/value/value-tab'), 'ValueTab');
const AccountEditDrawer = lazyNamed(() => import('./account-edit-drawer'), 'AccountEditDrawer');

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
