import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Skeleton, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Account, ContactSummary } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { useUrlParams } from '../../app/use-url-params';
import { EmptyState } from '../../ui/empty-state';
import { ListFooter } from '../../ui/list-footer';
import { OrgChart } from '../../ui/org-chart/org-chart';
import { QueryError } from '../../ui/query-error';
import { useContactList } from '../contacts/api';
import { contactColumns } from '../contacts/contact-columns';
import { ContactFormDrawer } from '../contacts/contact-form-drawer';
import { useOrgChart } from './api';

const urlKeys = ['contactsView'] as const;

export function ContactsTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [url, setUrl] = useUrlParams(urlKeys);
  const [creating, setCreating] = useState(false);
  const view = url.contactsView === 'chart' ? 'chart' : 'table';
  const contacts = useContactList({ accountId: account.id, sort: 'name', limit: 100 }, { enabled: view === 'table' });
  const chart = useOrgChart(account.id);
  const columns = useMemo(() => contactColumns(t, { withAccount: false }), [t]);

  return (
    <Card variant="borderless" size="small">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={8} wrap>
        <Segmented
          value={view}
          onChange={(v) => setUrl({ contactsView: v === 'chart' ? 'chart' : null })}
          options={[
            { value: 'table', label: t('contact.viewTable') },
            { value: 'chart', label: t('contact.viewOrgChart') },
          ]}
        />
        {user.permissions.writeAccounts && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('contact.create')}
          </Button>
        )}
      </Flex>
      {view === 'chart' ? (
        chart.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : chart.isError ? (
          <QueryError error={chart.error} onRetry={() => chart.refetch()} />
        ) : chart.data.length === 0 ? (
          <EmptyState description={t('contact.empty')} />
        ) : (
          <OrgChart people={chart.data} onOpen={(id) => navigate(`/contacts/${id}`)} />
        )
      ) : contacts.isError && !contacts.data ? (
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
