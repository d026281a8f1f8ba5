import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { toSearch } from '../../app/api/client';
import { errorMessage } from '../../app/api/error-message';
import { useCurrentUser } from '../../app/auth/current-user';
import { type ExportFormatValue, type ExportKindValue, useExportSettings, useRequestExport } from './api';

const personal: ExportKindValue[] = ['contacts', 'interactions', 'surveys'];

/** A list's query without its paging (limit, sort, cursor): the filters its export takes. */
export function exportFilters(
  params: Record<string, string | number | boolean | null | undefined>,
): Record<string, string | undefined> {
  const paging = new Set(['limit', 'sort', 'cursor']);
  return Object.fromEntries(
    Object.entries(params)
      .filter(([k, v]) => !paging.has(k) && v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
}

/**
 * "Export" on a list page: CSV (UTF-8 with BOM, opens in Excel), Excel, and vCard for contacts, in
 * the user's scope and masking. Personal data, when the setting asks for it, goes through a request
 * a director approves first.
 */
export function ExportButton({
  kind,
  filters = {},
}: {
  kind: ExportKindValue;
  /** The list's current filters, as its URL has them. */
  filters?: Record<string, string | undefined | null>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const settings = useExportSettings();
  const request = useRequestExport();
  const [asking, setAsking] = useState<ExportFormatValue | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const needsApproval =
    personal.includes(kind) &&
    settings.data?.personalDataNeedsApproval === true &&
    user.role !== 'admin' &&
    user.role !== 'director';
  const given = Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  const formats: ExportFormatValue[] = kind === 'contacts' ? ['xlsx', 'csv', 'vcf'] : ['xlsx', 'csv'];

  const choose = (format: ExportFormatValue) => {
    if (needsApproval) {
      setAsking(format);
      return;
    }
    window.location.href = `/api/v1/exports/${kind}${toSearch({ ...given, format })}`;
  };

  return (
    <>
      <Dropdown
        menu={{
          items: formats.map((f) => ({ key: f, label: t(`export.format.${f}`) })),
          onClick: ({ key }) => choose(key as ExportFormatValue),
        }}
      >
        <Button icon={<DownloadOutlined />}>{needsApproval ? t('export.request') : t('export.button')}</Button>
      </Dropdown>
      <Modal
        open={asking !== null}
        title={t('export.requestTitle')}
        okText={t('export.requestSend')}
        confirmLoading={request.isPending}
        onCancel={() => setAsking(null)}
        onOk={async () => {
          const { reason } = await form.validateFields();
          request.mutate(
            { kind, format: asking ?? 'xlsx', reason, filters: given },
            {
              onSuccess: () => {
                setAsking(null);
                form.resetFields();
                message.success(t('export.requestSent'));
                navigate('/export-requests');
              },
              onError: (e) => message.error(errorMessage(e, t)),
            },
          );
        }}
      >
        <p>{t('export.requestExplain')}</p>
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('export.reason')}
            rules={[{ required: true, min: 2, message: t('export.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
