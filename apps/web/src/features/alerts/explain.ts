import type { TFunction } from 'i18next';
import type { AlertData, ComplaintSeverityValue, DecisionRoleValue } from '../../app/api/types';
import { formatMoney } from '../../ui/format';
import { taskTitle } from '../tasks/task-text';

type Data = Record<string, unknown>;
const num = (d: Data, k: string) => (typeof d[k] === 'number' ? (d[k] as number) : 0);

/**
 * The alert's reason in the reader's language, from the figures behind it (the server's text is Chinese).
 * Takes anything that carries an alert's rule, tier and figures: an alert, or an alert on the map.
 */
export function explainAlert(alert: Pick<AlertData, 'rule' | 'tier' | 'data'>, t: TFunction): string {
  const d = alert.data;
  const tier = t(`enum.tier.${alert.tier}`);
  switch (alert.rule) {
    case 'churn_risk':
      return t('alert.explain.churn_risk', { score: num(d, 'churnRisk'), threshold: num(d, 'threshold'), tier });
    case 'revenue_drop':
      return t('alert.explain.revenue_drop', {
        revenue: formatMoney(num(d, 'revenue')),
        previous: formatMoney(num(d, 'previousRevenue')),
        pct: Math.abs(Math.round(num(d, 'changePct'))),
        from: d.from,
        to: d.to,
      });
    case 'receivable_overdue':
      return t('alert.explain.receivable_overdue', {
        count: num(d, 'invoices'),
        amount: formatMoney(num(d, 'overdueAmount')),
        days: num(d, 'maxDaysOverdue'),
        threshold: num(d, 'threshold'),
      });
    case 'sla_breached': {
      const items = (d.items as { title: string }[] | undefined) ?? [];
      return t('alert.explain.sla_breached', {
        count: num(d, 'complaints'),
        titles: items.map((i) => i.title).join('；'),
      });
    }
    case 'no_contact':
      return d.lastContactAt
        ? t('alert.explain.no_contact', { days: num(d, 'daysSinceContact'), cadence: num(d, 'cadenceDays'), tier })
        : t('alert.explain.no_contact_never', { cadence: num(d, 'cadenceDays'), tier });
    case 'care_overdue':
      return t('alert.explain.care_overdue', {
        count: num(d, 'tasks'),
        threshold: num(d, 'threshold'),
        days: num(d, 'maxDaysOverdue'),
      });
    case 'contract_expiring': {
      const items = (d.items as { daysToEnd: number }[] | undefined) ?? [];
      return t('alert.explain.contract_expiring', {
        count: num(d, 'contracts'),
        // every one of them ends within the last one's days, as the server's sentence says
        days: items.length > 0 ? Math.max(...items.map((i) => i.daysToEnd)) : num(d, 'threshold'),
        threshold: num(d, 'threshold'),
        tier,
      });
    }
    case 'channel_conflict': {
      const items = (d.items as { agent: string; companyName: string }[] | undefined) ?? [];
      return t('alert.explain.channel_conflict', {
        count: num(d, 'registrations'),
        claims: items.map((i) => `${i.agent}: ${i.companyName}`).join('；'),
      });
    }
  }
}

type CareItem = {
  title: string;
  templateKey: string | null;
  templateParams: Record<string, unknown> | null;
  daysOverdue: number;
  owner: string;
};

/** Lines of detail under the reason: churn reasons, the people not contacted, the complaints past SLA. */
export function alertDetails(alert: AlertData, t: TFunction): string[] {
  const d = alert.data;
  switch (alert.rule) {
    case 'churn_risk':
      return ((d.reasons as { code: string; points: number }[] | undefined) ?? []).map(
        (r) => `${t(`enum.churnReason.${r.code}`, { defaultValue: r.code })} +${Math.round(r.points)}`,
      );
    case 'no_contact':
      return (
        (d.contacts as { name: string; decisionRole: DecisionRoleValue; lastContactAt: string | null }[] | undefined) ??
        []
      ).map(
        (c) =>
          `${c.name} · ${t(`enum.decisionRole.${c.decisionRole}`)} · ${c.lastContactAt ? c.lastContactAt.slice(0, 10) : t('alert.never')}`,
      );
    case 'sla_breached':
      return (
        (d.items as { title: string; severity: ComplaintSeverityValue; escalated: boolean }[] | undefined) ?? []
      ).map(
        (c) =>
          `${c.title} · ${t(`enum.complaintSeverity.${c.severity}`)}${c.escalated ? ` · ${t('alert.escalated')}` : ''}`,
      );
    case 'receivable_overdue':
      return [t('alert.oldestDue', { date: d.oldestDueDate })];
    case 'revenue_drop':
      return [t('alert.window', { from: d.from, to: d.to })];
    case 'care_overdue':
      return ((d.items as CareItem[] | undefined) ?? []).map(
        (c) =>
          `${taskTitle({ title: c.title, template: c.templateKey ? { key: c.templateKey, params: c.templateParams ?? {} } : null }, t)} · ${t('alert.daysLate', { count: c.daysOverdue })} · ${c.owner}`,
      );
    case 'contract_expiring':
      return ((d.items as { code: string; title: string; endDate: string; kind: string }[] | undefined) ?? []).map(
        (c) => `${c.code} ${c.title} · ${t(`contract.kind.${c.kind}`, { defaultValue: c.kind })} · ${c.endDate}`,
      );
    case 'channel_conflict':
      return ((d.items as { agent: string; companyName: string; productLine: string }[] | undefined) ?? []).map(
        (i) => `${i.agent} · ${i.companyName} · ${i.productLine}`,
      );
  }
}
