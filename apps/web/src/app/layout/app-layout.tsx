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
  // on a phone the menu folds away entirely (a button brings it back) so pages get the whole width
  const [phone, setPhone] = useState(false);
  const section = `/${location.pathname.split('/')[1] ?? ''}`;

  const home = seesAnalytics(user)
    ? [{ key: '/', icon: <DeploymentUnitOutlined />, label: <Link to="/">{t('nav.page.map')}</Link> }]
    : [];
  const steps = navigation.map(({ step, items: pages }) => ({
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
  }));
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
        collapsedWidth={phone ? 0 : 80}
        onBreakpoint={(broken) => {
          setPhone(broken);
          setCollapsed(broken);
        }}
        className={styles.sider}
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
        <Menu mode="inline" selectedKeys={[section]} items={items} className={styles.menu} />
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
