import {
  CalendarOutlined,
  MailOutlined,
  MessageOutlined,
  PhoneOutlined,
  TeamOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AttitudeValue,
  DecisionRoleValue,
  InteractionKindValue,
  LifecycleValue,
  OrderStatusValue,
} from '../app/api/types';

const lifecycleColor: Record<LifecycleValue, string> = {
  prospect: 'blue',
  active: 'green',
  dormant: 'orange',
  lost: 'default',
};

export function LifecycleTag({ value }: { value: LifecycleValue }) {
  const { t } = useTranslation();
  return <Tag color={lifecycleColor[value]}>{t(`enum.lifecycle.${value}`)}</Tag>;
}

/** From champion green to opponent red: the colour a KAM reads a stakeholder map by. */
export const attitudeColor: Record<AttitudeValue, string> = {
  champion: '#389e0d',
  supporter: '#7cb305',
  neutral: '#8c8c8c',
  sceptic: '#d48806',
  opponent: '#cf1322',
};

export function AttitudeTag({ value }: { value: AttitudeValue | null }) {
  const { t } = useTranslation();
  if (!value) return <span>—</span>;
  return (
    <Tag color={attitudeColor[value]} variant="solid">
      {t(`enum.attitude.${value}`)}
    </Tag>
  );
}

export function DecisionRoleTag({ value }: { value: DecisionRoleValue | null }) {
  const { t } = useTranslation();
  if (!value) return <span>—</span>;
  const strong = value === 'decision_maker' || value === 'economic_buyer';
  return <Tag color={strong ? 'geekblue' : 'default'}>{t(`enum.decisionRole.${value}`)}</Tag>;
}

const orderStatusColor: Record<OrderStatusValue, string> = {
  open: 'processing',
  fulfilled: 'success',
  cancelled: 'default',
};

export function OrderStatusTag({ value }: { value: OrderStatusValue }) {
  const { t } = useTranslation();
  return <Tag color={orderStatusColor[value]}>{t(`enum.orderStatus.${value}`)}</Tag>;
}

export const interactionIcon: Record<InteractionKindValue, ComponentType> = {
  visit: TeamOutlined,
  call: PhoneOutlined,
  meeting: CalendarOutlined,
  email: MailOutlined,
  wechat: WechatOutlined,
  event: MessageOutlined,
};

export function InteractionKindTag({ value }: { value: InteractionKindValue }) {
  const { t } = useTranslation();
  const Icon = interactionIcon[value];
  return (
    <Tag icon={<Icon />} color="cyan">
      {t(`enum.interactionKind.${value}`)}
    </Tag>
  );
}
