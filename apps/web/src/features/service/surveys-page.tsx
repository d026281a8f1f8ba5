import { CopyOutlined, SendOutlined } from '@ant-design/icons';
import { SurveyKind } from '@kamap/contracts';
import {
  Button,
  Card,
  Col,
  Flex,
  Form,
  InputNumber,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SentSurveyData, SurveyData, SurveyKindValue } from '../../app/api/types';
import { oneOf, useUrlParams } from '../../app/use-url-params';
import { EChart } from '../../ui/charts/echart';
import { EmptyState } from '../../ui/empty-state';
import { formatCount, formatDateTime } from '../../ui/format';
import { ListFooter } from '../../ui/list-footer';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { QueryError } from '../../ui/query-error';
import { AccountPicker } from '../accounts/account-picker';
import { useContactList } from '../contacts/api';
import { ExportButton, exportFilters } from '../exports/export-button';
import { useSendSurvey, useSurveyList, useSurveyResults } from './api';

type SendValues = { accountId: string; contactId: string; kind: SurveyKindValue; validDays: number };

function SendSurveyModal({ accountId, onClose }: { accountId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SendValues>();
  const send = useSendSurvey();
  const [sent, setSent] = useState<SentSurveyData | null>(null);
  const chosen = Form.useWatch('accountId', form) ?? accountId;
  const contacts = useContactList({ accountId: chosen, sort: 'name', limit: 200 }, { enabled: Boolean(chosen) });
  const link = sent ? `${window.location.origin}${sent.link}` : '';
  const save = async () => {
    const v = await form.validateFields();
    send.mutate(v, { onSuccess: setSent, onError: (e) => showFieldErrors(form, e) });
  };
  return (
    <Modal
      open
      title={t('survey.send')}
      onCancel={onClose}
      onOk={sent ? onClose : save}
      okText={sent ? t('action.close') : t('survey.createLink')}
      cancelButtonProps={{ style: sent ? { display: 'none' } : undefined }}
      confirmLoading={send.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={send.error} />
      {sent ? (
        <Flex vertical gap={12}>
          <Typography.Text>{t('survey.linkReady', { name: sent.contact.name })}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: link, icon: <CopyOutlined /> }}
            code
            style={{ wordBreak: 'break-all' }}
          >
            {link}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('survey.linkOnce', { date: formatDateTime(sent.expiresAt) })}
          </Typography.Text>
        </Flex>
      ) : (
        <Form<SendValues> form={form} layout="vertical" initialValues={{ accountId, kind: 'nps', validDays: 14 }}>
          <Form.Item
            name="accountId"
            label={t('survey.account')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <AccountPicker />
          </Form.Item>
          <Form.Item
            name="contactId"
            label={t('survey.contact')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select
              options={contacts.items.map((c) => ({
                value: c.id,
                label: c.title ? `${c.name}（${c.title}）` : c.name,
              }))}
              loading={contacts.isFetching}
              disabled={!chosen}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('survey.kind')}>
            <Segmented<SurveyKindValue>
              options={SurveyKind.options.map((k) => ({ value: k, label: t(`enum.surveyKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="validDays" label={t('survey.validDays')}>
            <InputNumber min={1} max={60} addonAfter={t('common.days')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

const urlKeys = ['accountId', 'kind'] as const;

export function SurveysPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlParams(urlKeys);
  const [sending, setSending] = useState(false);
  const results = useSurveyResults(url.accountId);
  const params = useMemo(
    () => ({ accountId: url.accountId, kind: oneOf(SurveyKind.options, url.kind), limit: 20 }),
    [url.accountId, url.kind],
  );
  const list = useSurveyList(params);
  const r = results.data;
  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('survey.nps'), t('survey.csat')], top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: r?.trend.map((p) => p.month) ?? [] },
      yAxis: [
        { type: 'value', name: 'NPS', min: -100, max: 100 },
        { type: 'value', name: 'CSAT', min: 1, max: 5 },
      ],
      series: [
        {
          name: t('survey.nps'),
          type: 'line',
          data: r?.trend.map((p) => p.nps) ?? [],
          connectNulls: true,
        },
        {
          name: t('survey.csat'),
          type: 'line',
          yAxisIndex: 1,
          data: r?.trend.map((p) => p.csat) ?? [],
          connectNulls: true,
        },
      ],
    }),
    [r, t],
  );

  return (
    <>
      <PageHeader
        title={t('nav.page.surveys')}
        extra={
          <Space>
            <ExportButton kind="surveys" filters={exportFilters(params)} />
            <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(true)}>
              {t('survey.send')}
            </Button>
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <Flex gap={8} wrap>
          <AccountPicker
            value={url.accountId}
            onChange={(accountId) => setUrl({ accountId })}
            placeholder={t('survey.allAccounts')}
            style={{ width: 260 }}
          />
        </Flex>
        {results.isError ? (
          <QueryError error={results.error} onRetry={() => results.refetch()} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <Card variant="borderless" loading={results.isPending} style={{ height: '100%' }}>
                <Row gutter={[16, 24]}>
                  <Col span={12}>
                    <Statistic
                      title={t('survey.nps')}
                      value={r?.nps ?? '—'}
                      precision={r?.nps == null ? undefined : 0}
                    />
                  </Col>
                  <Col span={12}>
                    <Statistic
                      title={t('survey.csat')}
                      value={r?.csat ?? '—'}
                      precision={r?.csat == null ? undefined : 2}
                      suffix={r?.csat == null ? undefined : '/ 5'}
                    />
                  </Col>
                  <Col span={12}>
                    <Statistic title={t('survey.sent')} value={r?.sent ?? 0} />
                  </Col>
                  <Col span={12}>
                    <Statistic
                      title={t('survey.responseRate')}
                      value={r?.sent ? Math.round((100 * r.answered) / r.sent) : '—'}
                      suffix={r?.sent ? '%' : undefined}
                    />
                  </Col>
                  <Col span={24}>
                    <Typography.Text type="secondary">
                      {t('survey.npsBreakdown', {
                        promoters: r?.promoters ?? 0,
                        passives: r?.passives ?? 0,
                        detractors: r?.detractors ?? 0,
                      })}
                    </Typography.Text>
                  </Col>
                </Row>
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card variant="borderless" title={t('survey.trend')} loading={results.isPending}>
                {r && r.trend.length > 0 ? (
                  <EChart option={trendOption} height={240} label={t('survey.trend')} />
                ) : (
                  <EmptyState description={t('survey.noAnswers')} />
                )}
              </Card>
            </Col>
          </Row>
        )}
        <Card variant="borderless" styles={{ body: { padding: 16 } }}>
          <Flex vertical gap={16}>
            <Flex gap={8} align="center" justify="space-between">
              <Typography.Text strong>
                {t('survey.list', { count: list.total, formatted: formatCount(list.total) })}
              </Typography.Text>
              <Select
                value={url.kind}
                onChange={(kind) => setUrl({ kind })}
                allowClear
                placeholder={t('survey.kind')}
                style={{ width: 140 }}
                options={SurveyKind.options.map((k) => ({ value: k, label: t(`enum.surveyKind.${k}`) }))}
              />
            </Flex>
            <Table<SurveyData>
              rowKey="id"
              size="middle"
              dataSource={list.items}
              loading={list.isPending}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: <EmptyState description={t('survey.empty')} /> }}
              columns={[
                {
                  title: t('survey.sentAt'),
                  dataIndex: 'sentAt',
                  width: 140,
                  render: (v: string) => formatDateTime(v),
                },
                {
                  title: t('survey.account'),
                  key: 'account',
                  render: (_: unknown, s) => <Link to={`/accounts/${s.accountId}`}>{s.accountName}</Link>,
                },
                { title: t('survey.contact'), key: 'contact', width: 100, render: (_: unknown, s) => s.contact.name },
                {
                  title: t('survey.kind'),
                  dataIndex: 'kind',
                  width: 110,
                  render: (k: SurveyKindValue) => t(`enum.surveyKind.${k}`),
                },
                {
                  title: t('survey.score'),
                  key: 'score',
                  width: 150,
                  render: (_: unknown, s) =>
                    s.answeredAt ? (
                      <Typography.Text strong>
                        {s.kind === 'nps' ? `${s.score} / 10` : `${s.score} / 5`}
                      </Typography.Text>
                    ) : Date.parse(s.expiresAt) < Date.now() ? (
                      <Typography.Text type="secondary">{t('survey.expired')}</Typography.Text>
                    ) : (
                      <Typography.Text type="secondary">{t('survey.waiting')}</Typography.Text>
                    ),
                },
                { title: t('survey.comment'), dataIndex: 'comment', render: (v: string | null) => v ?? '—' },
              ]}
            />
            <ListFooter list={list} />
          </Flex>
        </Card>
      </Flex>
      {sending && <SendSurveyModal accountId={url.accountId} onClose={() => setSending(false)} />}
    </>
  );
}
