import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Divider, Flex, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/current-user';
import { fenToYuan, yuanToFen } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { UserPicker } from '../org/pickers';
import { type PlanContent, useAdjustPlan, useUpdatePlan } from './api';
import type { PlanData, StrategyValue } from './types';

export const STRATEGIES: StrategyValue[] = ['product', 'price', 'promotion', 'channel'];
const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
const REASONS = ['customer_feedback', 'market_change', 'competition', 'performance_gap', 'other'] as const;

type DraftAction = NonNullable<PlanContent['actions']>[number] & { key: string; ownerName?: string };

/**
 * Edits a plan's content. For a draft the changes simply apply; for an approved plan this is an
 * adjustment (策略调整): the reason is required and the server records a new revision with it.
 */
export function PlanEditModal({ plan, onClose }: { plan: PlanData; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const adjusting = plan.status === 'approved';
  const adjust = useAdjustPlan(plan.id);
  const update = useUpdatePlan(plan.id);
  const [goals, setGoals] = useState(plan.goals.map(({ actual: _a, met: _m, ...g }) => g));
  const [swot, setSwot] = useState(plan.swot);
  const [strategies, setStrategies] = useState(plan.strategies);
  const [actions, setActions] = useState<DraftAction[]>(
    plan.actions
      .filter((a) => a.status !== 'cancelled')
      .map((a) => ({
        key: a.id,
        id: a.id,
        strategy: a.strategy,
        title: a.title,
        ownerId: a.owner.id,
        ownerName: a.owner.displayName,
        dueDate: a.dueDate,
        resources: a.resources,
        budget: a.budget,
      })),
  );
  const [reasonKind, setReasonKind] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const mutation = adjusting ? adjust : update;
  const setAction = (key: string, patch: Partial<DraftAction>) =>
    setActions((list) => list.map((a) => (a.key === key ? { ...a, ...patch } : a)));

  const save = () => {
    const content: PlanContent = {
      goals,
      swot,
      strategies,
      actions: actions.map(({ key: _k, ownerName: _o, ...a }) => a),
    };
    if (adjusting)
      adjust.mutate(
        { version: plan.version, reasonKind: reasonKind ?? '', reason, ...content },
        { onSuccess: onClose },
      );
    else update.mutate({ version: plan.version, ...content }, { onSuccess: onClose });
  };
  const valid =
    actions.every((a) => a.title.trim() && a.ownerId && a.dueDate) && (!adjusting || (reasonKind && reason.trim()));

  return (
    <Modal
      open
      width={1040}
      title={adjusting ? t('plan.adjust.title', { revision: plan.revision + 1 }) : t('plan.edit')}
      onCancel={onClose}
      onOk={save}
      okText={adjusting ? t('plan.adjust.save') : t('action.save')}
      okButtonProps={{ disabled: !valid, loading: mutation.isPending }}
    >
      <ProblemAlert error={mutation.error} />
      {adjusting && (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('plan.adjust.hint')}</Typography.Text>
          <Flex gap={8}>
            <Select
              placeholder={t('plan.adjust.reasonKind')}
              value={reasonKind}
              onChange={setReasonKind}
              style={{ width: 200 }}
              options={REASONS.map((r) => ({ value: r, label: t(`plan.reason.${r}`) }))}
            />
            <Input
              placeholder={t('plan.adjust.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={2000}
            />
          </Flex>
        </Flex>
      )}
      <Divider titlePlacement="start">{t('plan.actions')}</Divider>
      <Table<DraftAction>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={actions}
        scroll={{ y: 320 }}
        columns={[
          {
            title: t('plan.strategy.label'),
            width: 110,
            render: (_, a) => (
              <Select
                size="small"
                value={a.strategy}
                onChange={(v) => setAction(a.key, { strategy: v })}
                options={STRATEGIES.map((s) => ({ value: s, label: t(`plan.strategy.${s}`) }))}
                style={{ width: 100 }}
              />
            ),
          },
          {
            title: t('plan.action.title'),
            render: (_, a) => (
              <Input size="small" value={a.title} onChange={(e) => setAction(a.key, { title: e.target.value })} />
            ),
          },
          {
            title: t('plan.action.owner'),
            width: 140,
            render: (_, a) => (
              <UserPicker
                value={a.ownerId}
                current={a.ownerName ? { id: a.ownerId, displayName: a.ownerName } : null}
                allowClear={false}
                onChange={(v) => setAction(a.key, { ownerId: v ?? '' })}
                style={{ width: 130 }}
              />
            ),
          },
          {
            title: t('plan.action.due'),
            width: 140,
            render: (_, a) => (
              <DatePicker
                size="small"
                value={a.dueDate ? dayjs(a.dueDate) : null}
                onChange={(d) => setAction(a.key, { dueDate: d ? d.format('YYYY-MM-DD') : '' })}
                allowClear={false}
              />
            ),
          },
          {
            title: t('plan.action.budgetYuan'),
            width: 120,
            render: (_, a) => (
              <InputNumber
                size="small"
                min={0}
                value={a.budget === null ? null : fenToYuan(a.budget)}
                onChange={(v) => setAction(a.key, { budget: v === null ? null : yuanToFen(v) })}
                style={{ width: 110 }}
              />
            ),
          },
          {
            width: 44,
            render: (_, a) => (
              <Button
                size="small"
                type="text"
                danger
                aria-label={t('plan.action.remove')}
                icon={<DeleteOutlined />}
                onClick={() => setActions((list) => list.filter((x) => x.key !== a.key))}
              />
            ),
          },
        ]}
      />
      <Button
        icon={<PlusOutlined />}
        size="small"
        style={{ marginTop: 8 }}
        onClick={() =>
          setActions((list) => [
            ...list,
            {
              key: `new-${list.length}-${Date.now()}`,
              strategy: 'product',
              title: '',
              ownerId: user.id,
              ownerName: user.displayName,
              dueDate: dayjs().add(30, 'day').format('YYYY-MM-DD'),
              resources: null,
              budget: null,
            },
          ])
        }
      >
        {t('plan.action.add')}
      </Button>
      <Divider titlePlacement="start">{t('plan.strategies')}</Divider>
      <Flex vertical gap={8}>
        {STRATEGIES.map((s) => (
          <Flex key={s} gap={8} align="center">
            <Typography.Text style={{ width: 80 }}>{t(`plan.strategy.${s}`)}</Typography.Text>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 3 }}
              value={strategies[s]}
              onChange={(e) => setStrategies({ ...strategies, [s]: e.target.value })}
              maxLength={2000}
            />
          </Flex>
        ))}
      </Flex>
      <Divider titlePlacement="start">{t('plan.swot.title')}</Divider>
      <Flex vertical gap={8}>
        {QUADRANTS.map((q) => (
          <Flex key={q} gap={8} align="center">
            <Typography.Text style={{ width: 80 }}>{t(`plan.swot.${q}`)}</Typography.Text>
            <Select
              mode="tags"
              value={swot[q]}
              onChange={(v: string[]) => setSwot({ ...swot, [q]: v })}
              style={{ flex: 1 }}
              open={false}
              tokenSeparators={['\n']}
            />
          </Flex>
        ))}
      </Flex>
      <Divider titlePlacement="start">{t('plan.goals')}</Divider>
      <Flex vertical gap={8}>
        {goals.map((g, i) => (
          <Flex key={`${g.kind}:${g.label}`} gap={8} align="center">
            <Typography.Text style={{ width: 160 }}>{g.label}</Typography.Text>
            {g.kind === 'revenue' || g.kind === 'margin' ? (
              <InputNumber
                min={0}
                addonAfter="¥"
                value={g.target === null ? null : fenToYuan(g.target)}
                onChange={(v) =>
                  setGoals(goals.map((x, j) => (j === i ? { ...x, target: v === null ? null : yuanToFen(v) } : x)))
                }
                style={{ width: 220 }}
              />
            ) : g.kind === 'share_of_wallet' ? (
              <InputNumber
                min={0}
                max={100}
                addonAfter="%"
                value={g.target}
                onChange={(v) => setGoals(goals.map((x, j) => (j === i ? { ...x, target: v } : x)))}
                style={{ width: 160 }}
              />
            ) : (
              <Typography.Text type="secondary">{g.role ? t(`enum.decisionRole.${g.role}`) : '—'}</Typography.Text>
            )}
          </Flex>
        ))}
      </Flex>
    </Modal>
  );
}
