import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Account, ContactSummary } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { EmptyState } from '../../ui/empty-state';
import { ListFooter } from '../../ui/list-footer';
import { QueryError } from '../../ui/query-error';
import { useContactList } from '../contacts/api';
import { contactColumns } from '../contacts/contact-columns';
import { ContactFormDrawer } from '../contacts/contact-form-drawer';

export function ContactsTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const contacts = useContactList({ accountId: account.id, sort: 'name', limit: 100 });
  const columns = useMemo(() => contactColumns(t, { withAccount: false }), [t]);

  return (
    <Card variant="borderless" size="small">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={8} wrap>
        <Typography.Text type="secondary">
          {t('contact.mapHint')}{' '}
          <Link to={`/accounts/${account.id}?tab=relationships`}>{t('account.tab.relationships')}</Link>
        </Typography.Text>
        {user.permissions.writeAccounts && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('contact.create')}
          </Button>
        )}
      </Flex>
      {contacts.isError && !contacts.data ? (
        <QueryError error={contacts.error} onRetry={() => contacts.refetch()} />
      ) : (
        <>
          <Table<ContactSummary>
            rowKey="id"
            size="middle"
            className="kamap-clickable-rows"
            columns={columns}
            dataSource={contacts.items}
            loading={contacts.isPending}
            pagination={false}
            scroll={{ x: 840 }}
            onRow={(c) => ({ onClick: () => navigate(`/contacts/${c.id}`) })}
            locale={{ emptyText: <EmptyState description={t('contact.empty')} /> }}
          />
          <ListFooter list={contacts} />
        </>
      )}
      {creating && (
        <ContactFormDrawer
          accountId={account.id}
          onClose={() => setCreating(false)}
          onSaved={(c) => navigate(`/contacts/${c.id}`)}
        />
      )}
    </Card>
  );
}
