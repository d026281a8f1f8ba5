import { Card, Descriptions, Flex, Rate, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Account } from '../../app/api/types';
import { formatCount, formatDateTime } from '../../ui/format';
import { Money } from '../../ui/money';
import { industryLabel } from './labels';
import { OrderTrendCard } from './order-trend-card';
import { RollupCard } from './rollup-card';

const dash = <Typography.Text type="secondary">—</Typography.Text>;
const text = (value: string | null) => value || dash;

export function ProfileTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const rating = (value: number | null) =>
    value === null ? dash : <Rate disabled value={value} style={{ fontSize: 14 }} />;

  return (
    <Flex vertical gap={16}>
      <RollupCard title={t('rollup.ownTitle')} rollup={account.own} />
      {account.group && (
        <RollupCard
          title={t('rollup.groupTitle', { count: Math.max(account.group.accounts - 1, 0) })}
          rollup={account.group}
          group
        />
      )}
      <OrderTrendCard accountId={account.id} />
      <Card size="small" variant="borderless" title={t('account.section.basic')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'name', label: t('account.name'), children: account.name },
            { key: 'shortName', label: t('account.shortName'), children: text(account.shortName) },
            { key: 'code', label: t('account.code'), children: account.code },
            {
              key: 'creditCode',
              label: t('account.creditCode'),
              children: account.creditCode ? <span className="kamap-num">{account.creditCode}</span> : dash,
            },
            {
              key: 'parent',
              label: t('account.parent'),
              children: account.parent ? (
                <Link to={`/accounts/${account.parent.id}`}>{account.parent.name}</Link>
              ) : (
                dash
              ),
            },
            {
              key: 'children',
              label: t('account.children'),
              children:
                account.children.length === 0 ? (
                  dash
                ) : (
                  <Space size={[4, 4]} wrap>
                    {account.children.map((c) => (
                      <Link key={c.id} to={`/accounts/${c.id}`}>
                        <Tag>
                          {c.name}
                          {c.childCount > 0 ? ` (+${c.childCount})` : ''}
                        </Tag>
                      </Link>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" variant="borderless" title={t('account.section.profile')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'industry', label: t('account.industry'), children: industryLabel(t, account.industry) },
            {
              key: 'sizeBand',
              label: t('account.sizeBand'),
              children: account.sizeBand ? t(`enum.sizeBand.${account.sizeBand}`) : dash,
            },
            {
              key: 'employeeCount',
              label: t('account.employeeCount'),
              children: account.employeeCount === null ? dash : formatCount(account.employeeCount),
            },
            {
              key: 'region',
              label: t('account.region'),
              children: [account.province, account.city].filter(Boolean).join(' · ') || dash,
            },
            { key: 'address', label: t('account.address'), children: text(account.address), span: 2 },
            { key: 'phone', label: t('account.phone'), children: text(account.phone) },
            {
              key: 'website',
              label: t('account.website'),
              children: account.website ? (
                <Typography.Link
                  href={/^https?:\/\//.test(account.website) ? account.website : `https://${account.website}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {account.website}
                </Typography.Link>
              ) : (
                dash
              ),
            },
            {
              key: 'annualRevenueEstimate',
              label: t('account.annualRevenueEstimate'),
              children: <Money value={account.annualRevenueEstimate} />,
            },
            {
              key: 'walletEstimate',
              label: t('account.walletEstimate'),
              span: 'filled',
              children: <Money value={account.walletEstimate} />,
            },
          ]}
        />
      </Card>
      <Card size="small" variant="borderless" title={t('account.section.management')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'owner', label: t('account.owner'), children: account.owner?.displayName ?? dash },
            { key: 'orgUnit', label: t('account.orgUnit'), children: account.orgUnitName },
            {
              key: 'priceSensitivity',
              label: t('account.priceSensitivity'),
              children: account.priceSensitivity ? t(`enum.priceSensitivity.${account.priceSensitivity}`) : dash,
            },
            { key: 'marketInfluence', label: t('account.marketInfluence'), children: rating(account.marketInfluence) },
            { key: 'strategicFit', label: t('account.strategicFit'), children: rating(account.strategicFit) },
            { key: 'creditLimit', label: t('account.creditLimit'), children: <Money value={account.creditLimit} /> },
            {
              key: 'paymentTermsDays',
              label: t('account.paymentTermsDays'),
              children:
                account.paymentTermsDays === null ? dash : t('common.daysValue', { count: account.paymentTermsDays }),
            },
            {
              key: 'tags',
              label: t('account.tags'),
              span: 2,
              children:
                account.tags.length === 0 ? (
                  dash
                ) : (
                  <Space size={[4, 4]} wrap>
                    {account.tags.map((tag) => (
                      <Link key={tag} to={`/accounts?tag=${encodeURIComponent(tag)}`}>
                        <Tag color="blue">{tag}</Tag>
                      </Link>
                    ))}
                  </Space>
                ),
            },
            { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(account.createdAt) },
            { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(account.updatedAt) },
            { key: 'version', label: t('common.version'), children: account.version },
          ]}
        />
      </Card>
    </Flex>
  );
}
