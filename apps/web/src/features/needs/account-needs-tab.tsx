import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { NeedDrawer } from './need-drawer';
import { NeedFormModal } from './need-form-modal';
import { NeedsBoard } from './needs-board';

/** The account's needs as a board by status, with the way to record a new one. */
export function AccountNeedsTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [opened, setOpened] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('need.tabHint')}</Typography.Text>
        {user.role !== 'agent' && user.role !== 'analyst' && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('need.create')}
          </Button>
        )}
      </Flex>
      <NeedsBoard params={{ accountId: account.id }} onOpen={setOpened} showAccount={false} />
      {opened && <NeedDrawer id={opened} onClose={() => setOpened(null)} />}
      {creating && (
        <NeedFormModal accountId={account.id} onClose={() => setCreating(false)} onSaved={(n) => setOpened(n.id)} />
      )}
    </Flex>
  );
}
