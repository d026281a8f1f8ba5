import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountValueData } from '../../../app/api/types';
import { formatCount, formatDate, formatDateTime, todayInChina } from '../../../ui/format';
import { useTierOverride } from '../api';
import { TierTag, tierColor } from '../tags';
import { currentTier, overrideActive, parseTierBasis } from '../value-view';
import { OverrideModal } from './override-modal';

/** The tier in force, what the model computed and why, and the manual override (set or cleared by managers). */
export function TierCard({
  accountId,
  value,
  canOverride,
}: {
  accountId: string;
  value: AccountValueData;
  canOverride: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const { clear } = useTierOverride(accountId);
  const { result, override } = value;
  const today = todayInChina();
  const active = overrideActive(override, today);
  const now = result ? currentTier(result, override, today) : null;
  const basis = result ? parseTierBasis(result.tierBasis) : null;
  const basisText = !result
    ? '—'
    : !basis
      ? result.tierBasis
      : basis.kind === 'rest'
        ? t('value.basisText.rest')
        : t(`value.basisText.${basis.kind}`, { value: basis.value });

  return (
    <Card
      size="small"
      variant="borderless"
      title={t('value.tierTitle')}
      extra={
        canOverride && (
          <Flex gap={8}>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {override ? t('value.overrideEdit') : t('value.overrideSet')}
            </Button>
            {override && (
              <Popconfirm
                title={t('value.overrideClearConfirm')}
                okText={t('value.overrideClear')}
                cancelText={t('action.cancel')}
                onConfirm={() =>
                  clear.mutateAsync().then(
                    () => void message.success(t('value.overrideCleared')),
                    () => void message.error(t('error.server')),
                  )
                }
              >
                <Button size="small" icon={<UndoOutlined />} loading={clear.isPending}>
                  {t('value.overrideClear')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        )
      }
    >
      <Flex vertical gap={12}>
        {now && result ? (
          <Flex align="center" gap={12} wrap>
            <Typography.Title
              level={3}
              style={{ margin: 0, color: now.tier === 'general' ? '#475569' : tierColor[now.tier] }}
            >
              {t(`enum.tier.${now.tier}`)}
              {now.overridden && <sup style={{ fontSize: 14 }}> *</sup>}
            </Typography.Title>
            <Typography.Text type="secondary">
              {now.overridden
                ? t('value.tierOverridden', { tier: t(`enum.tier.${result.computedTier}`) })
                : t('value.tierComputed')}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('value.noResultTier')}</Typography.Text>
        )}
        {result && (
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'rank',
                label: t('value.rank'),
                children: (
                  <span className="kamap-num">
                    {t('value.rankValue', {
                      rank: formatCount(result.rank),
                      of: formatCount(value.run?.summary?.accounts ?? 0),
                    })}
                  </span>
                ),
              },
              { key: 'basis', label: t('value.tierBasis'), children: basisText },
            ]}
          />
        )}
        {override && (
          <div
            style={{
              padding: '10px 12px',
              borderRadius: 6,
              background: active ? '#fffbeb' : '#f8fafc',
              border: `1px solid ${active ? '#fde68a' : '#e2e8f0'}`,
            }}
          >
            <Flex vertical gap={4}>
              <Flex align="center" gap={8} wrap>
                <Typography.Text strong>{t('value.override')}</Typography.Text>
                <TierTag tier={override.tier} />
                {!active && <Tag>{t('value.overrideExpired')}</Tag>}
              </Flex>
              <Typography.Text>{override.reason}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('value.overrideBy', {
                  by: override.createdBy?.displayName ?? '—',
                  at: formatDateTime(override.createdAt),
                })}
                {' · '}
                {override.expiresAt
                  ? t('value.overrideUntil', { date: formatDate(override.expiresAt) })
                  : t('value.overrideNoExpiry')}
              </Typography.Text>
            </Flex>
          </div>
        )}
      </Flex>
      {editing && (
        <OverrideModal
          accountId={accountId}
          computedTier={result?.computedTier ?? null}
          override={override}
          onClose={() => setEditing(false)}
        />
      )}
    </Card>
  );
}
