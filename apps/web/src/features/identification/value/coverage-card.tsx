import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountValueData } from '../../../app/api/types';
import { formatPercent } from '../../../ui/format';

/** Which buying-centre roles we reach (a strong contact, talked to in the last 90 days), and which we do not. */
export function CoverageCard({ accountId, coverage }: { accountId: string; coverage: AccountValueData['coverage'] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      variant="borderless"
      title={t('value.coverageTitle')}
      extra={<Link to={`/accounts/${accountId}?tab=contacts`}>{t('value.coverageContacts')}</Link>}
      style={{ height: '100%' }}
    >
      <Flex vertical gap={10}>
        <Progress
          percent={Math.round(coverage.share * 100)}
          strokeColor={coverage.share >= 0.6 ? '#15803d' : coverage.share >= 0.4 ? '#d97706' : '#cf1322'}
          format={() => formatPercent(coverage.share, 0)}
        />
        <Flex wrap gap={6}>
          {coverage.covered.map((role) => (
            <Tag key={role} color="green" icon={<CheckOutlined />} style={{ marginInlineEnd: 0 }}>
              {t(`enum.decisionRole.${role}`)}
            </Tag>
          ))}
          {coverage.missing.map((role) => (
            <Tag key={role} icon={<CloseOutlined />} style={{ marginInlineEnd: 0, color: '#94a3b8' }}>
              {t(`enum.decisionRole.${role}`)}
            </Tag>
          ))}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('value.coverageContactsCount', { contacts: coverage.contacts, strong: coverage.strongContacts })}
        </Typography.Text>
        {coverage.contacts === 0 ? (
          // no contact at all is worse than one, and says so (the server flags both as single-threaded)
          <Alert type="warning" showIcon title={t('value.noContacts')} description={t('value.noContactsHint')} />
        ) : (
          coverage.singleThreaded && (
            <Alert
              type="warning"
              showIcon
              title={t('value.singleThreaded')}
              description={t('value.singleThreadedHint')}
            />
          )
        )}
      </Flex>
    </Card>
  );
}
