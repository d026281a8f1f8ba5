import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { TeamRole } from '@kamap/contracts';
import { App, Button, Card, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/error-message';
import type { Account, TeamMemberData, TeamRoleValue } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { EmptyState } from '../../ui/empty-state';
import { compareNames, formatDate } from '../../ui/format';
import { UserPicker } from '../org/pickers';
import { useTeamMutations } from './api';

const roleColor: Record<TeamRoleValue, string> = {
  owner: 'gold',
  executive_sponsor: 'purple',
  sales: 'blue',
  service: 'cyan',
  technical: 'geekblue',
};

export function TeamTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { set, remove } = useTeamMutations(account.id);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<TeamRoleValue>('sales');
  const canEdit = user.permissions.writeAccounts;

  const members = useMemo(
    () =>
      [...account.team].sort(
        (a, b) =>
          TeamRole.options.indexOf(a.role) - TeamRole.options.indexOf(b.role) ||
          compareNames(a.user.displayName, b.user.displayName),
      ),
    [account.team],
  );
  const roleOptions = TeamRole.options.map((v) => ({ value: v, label: t(`enum.teamRole.${v}`) }));
  const fail = (error: unknown) => void message.error(errorMessage(error, t));

  return (
    <Card variant="borderless" size="small">
      {canEdit && (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <UserPicker value={userId} onChange={setUserId} style={{ width: 220 }} />
          <Select<TeamRoleValue> value={role} onChange={setRole} options={roleOptions} style={{ width: 160 }} />
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            disabled={!userId}
            loading={set.isPending}
            onClick={() =>
              userId &&
              set.mutate(
                { userId, role },
                {
                  onSuccess: () => {
                    setUserId(null);
                    void message.success(t('team.saved'));
                  },
                  onError: fail,
                },
              )
            }
          >
            {t('team.add')}
          </Button>
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            {t('team.addHint')}
          </Typography.Text>
        </Flex>
      )}
      <Table<TeamMemberData>
        rowKey={(m) => m.user.id}
        size="middle"
        pagination={false}
        dataSource={members}
        locale={{ emptyText: <EmptyState description={t('team.empty')} /> }}
        columns={[
          {
            title: t('team.member'),
            key: 'name',
            render: (_, m) => <Typography.Text strong>{m.user.displayName}</Typography.Text>,
          },
          {
            title: t('team.role'),
            key: 'role',
            render: (_, m) =>
              canEdit ? (
                <Select<TeamRoleValue>
                  size="small"
                  value={m.role}
                  options={roleOptions}
                  style={{ width: 150 }}
                  onChange={(next) => set.mutate({ userId: m.user.id, role: next }, { onError: fail })}
                />
              ) : (
                <Tag color={roleColor[m.role]}>{t(`enum.teamRole.${m.role}`)}</Tag>
              ),
          },
          { title: t('team.since'), dataIndex: 'since', key: 'since', render: formatDate },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, m: TeamMemberData) => (
                    <Popconfirm
                      title={t('team.removeConfirm', { name: m.user.displayName })}
                      okText={t('action.remove')}
                      cancelText={t('action.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutateAsync(m.user.id).catch(fail)}
                    >
                      <Button type="text" danger size="small" icon={<DeleteOutlined />}>
                        {t('action.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
