import { App, Button, Drawer, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CreateAccount } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { AccountForm, type AccountFormValues, toAccountFields } from './account-form';
import { useCreateAccount } from './api';

export function AccountCreateDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<AccountFormValues>();
  const create = useCreateAccount();
  // a KAM creating an account usually manages it; others pick the owner
  const kam = user.role === 'kam';

  const save = async () => {
    const values = await form.validateFields();
    // nulls are left out: a new record takes the server's defaults for what the user did not fill in
    const body = Object.fromEntries(Object.entries(toAccountFields(values)).filter(([, v]) => v !== null));
    create.mutate(body as CreateAccount, {
      onSuccess: (account) => {
        void message.success(t('account.created'));
        onClose();
        navigate(`/accounts/${account.id}`);
      },
      onError: (error) => showFieldErrors(form, error),
    });
  };

  return (
    <Drawer
      open
      title={t('account.create')}
      size={760}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={save}>
            {t('action.create')}
          </Button>
        </Flex>
      }
    >
      <ProblemAlert error={create.error} />
      <AccountForm
        form={form}
        disabled={create.isPending}
        defaults={{
          values: { orgUnitId: user.orgUnitId, ownerId: kam ? user.id : null },
          owner: kam ? { id: user.id, displayName: user.displayName } : null,
        }}
      />
    </Drawer>
  );
}
