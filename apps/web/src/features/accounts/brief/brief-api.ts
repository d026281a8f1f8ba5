import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api, type QueryValue } from '../../../app/api/client';
import type {
  AccountValueData,
  AnalysisConfigVersionData,
  CompetitorPresenceData,
  ComplaintData,
  CurrentUser,
  ItemList,
  NeedData,
  Page,
  RelationshipMapData,
  TaskData,
  TimelineEntryData,
} from '../../../app/api/types';
import { analyticsKeys } from '../../identification/api';
import type { KpiTargetData } from '../../performance/types';
import type { PlanActionRowData, PlanSummaryData } from '../../plans/types';
import { relationshipKeys } from '../../relationships/api';
import { accountKeys, accountQuery } from '../api';
import { briefSections } from './access';
import { preloadBriefCharts } from './brief-charts';

/**
 * The brief's reads. Lists are short first pages keyed under the owning feature's prefix (needs, plans,
 * complaints, tasks, ...) so a write there refreshes the brief too; the rest share the owning feature's
 * key, so the detailed tabs open from cache.
 */
function firstPage<T>(key: readonly unknown[], path: string, params: Record<string, QueryValue>) {
  return {
    queryKey: [...key, 'brief', params],
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Page<T>>(path, params, signal),
  };
}

export const briefQueries = {
  needs: (accountId: string) =>
    firstPage<NeedData>(['needs', 'list'], '/needs', { accountId, open: true, sort: '-priority', limit: 5 }),
  tasks: (accountId: string) =>
    firstPage<TaskData>(['tasks', 'list'], '/tasks', { accountId, active: true, sort: 'dueDate', limit: 5 }),
  complaints: (accountId: string) =>
    firstPage<ComplaintData>(['complaints', 'list'], '/complaints', { accountId, open: true, limit: 5 }),
  plans: (accountId: string) => firstPage<PlanSummaryData>(['plans', 'list'], '/plans', { accountId, limit: 3 }),
  overdueActions: (accountId: string) =>
    firstPage<PlanActionRowData>(['plans', 'actions'], '/plan-actions', { accountId, overdue: true, limit: 5 }),
  kpis: (accountId: string) =>
    firstPage<KpiTargetData>(['kpi-targets'], '/kpi-targets', {
      subjectKind: 'account',
      subjectId: accountId,
      limit: 8,
    }),
  timeline: (accountId: string) => ({
    queryKey: [...accountKeys.timeline(accountId), 'brief'],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<ItemList<TimelineEntryData>>(`/accounts/${accountId}/timeline`, { limit: 8 }, signal),
  }),
  relationships: (accountId: string) => ({
    queryKey: relationshipKeys.map(accountId),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<RelationshipMapData>(`/accounts/${accountId}/relationship-map`, undefined, signal),
  }),
  competitors: (accountId: string) => ({
    queryKey: accountKeys.competitors(accountId),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<ItemList<CompetitorPresenceData>>(`/accounts/${accountId}/competitors`, undefined, signal),
  }),
  value: (accountId: string) => ({
    queryKey: analyticsKeys.value(accountId),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<AccountValueData>(`/accounts/${accountId}/value`, undefined, signal),
  }),
  config: () => ({
    queryKey: analyticsKeys.config,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<AnalysisConfigVersionData>('/analytics/config', undefined, signal),
  }),
};

/**
 * Starts the account page's reads as it is navigated to, before its code has arrived (the route's
 * loader calls it): the account and, on the brief, every section's read. The browser runs six requests at
 * a time and the embedded store answers one query at a time, so the order is the order they are drawn
 * in: the header (account, value, the churn threshold) first, the lower sections after.
 */
export function prefetchAccountPage(
  client: QueryClient,
  accountId: string,
  user: Pick<CurrentUser, 'role'>,
  search: URLSearchParams,
) {
  const tab = search.get('tab');
  const brief = tab === null || tab === 'brief';
  const show = briefSections(user);
  const q = briefQueries;
  if (brief && show.analytics) preloadBriefCharts();
  const all = [
    accountQuery(accountId),
    ...(brief && show.analytics ? [q.value(accountId), q.config()] : []),
    ...(brief
      ? [
          q.tasks(accountId),
          q.relationships(accountId),
          q.needs(accountId),
          ...(show.complaints ? [q.complaints(accountId)] : []),
          q.competitors(accountId),
          ...(show.plans ? [q.plans(accountId), q.overdueActions(accountId)] : []),
          ...(show.kpis ? [q.kpis(accountId)] : []),
          q.timeline(accountId),
        ]
      : []),
  ];
  // prefetchQuery leaves fresh data alone and shares a fetch in flight with the section that asks later
  for (const query of all) void client.prefetchQuery(query as Parameters<QueryClient['prefetchQuery']>[0]);
}

export const useBriefNeeds = (accountId: string) => useQuery(briefQueries.needs(accountId));
export const useBriefTasks = (accountId: string) => useQuery(briefQueries.tasks(accountId));
export const useBriefComplaints = (accountId: string) => useQuery(briefQueries.complaints(accountId));
export const useBriefPlans = (accountId: string) => useQuery(briefQueries.plans(accountId));
export const useBriefOverdueActions = (accountId: string) => useQuery(briefQueries.overdueActions(accountId));
export const useBriefKpis = (accountId: string) => useQuery(briefQueries.kpis(accountId));
export const useBriefTimeline = (accountId: string) => useQuery(briefQueries.timeline(accountId));
