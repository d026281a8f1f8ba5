import { Drawer, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../ui/query-error';
import { useLookup } from './api';
import { LookupMatchView } from './lookup-match';

export function LookupDrawer({ phone, onClose }: { phone: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lookup = useLookup(phone);
  const matches = lookup.data?.matches ?? [];

  let body: React.ReactNode;
  if (lookup.isPending) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (lookup.isError) body = <QueryError error={lookup.error} onRetry={() => lookup.refetch()} />;
  else if (matches.length === 0)
    body = <Result status="info" title={t('lookup.noMatch')} subTitle={t('lookup.noMatchHint')} />;
  else if (matches.length === 1 && matches[0]) body = <LookupMatchView match={matches[0]} onNavigate={onClose} />;
  else
    body = (
      <Tabs
        items={matches.map((match) => ({
          key: `${match.account.id}:${match.contact?.id ?? ''}`,
          label: match.contact ? `${match.contact.name} · ${match.account.name}` : match.account.name,
          children: <LookupMatchView match={match} onNavigate={onClose} />,
        }))}
      />
    );

  return (
    <Drawer
      open
      onClose={onClose}
      size={640}
      title={
        <Flex vertical>
          <span>{t('lookup.title', { phone })}</span>
          {lookup.data && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('lookup.normalized', { number: lookup.data.normalized, count: matches.length })}
            </Typography.Text>
          )}
        </Flex>
      }
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
