import { BulbOutlined } from '@ant-design/icons';
import { NeedCategory } from '@kamap/contracts';
import { App, Button, Card, Flex, Form, Input, Modal, Rate, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ComplaintDetailData, NeedData } from '../../app/api/types';
import { useCurrentUser } from '../../app/auth/current-user';
import { formatDate } from '../../ui/format';
import { ProblemAlert, showFieldErrors } from '../../ui/problem-alert';
import { BandTag, NeedStatusTag } from '../needs/need-tags';
import { useRaiseNeed } from './api';

type Category = (typeof NeedCategory.options)[number];
type Values = { title: string; category: Category; importance: number; urgency: number; feasibility: number };

/** The category a root cause most often points to (the server uses the same default). */
const categoryOfCause: Record<string, Category> = {
  product_quality: 'quality',
  delivery: 'delivery',
  service: 'service',
  billing: 'price',
  technical: 'technical',
  communication: 'relationship',
  other: 'other',
};
const urgencyOfSeverity = { low: 2, medium: 3, high: 4, critical: 5 } as const;

function RaiseNeedModal({ complaint, onClose }: { complaint: ComplaintDetailData; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const raise = useRaiseNeed(complaint.id);
  const save = async () => {
    const v = await form.validateFields();
    raise.mutate(
      { ...v, title: v.title.trim() },
      {
        onSuccess: (need: NeedData) => {
          void message.success(t('complaint.needRaised', { title: need.title }));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };
  return (
    <Modal
      open
      title={t('complaint.raiseNeed')}
      okText={t('complaint.raiseNeed')}
      cancelText={t('action.cancel')}
      onOk={save}
      confirmLoading={raise.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('complaint.raiseNeedHint')}</Typography.Paragraph>
      <ProblemAlert error={raise.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          title: complaint.title,
          category: (complaint.rootCause && categoryOfCause[complaint.rootCause]) || 'service',
          importance: 3,
          urgency: urgencyOfSeverity[complaint.severity],
          feasibility: 3,
        }}
      >
        <Form.Item
          name="title"
          label={t('need.title')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('need.category')} rules={[{ required: true }]}>
          <Select options={NeedCategory.options.map((c) => ({ value: c, label: t(`enum.needCategory.${c}`) }))} />
        </Form.Item>
        <Flex gap={24} wrap>
          {(['importance', 'urgency', 'feasibility'] as const).map((k) => (
            <Form.Item key={k} name={k} label={t(`need.${k}`)} rules={[{ required: true }]}>
              <Rate allowClear={false} />
            </Form.Item>
          ))}
        </Flex>
      </Form>
    </Modal>
  );
}

/** The needs a complaint raised (their source is the complaint), and the button to raise one. */
export function RaisedNeedsCard({ complaint }: { complaint: ComplaintDetailData }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [raising, setRaising] = useState(false);
  const canRaise = ['admin', 'director', 'kam', 'service'].includes(user.role);
  return (
    <Card
      title={t('complaint.raisedNeeds')}
      variant="borderless"
      extra={
        canRaise && (
          <Button icon={<BulbOutlined />} onClick={() => setRaising(true)}>
            {t('complaint.raiseNeed')}
          </Button>
        )
      }
    >
      {complaint.needs.length === 0 ? (
        <Typography.Text type="secondary">{t('complaint.noRaisedNeeds')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {complaint.needs.map((n) => (
            <Flex key={n.id} gap={8} align="center" wrap>
              <BandTag band={n.band} />
              <Link to={`/needs?accountId=${complaint.accountId}&need=${n.id}`}>{n.title}</Link>
              <NeedStatusTag status={n.status} />
              <Typography.Text type="secondary" className="kamap-num">
                {formatDate(n.createdAt)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
      {raising && <RaiseNeedModal complaint={complaint} onClose={() => setRaising(false)} />}
    </Card>
  );
}
