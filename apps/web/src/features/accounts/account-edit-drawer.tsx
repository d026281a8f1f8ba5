import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, UpdateAccount } from '../../app/api/types';
import { changedFields } from '../../ui/form-values';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { AccountForm, type AccountFormValues, toAccountFields, toFormValues } from './account-form';
import { accountKeys, useUpdateAccount } from './api';

export function AccountEditDrawer({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AccountFormValues>();
  // the record as it was when editing began; its version is what the PATCH claims to have read
  const [base, setBase] = useState(account);
  const update = useUpdateAccount(account.id);

  const save = async () => {
    const values = await form.validateFields();
    // only what the user changed is sent, with the version the form was opened on
    const changes = changedFields(toAccountFields(toFormValues(base)), toAccountFields(values));
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate({ version: base.version, ...changes } as UpdateAccount, {
      onSuccess: () => {
        void message.success(t('form.saved'));
        onClose();
      },
      onError: (error) => showFieldErrors(form, error),
    });
  };

  const reload = async () => {
    await queryClient.refetchQueries({ queryKey: accountKeys.detail(account.id), exact: true });
    const fresh = queryClient.getQueryData<Account>(accountKeys.detail(account.id));
    if (!fresh) return;
    setBase(fresh);
    form.resetFields();
    form.setFieldsValue(toFormValues(fresh));
    update.reset();
  };

  return (
    <Drawer
      open
      title={t('account.editTitle', { name: base.name })}
      size={760}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={save}>
            {t('action.save')}
          </Button>
        </Flex>
      }
    >
      <ProblemAlert error={update.error} onReload={reload} />
      <AccountForm form={form} account={base} disabled={update.isPending} />
    </Drawer>
  );
}
