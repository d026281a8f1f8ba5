import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/auth/current-user';
import { readsAlerts } from './access';
import { useAlertCounts } from './api';

/** The header bell: unread alerts in the caller's scope, a way into the inbox. */
export function AlertBell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const enabled = readsAlerts(user);
  const counts = useAlertCounts(enabled);
  if (!enabled) return null;
  const unread = counts.data?.unread ?? 0;
  return (
    <Tooltip title={t('alert.bell', { count: unread })}>
      <Link to="/alerts?unread=1" aria-label={t('alert.bell', { count: unread })}>
        <Badge count={unread} overflowCount={99} size="small" offset={[-4, 4]}>
          <Button type="text" shape="circle" icon={<BellOutlined style={{ fontSize: 18 }} />} />
        </Badge>
      </Link>
    </Tooltip>
  );
}
