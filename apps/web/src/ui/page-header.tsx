import { Breadcrumb, Flex, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Crumb = { title: ReactNode; to?: string };

export function PageHeader({
  title,
  subtitle,
  tags,
  extra,
  breadcrumb,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
  breadcrumb?: Crumb[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  // the browser tab and history say which page (and which account) this is
  useEffect(() => {
    document.title = `${title} · ${t('brand.product')}`;
    return () => {
      document.title = `${t('brand.product')} ${t('brand.name')}`;
    };
  }, [title, t]);
  return (
    <div style={{ marginBottom: 16 }}>
      {breadcrumb && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={breadcrumb.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))}
        />
      )}
      <Flex align="center" justify="space-between" gap={16} wrap>
        <Flex align="center" gap={12} wrap style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {tags}
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </Flex>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </div>
  );
}
