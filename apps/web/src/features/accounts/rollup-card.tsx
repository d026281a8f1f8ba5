import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRollupData } from '../../app/api/types';
import { formatCount, formatDate, formatMoney, formatPercent } from '../../ui/format';

function Figure({
  title,
  value,
  note,
  danger,
}: {
  title: ReactNode;
  value: string;
  note?: ReactNode;
  danger?: boolean;
}) {
  return (
    <Statistic
      title={title}
      value={value}
      styles={{ content: { fontSize: 20, fontVariantNumeric: 'tabular-nums', color: danger ? '#cf1322' : undefined } }}
      suffix={note ? <span style={{ fontSize: 12, marginInlineStart: 6 }}>{note}</span> : undefined}
    />
  );
}

/** Year-on-year change of revenue; null when there was nothing to compare with. */
function growth(current: number, previous: number): number | null {
  return previous > 0 ? (current - previous) / previous : null;
}

export function RollupCard({ title, rollup, group }: { title: ReactNode; rollup: AccountRollupData; group?: boolean }) {
  const { t } = useTranslation();
  const change = growth(rollup.revenue12m, rollup.revenuePrev12m);
  const marginRate = rollup.revenue12m > 0 ? rollup.margin12m / rollup.revenue12m : null;
  return (
    <Card size="small" title={title} variant="borderless" styles={{ body: { padding: '12px 16px 16px' } }}>
      <Row gutter={[24, 16]}>
        <Col xs={12} lg={6}>
          <Figure
            title={t('rollup.revenue12m')}
            value={formatMoney(rollup.revenue12m)}
            note={
              change === null ? null : (
                <Typography.Text type={change >= 0 ? 'success' : 'danger'}>
                  {change >= 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {formatPercent(Math.abs(change))}
                </Typography.Text>
              )
            }
          />
        </Col>
        <Col xs={12} lg={6}>
          <Figure
            title={t('rollup.margin12m')}
            value={formatMoney(rollup.margin12m)}
            note={
              marginRate === null ? null : (
                <Typography.Text type="secondary">
                  {t('rollup.marginRate', { rate: formatPercent(marginRate) })}
                </Typography.Text>
              )
            }
          />
        </Col>
        <Col xs={12} lg={6}>
          <Figure title={t('rollup.revenuePrev12m')} value={formatMoney(rollup.revenuePrev12m)} />
        </Col>
        <Col xs={12} lg={6}>
          <Figure title={t('rollup.lastOrderDate')} value={formatDate(rollup.lastOrderDate)} />
        </Col>
        <Col xs={12} lg={6}>
          <Figure title={t('rollup.receivables')} value={formatMoney(rollup.receivables)} />
        </Col>
        <Col xs={12} lg={6}>
          <Figure title={t('rollup.overdue')} value={formatMoney(rollup.overdue)} danger={rollup.overdue > 0} />
        </Col>
        <Col xs={12} lg={6}>
          <Figure title={t('rollup.orders12m')} value={formatCount(rollup.orders12m)} />
        </Col>
        <Col xs={12} lg={6}>
          <Figure
            title={group ? t('rollup.accountsAndContacts') : t('rollup.contacts')}
            value={
              group
                ? t('rollup.accountsAndContactsValue', {
                    accounts: formatCount(rollup.accounts),
                    contacts: formatCount(rollup.contacts),
                  })
                : formatCount(rollup.contacts)
            }
          />
        </Col>
      </Row>
    </Card>
  );
}
