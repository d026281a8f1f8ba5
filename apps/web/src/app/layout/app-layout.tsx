import { DeploymentUnitOutlined } from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { AlertBell } from '../../features/alerts/alert-bell';
import { seesAnalytics } from '../../features/identification/access';
import { LookupBox } from '../../features/lookup/lookup-box';
import { BrandMark } from '../../ui/brand-mark';
import { PageSkeleton } from '../../ui/page-skeleton';
import { useCurrentUser } from '../auth/current-user';
import { LanguageSwitch } from '../i18n/language-switch';
import styles from './app-layout.module.css';
import { navigation, navSteps } from './nav';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const user = useCurrentUser();
  const [collapsed, setCollapsed] = useState(false);
  // below the md breakpoint (phones) the menu folds away entirely and closes again once a page is picked
  const [narrow, setNarrow] = useState(false);
  const section = `/${location.pathname.split('/')[1] ?? ''}`;

  // a step none of whose pages the role may open is left out, heading and all
  const home = seesAnalytics(user)
    ? [{ key: '/', icon: <DeploymentUnitOutlined />, label: <Link to="/">{t('nav.page.map')}</Link> }]
    : [];
  const steps = navigation
    .map(({ step, items: pages }) => ({
      type: 'group' as const,
      key: step,
      label: collapsed ? null : (
        <span className={styles.stepLabel}>
          <span className={styles.stepNo}>{navSteps.indexOf(step) + 1}</span>
          {t(`nav.step.${step}`)}
        </span>
      ),
      children: pages
        .filter(({ roles }) => !roles || roles.includes(user.role))
        .map(({ page, path, icon: Icon }) => ({
          key: path,
          icon: <Icon />,
          label: <Link to={path}>{t(`nav.page.${page}`)}</Link>,
        })),
    }))
    .filter((group) => group.children.length > 0);
  const items = [...home, ...steps];

  return (
    <Layout className={styles.shell}>
      <Layout.Sider
        theme="light"
        width={216}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="md"
        collapsedWidth={narrow ? 0 : 80}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
        className={narrow ? `${styles.sider} ${styles.narrow}` : styles.sider}
      >
        <Link to={seesAnalytics(user) ? '/' : '/accounts'} className={styles.brand}>
          <BrandMark size={28} />
          {!collapsed && (
            <span className={styles.brandText}>
              <strong>{t('brand.product')}</strong>
              <small>{t('brand.name')}</small>
            </span>
          )}
        </Link>
        <Menu
          mode="inline"
          selectedKeys={[section]}
          items={items}
          className={styles.menu}
          onClick={() => narrow && setCollapsed(true)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className={styles.header}>
          <LookupBox />
          <div className={styles.headerRight}>
            <AlertBell />
            <LanguageSwitch />
            <UserMenu />
          </div>
        </Layout.Header>
        <Layout.Content className={styles.content}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
