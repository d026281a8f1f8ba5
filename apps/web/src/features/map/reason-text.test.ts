import type { AttentionItem, MapAttention } from '@kamap/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { translators } from '../../app/i18n/translators';
import { explainAlert } from '../alerts/explain';
import { explainReason } from './reason-text';

let t: Awaited<ReturnType<typeof translators>>;

beforeAll(async () => {
  t = await translators();
});

const feedAlert: MapAttention['alerts'][number] = {
  id: '00000000-0000-4000-8000-000000000001',
  accountId: '00000000-0000-4000-8000-000000000002',
  accountName: '华东能源集团',
  rule: 'no_contact',
  severity: 'warning',
  tier: 'core',
  reason: '45 天未联系决策人（核心客户要求每 30 天至少一次）',
  data: { daysSinceContact: 45, lastContactAt: '2026-10-17T02:00:00.000Z', cadenceDays: 30 },
  lastSeenAt: '2026-12-01T01:00:00.000Z',
};

const reason = (r: Partial<AttentionItem['reasons'][number]>): AttentionItem['reasons'][number] => ({
  kind: 'alert',
  rule: null,
  severity: null,
  tier: null,
  value: 1,
  text: null,
  data: null,
  points: 20,
  drill: { path: '/alerts', query: {} },
  ...r,
});

describe('the map’s alerts in the reader’s language', () => {
  it('words a feed alert from its figures, in English and as the server says it in Chinese', () => {
    expect(explainAlert(feedAlert, t.en)).toBe('No decision maker contacted for 45 days (Core cadence: every 30 days)');
    expect(explainAlert(feedAlert, t['zh-CN'])).toBe('已 45 天未联系决策人（核心客户要求每 30 天至少一次）');
  });

  it('explains an alert reason, and leaves a live figure to its tag', () => {
    const churn = reason({
      rule: 'churn_risk',
      severity: 'critical',
      tier: 'strategic',
      text: '流失风险 85 分，达到战略客户的预警阈值 60 分',
      data: { churnRisk: 85, threshold: 60 },
    });
    expect(explainReason(churn, t.en)).toBe('Churn risk 85, at or above the Strategic threshold of 60');
    expect(explainReason(churn, t['zh-CN'])).toBe(churn.text);
    expect(explainReason(reason({ kind: 'churn', value: 85, points: 42.5 }), t.en)).toBeUndefined();
    expect(explainReason(reason({ kind: 'task_overdue', value: 2, points: 10 }), t['zh-CN'])).toBeUndefined();
  });

  it('says every expiring contract ends within the last one’s days', () => {
    const contracts = {
      rule: 'contract_expiring' as const,
      tier: 'strategic' as const,
      data: { contracts: 2, threshold: 90, items: [{ daysToEnd: 12 }, { daysToEnd: 40 }] },
    };
    expect(explainAlert(contracts, t.en)).toBe('2 contracts end within 40 days (Strategic: alert 90 days ahead)');
    expect(explainAlert(contracts, t['zh-CN'])).toBe('2 份合同将在 40 天内到期（战略客户提前 90 天预警）');
  });
});
