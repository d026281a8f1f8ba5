import { DownOutlined, LogoutOutlined } from '@ant-design/icons';
import { Dropdown, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../../features/auth/api';
import { useCurrentUser } from '../auth/current-user';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <Flex vertical style={{ minWidth: 180 }}>
                <Typography.Text strong>{user.displayName}</Typography.Text>
                <Typography.Text type="secondary">
                  {user.username} · {t(`role.${user.role}`)}
                </Typography.Text>
                <Typography.Text type="secondary">{user.orgUnitName}</Typography.Text>
              </Flex>
            ),
          },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
        },
      }}
    >
      <button type="button" className="kamap-user-button" aria-label={t('user.menu')}>
        {/* a plain circle: antd's Avatar measures its text after mounting, a forced layout on every first paint */}
        <span className="kamap-avatar" aria-hidden>
          {user.displayName.slice(0, 1)}
        </span>
        <Flex vertical align="flex-start" className="kamap-user-name" style={{ lineHeight: 1.25 }}>
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`role.${user.role}`)}
          </Typography.Text>
        </Flex>
        <DownOutlined style={{ fontSize: 10, color: '#94a3b8' }} />
      </button>
    </Dropdown>
  );
}
