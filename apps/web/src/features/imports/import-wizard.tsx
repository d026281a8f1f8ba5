import { DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Radio,
  Result,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/error-message';
import { useCurrentUser } from '../../app/auth/current-user';
import { formatCount } from '../../ui/format';
import {
  type ImportKindValue,
  importKinds,
  type RunData,
  startRun,
  type UploadData,
  uploadFile,
  useDeleteTemplate,
  usePreview,
  useRun,
  useSaveTemplate,
  useTemplates,
} from './api';

/** upload → sheet and header row → column mapping → dry run → commit */
export function ImportWizard({ onCommitted }: { onCommitted: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKindValue>('orders');
  const [upload, setUpload] = useState<UploadData | null>(null);
  const [uploading, setUploading] = useState(false);
  const [sheet, setSheet] = useState<string | undefined>();
  const [headerRow, setHeaderRow] = useState<number | undefined>();
  const [templateId, setTemplateId] = useState<string | undefined>();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [onError, setOnError] = useState<'abort' | 'skip'>('abort');
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [commitId, setCommitId] = useState<string | null>(null);
  const [templateName, setTemplateName] = useState('');
  const preview = usePreview(upload?.uploadId ?? null, { kind, sheet, headerRow, templateId });
  const templates = useTemplates(kind);
  const saveTemplate = useSaveTemplate();
  const deleteTemplate = useDeleteTemplate();
  const user = useCurrentUser();
  const chosenTemplate = templates.data?.items.find((x) => x.id === templateId);
  const mayManage = (owner: string) => owner === user.id || user.role === 'admin' || user.role === 'director';
  const dryRun = useRun(dryRunId);
  const commit = useRun(commitId);
  const zh = i18n.language.startsWith('zh');

  useEffect(() => {
    if (preview.data) {
      setMapping(preview.data.mapping);
      if (headerRow === undefined) setHeaderRow(preview.data.headerRow);
    }
  }, [preview.data, headerRow]);
  useEffect(() => {
    if (commit.data?.state === 'done' && commit.data.result?.status === 'committed') onCommitted();
  }, [commit.data, onCommitted]);

  const fields = preview.data?.fields ?? [];
  const fieldLabel = (key: string) => {
    const f = fields.find((x) => x.key === key);
    return f ? (zh ? f.zh : f.en) : key;
  };
  const missing = fields.filter((f) => f.required && !Object.values(mapping).includes(f.key));

  const reset = () => {
    setStep(0);
    setUpload(null);
    setSheet(undefined);
    setHeaderRow(undefined);
    setTemplateId(undefined);
    setMapping({});
    setDryRunId(null);
    setCommitId(null);
  };

  const run = async (dry: boolean) => {
    if (!upload || headerRow === undefined) return;
    try {
      const { runId } = await startRun(upload.uploadId, { kind, sheet, headerRow, mapping, dryRun: dry, onError });
      if (dry) setDryRunId(runId);
      else setCommitId(runId);
      setStep(dry ? 3 : 4);
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  const headerCells = preview.data?.headers ?? [];
  const sample = (index: number) =>
    (preview.data?.rows ?? [])
      .filter((r) => r.row > (headerRow ?? 1))
      .slice(0, 3)
      .map((r) => r.cells[index])
      .filter((c) => c !== null && c !== undefined)
      .join(' · ');

  const mappingRows = useMemo(
    () => headerCells.map((header, index) => ({ key: String(index), index, header })),
    [headerCells],
  );

  return (
    <Card variant="borderless">
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { title: t('import.step.upload') },
          { title: t('import.step.sheet') },
          { title: t('import.step.mapping') },
          { title: t('import.step.dryRun') },
          { title: t('import.step.commit') },
        ]}
      />

      {step === 0 && (
        <Flex vertical gap={16}>
          <Space wrap>
            <Typography.Text>{t('import.kind')}</Typography.Text>
            <Radio.Group
              value={kind}
              optionType="button"
              onChange={(e) => {
                setKind(e.target.value);
                setTemplateId(undefined);
              }}
              options={importKinds.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }))}
            />
          </Space>
          <Upload.Dragger
            accept=".xlsx,.csv,.txt"
            showUploadList={false}
            disabled={uploading}
            customRequest={async ({ file }) => {
              setUploading(true);
              try {
                const info = await uploadFile(file as File);
                setUpload(info);
                setSheet(info.sheets[0]);
                setHeaderRow(undefined);
                setStep(1);
              } catch (error) {
                message.error(errorMessage(error, t));
              } finally {
                setUploading(false);
              }
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{uploading ? t('import.uploading') : t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
        </Flex>
      )}

      {step === 1 && upload && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label={t('import.file')}>{upload.fileName}</Descriptions.Item>
            <Descriptions.Item label={t('import.format')}>{upload.format.toUpperCase()}</Descriptions.Item>
            {upload.encoding && (
              <Descriptions.Item label={t('import.encoding')}>
                {t(`import.encodings.${upload.encoding}`)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('import.kind')}>{t(`import.kinds.${kind}`)}</Descriptions.Item>
          </Descriptions>
          <Space wrap>
            {upload.sheets.length > 0 && (
              <>
                <Typography.Text>{t('import.sheet')}</Typography.Text>
                <Select
                  style={{ minWidth: 160 }}
                  value={sheet}
                  onChange={(v) => {
                    setSheet(v);
                    setHeaderRow(undefined);
                  }}
                  options={upload.sheets.map((s) => ({ value: s, label: s }))}
                />
              </>
            )}
            <Typography.Text>{t('import.headerRow')}</Typography.Text>
            <InputNumber min={1} max={1000} value={headerRow} onChange={(v) => setHeaderRow(v ?? undefined)} />
          </Space>
          <Table
            size="small"
            loading={preview.isLoading}
            pagination={false}
            scroll={{ x: true, y: 360 }}
            rowKey="row"
            dataSource={preview.data?.rows ?? []}
            rowClassName={(r) => (r.row === headerRow ? 'ant-table-row-selected' : '')}
            onRow={(r) => ({ onClick: () => setHeaderRow(r.row) })}
            columns={[
              { title: '#', dataIndex: 'row', width: 56, fixed: 'left' },
              ...Array.from(
                { length: Math.max(0, ...(preview.data?.rows ?? []).map((r) => r.cells.length)) },
                (_, i) => ({
                  title: String.fromCharCode(65 + (i % 26)),
                  key: String(i),
                  ellipsis: true,
                  width: 140,
                  render: (_: unknown, r: { cells: (string | null)[] }) => r.cells[i] ?? '',
                }),
              ),
            ]}
          />
          <Typography.Text type="secondary">{t('import.headerHint')}</Typography.Text>
          <Space>
            <Button onClick={reset}>{t('import.back')}</Button>
            <Button type="primary" onClick={() => setStep(2)} disabled={!preview.data}>
              {t('import.next')}
            </Button>
          </Space>
        </Flex>
      )}

      {step === 2 && preview.data && (
        <Flex vertical gap={16}>
          <Space wrap>
            <Typography.Text>{t('import.template')}</Typography.Text>
            <Select
              allowClear
              style={{ minWidth: 200 }}
              placeholder={t('import.templateNone')}
              value={templateId}
              onChange={(v) => setTemplateId(v)}
              options={(templates.data?.items ?? []).map((x) => ({
                value: x.id,
                label: t('import.templateOption', { name: x.name, owner: x.owner.displayName }),
              }))}
            />
            {chosenTemplate && mayManage(chosenTemplate.owner.id) && (
              <Popconfirm
                title={t('import.templateDeleteConfirm', { name: chosenTemplate.name })}
                okText={t('import.templateDelete')}
                cancelText={t('action.cancel')}
                onConfirm={() =>
                  deleteTemplate.mutate(chosenTemplate.id, {
                    onSuccess: () => {
                      setTemplateId(undefined);
                      message.success(t('import.templateDeleted'));
                    },
                    onError: (e) => message.error(errorMessage(e, t)),
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />} loading={deleteTemplate.isPending}>
                  {t('import.templateDelete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
          {missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('import.missing', { fields: missing.map((f) => fieldLabel(f.key)).join('、') })}
            />
          )}
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={mappingRows}
            columns={[
              {
                title: t('import.column'),
                dataIndex: 'header',
                width: 200,
                render: (h: string | null, r) => h ?? `#${r.index + 1}`,
              },
              { title: t('import.sample'), key: 'sample', ellipsis: true, render: (_: unknown, r) => sample(r.index) },
              {
                title: t('import.target'),
                key: 'target',
                width: 260,
                render: (_: unknown, r) => (
                  <Select
                    allowClear
                    style={{ width: '100%' }}
                    placeholder={t('import.skipColumn')}
                    value={mapping[r.key]}
                    onChange={(v) => {
                      const next = Object.fromEntries(
                        Object.entries(mapping).filter(([k, f]) => k !== r.key && f !== v),
                      );
                      setMapping(v ? { ...next, [r.key]: v } : next);
                    }}
                    options={fields.map((f) => ({
                      value: f.key,
                      label: `${zh ? f.zh : f.en}${f.required ? ' *' : ''}`,
                    }))}
                  />
                ),
              },
            ]}
          />
          <Space wrap>
            <Input
              style={{ width: 220 }}
              placeholder={t('import.templateName')}
              value={templateName}
              onChange={(e) => setTemplateName(e.target.value)}
            />
            <Button
              disabled={!templateName.trim()}
              loading={saveTemplate.isPending}
              onClick={() =>
                saveTemplate.mutate(
                  {
                    kind,
                    name: templateName.trim(),
                    headerRow: headerRow ?? 1,
                    mapping: Object.fromEntries(
                      Object.entries(mapping)
                        .filter(([i]) => headerCells[Number(i)])
                        .map(([i, f]) => [String(headerCells[Number(i)]).trim(), f]),
                    ),
                  },
                  {
                    onSuccess: () => message.success(t('import.templateSaved')),
                    onError: (e) => message.error(errorMessage(e, t)),
                  },
                )
              }
            >
              {t('import.saveTemplate')}
            </Button>
          </Space>
          <Space wrap>
            <Button onClick={() => setStep(1)}>{t('import.back')}</Button>
            <Radio.Group
              value={onError}
              onChange={(e) => setOnError(e.target.value)}
              options={[
                { value: 'abort', label: t('import.onError.abort') },
                { value: 'skip', label: t('import.onError.skip') },
              ]}
            />
            <Button type="primary" disabled={missing.length > 0} onClick={() => run(true)}>
              {t('import.runDry')}
            </Button>
          </Space>
        </Flex>
      )}

      {step === 3 && (
        <Flex vertical gap={16}>
          <RunView run={dryRun.data} fieldLabel={fieldLabel} />
          {dryRun.data?.state === 'done' && (
            <Space>
              <Button onClick={() => setStep(2)}>{t('import.back')}</Button>
              <Button
                type="primary"
                disabled={Boolean(dryRun.data.result?.errorCount) && onError === 'abort'}
                onClick={() => run(false)}
              >
                {t('import.commit')}
              </Button>
              {Boolean(dryRun.data.result?.errorCount) && onError === 'abort' && (
                <Typography.Text type="secondary">{t('import.fixFirst')}</Typography.Text>
              )}
            </Space>
          )}
        </Flex>
      )}

      {step === 4 && (
        <Flex vertical gap={16}>
          <RunView run={commit.data} fieldLabel={fieldLabel} />
          {commit.data?.state !== 'running' && (
            <Button style={{ alignSelf: 'flex-start' }} onClick={reset}>
              {t('import.another')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}

function RunView({ run, fieldLabel }: { run: RunData | undefined; fieldLabel: (key: string) => string }) {
  const { t } = useTranslation();
  if (!run) return <Progress percent={0} />;
  if (run.state === 'running') {
    return (
      <Flex vertical gap={8}>
        <Progress percent={run.percent} status="active" />
        <Typography.Text type="secondary">
          {t(run.phase === 'writing' ? 'import.progressWriting' : 'import.progress', {
            rows: formatCount(run.rows),
            rate: formatCount(run.rowsPerSecond),
            eta: run.etaSeconds ?? '—',
          })}
        </Typography.Text>
      </Flex>
    );
  }
  if (run.state === 'error' || !run.result) return <Alert type="error" showIcon message={run.error} />;
  const r = run.result;
  const status = r.status === 'failed' ? 'error' : r.status === 'committed' ? 'success' : 'info';
  return (
    <Flex vertical gap={16}>
      <Result
        status={status}
        title={t(`import.status.${r.status}`)}
        subTitle={t('import.summary', {
          rows: formatCount(r.rows),
          seconds: r.seconds.toFixed(1),
          rate: formatCount(run.rowsPerSecond),
          errors: formatCount(r.errorCount),
        })}
        style={{ padding: 16 }}
      />
      <Flex wrap gap={24}>
        {Object.entries(r.counts).map(([k, n]) => (
          <Statistic key={k} title={t(`import.counts.${k}`, { defaultValue: k })} value={n} />
        ))}
      </Flex>
      {r.errorCount > 0 && (
        <>
          <Space>
            <Tag color="red">{t('import.errorCount', { count: r.errorCount })}</Tag>
            <a href={`/api/v1/imports/runs/${run.id}/errors.xlsx`}>{t('import.downloadErrors')}</a>
          </Space>
          <Table
            size="small"
            rowKey={(e) => `${e.row}-${e.column}`}
            dataSource={r.errors}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            columns={[
              { title: t('import.errorRow'), dataIndex: 'row', width: 80 },
              { title: t('import.errorColumn'), dataIndex: 'column', width: 160, render: (c: string) => fieldLabel(c) },
              { title: t('import.errorValue'), dataIndex: 'value', width: 200, ellipsis: true },
              { title: t('import.errorReason'), dataIndex: 'reason' },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
