import { Card, Descriptions, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { Money } from '../../ui/money';
import { TierTag } from '../identification/tags';
import { useChannelRules } from './api';
import type { ConflictData, RegistrationData } from './types';

const strengthColor = { exact: 'red', strong: 'orange', weak: 'gold' } as const;
const statusColor: Record<string, string> = {
  queued: 'gold',
  approved: 'green',
  rejected: 'red',
  expired: 'default',
  withdrawn: 'default',
};
const outcomeColor = { approve: 'green', reject: 'red', queue: 'gold' } as const;

export function RegistrationStatusTag({ status }: { status: RegistrationData['status'] }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`channels.status.${status}`)}</Tag>;
}

export function OutcomeTag({ outcome }: { outcome: 'approve' | 'reject' | 'queue' }) {
  const { t } = useTranslation();
  return (
    <Tag color={outcomeColor[outcome]} variant="solid">
      {t(`channels.outcome.${outcome}`)}
    </Tag>
  );
}

/** One piece of evidence, worded from its fields so it reads in either language. */
export function ConflictItem({ conflict: c }: { conflict: ConflictData }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex vertical gap={4}>
      <Space wrap size={4}>
        <Tag color={strengthColor[c.strength]}>{t(`channels.conflictKind.${c.kind}`)}</Tag>
        <Typography.Text type="secondary">{t(`channels.strength.${c.strength}`)}</Typography.Text>
        {c.score !== null && <Tag>{t('channels.similarity', { score: c.score.toFixed(2) })}</Tag>}
      </Space>
      {i18n.language.startsWith('zh') ? (
        <Typography.Text>{c.detail}</Typography.Text>
      ) : (
        c.matched && <Typography.Text>{t('channels.matched', { value: c.matched })}</Typography.Text>
      )}
      {c.account && (
        <Space wrap size={6}>
          <Typography.Text type="secondary">{t('channels.existingAccount')}</Typography.Text>
          {c.account.id ? <Link to={`/accounts/${c.account.id}`}>{c.account.name}</Link> : c.account.name}
          <TierTag tier={c.account.tier} short />
          <Tag>{t(`channels.ownedBy.${c.account.ownedBy}`)}</Tag>
          {c.account.owner && (
            <Typography.Text type="secondary">{t('channels.kam', { name: c.account.owner })}</Typography.Text>
          )}
        </Space>
      )}
      {c.registration && (
        <Space wrap size={6}>
          <Typography.Text type="secondary">{t('channels.existingClaim')}</Typography.Text>
          <Typography.Text>
            {c.registration.agentName === '其他代理商' ? t('channels.anotherAgent') : c.registration.agentName}
          </Typography.Text>
          <RegistrationStatusTag status={c.registration.status as RegistrationData['status']} />
          <Typography.Text type="secondary">
            {t('channels.submittedOn', { date: formatDate(c.registration.submittedAt) })}
          </Typography.Text>
        </Space>
      )}
    </Flex>
  );
}

export function ConflictList({ conflicts }: { conflicts: ConflictData[] }) {
  const { t } = useTranslation();
  if (conflicts.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('channels.noConflicts')} />;
  return (
    <List
      size="small"
      dataSource={conflicts}
      renderItem={(c, i) => (
        <List.Item key={`${c.kind}-${i}`}>
          <ConflictItem conflict={c} />
        </List.Item>
      )}
    />
  );
}

/** Which rule decided, in the reader's language (the server's explanation is Chinese). */
export function RuleLine({ rule, explanation }: { rule: RegistrationData['rule']; explanation: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Typography.Text>
      <Typography.Text strong>{t(`channels.rule.${rule}`)}</Typography.Text>
      {' — '}
      {i18n.language.startsWith('zh') ? explanation : t(`channels.ruleExplain.${rule}`)}
    </Typography.Text>
  );
}

type Verdict = {
  rule: RegistrationData['rule'];
  explanation: string;
  conflicts: ConflictData[];
  /** set once the claim is saved and approved */
  expiresOn?: string | null;
};

const tierRank = { strategic: 0, core: 1, general: 2 } as const;

/** Who is in the claim's way, from the evidence the deciding rule rests on, worded in the reader's language. */
function holderLine(v: Verdict, t: TFunction): string | null {
  const anotherAgent = (name: string) => (name === '其他代理商' ? t('channels.anotherAgent') : name);
  if (v.rule === 'protected_account') {
    const c = v.conflicts
      .filter((x) => x.kind === 'company_account' && x.account)
      .sort((a, b) => tierRank[a.account!.tier] - tierRank[b.account!.tier])[0];
    if (!c?.account) return null;
    const tier = t(`enum.tier.${c.account.tier}`);
    return c.account.owner
      ? t('channels.holder.companyWithKam', { name: c.account.name, tier, kam: c.account.owner })
      : t('channels.holder.company', { name: c.account.name, tier });
  }
  if (v.rule === 'first_registration') {
    const c = v.conflicts.find((x) => x.kind === 'registration' && x.registration?.status === 'approved');
    if (!c?.registration) return null;
    return t(c.registration.expiresOn ? 'channels.holder.registration' : 'channels.holder.registrationOpen', {
      agent: anotherAgent(c.registration.agentName),
      name: c.matched ?? '',
      date: formatDate(c.registration.submittedAt),
      expires: formatDate(c.registration.expiresOn),
    });
  }
  if (v.rule === 'exclusive_territory') {
    const c = v.conflicts.find((x) => x.kind === 'territory');
    if (!c) return null;
    return t('channels.holder.territory', {
      agent: c.agent?.name ?? t('channels.anotherAgent'),
      territory: c.matched ?? '',
    });
  }
  if (v.rule === 'manual_review') return t('channels.holder.review', { count: v.conflicts.length });
  if (v.rule === 'already_assigned') return t('channels.holder.yours');
  return null;
}

/**
 * The verdict explained to whoever filed the claim: who holds the company (or territory), which rule
 * decided and why, and what happens next. Everything is worded here from the evidence's fields.
 */
export function VerdictExplained({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const rules = useChannelRules();
  const holder = holderLine(verdict, t);
  const registration = verdict.conflicts.find(
    (x) => x.kind === 'registration' && x.registration?.status === 'approved',
  )?.registration;
  const next = t(`channels.next.${verdict.rule}`, {
    expires: formatDate(verdict.expiresOn ?? registration?.expiresOn ?? null),
    days: rules.data?.validityDays ?? '—',
    renew: rules.data?.renewWithinDays ?? '—',
    firstWins: rules.data?.firstWinsDays ?? '—',
  });
  const rows = [
    holder && { key: 'holder', label: t('channels.explain.holder'), text: holder },
    {
      key: 'why',
      label: t('channels.explain.why'),
      // with the holder named above, the rule's general reason says why; without it, the server's own line
      text: holder ? (
        <Typography.Text>
          <Typography.Text strong>{t(`channels.rule.${verdict.rule}`)}</Typography.Text>
          {' — '}
          {t(`channels.ruleExplain.${verdict.rule}`)}
        </Typography.Text>
      ) : (
        <RuleLine rule={verdict.rule} explanation={verdict.explanation} />
      ),
    },
    { key: 'next', label: t('channels.explain.next'), text: next },
  ].filter((r) => typeof r === 'object' && r !== null);
  return (
    <Descriptions
      size="small"
      column={1}
      colon={false}
      className="kamap-verdict"
      items={rows.map((r) => ({ key: r.key, label: r.label, children: r.text }))}
    />
  );
}

/** The claim as the agent filed it: the left half of the evidence. */
export function ClaimCard({ registration: r }: { registration: RegistrationData }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('channels.claim')} extra={<RegistrationStatusTag status={r.status} />}>
      <Descriptions size="small" column={1} colon={false}>
        <Descriptions.Item label={t('channels.field.agent')}>{r.agent.name}</Descriptions.Item>
        <Descriptions.Item label={t('channels.field.companyName')}>
          <Flex vertical>
            <Typography.Text strong>{r.companyName}</Typography.Text>
            <Typography.Text type="secondary">{t('channels.nameKey', { key: r.nameKey })}</Typography.Text>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('channels.field.creditCode')}>{r.creditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('channels.field.groupName')}>{r.groupName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('channels.field.region')}>
          {[r.province, r.city].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('channels.field.contact')}>
          {[r.contactName, r.contactPhone, r.contactEmail].filter(Boolean).join(' · ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('channels.field.productLine')}>{r.productLine}</Descriptions.Item>
        <Descriptions.Item label={t('channels.field.expectedValue')}>
          <Money value={r.expectedValue} />
        </Descriptions.Item>
        <Descriptions.Item label={t('channels.field.submittedAt')}>{formatDate(r.createdAt)}</Descriptions.Item>
        {r.note && <Descriptions.Item label={t('channels.field.note')}>{r.note}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
