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
 * Starts the account page's reads as it is navigated to (the route's loader calls it). The header's
 * (the account, its value, the churn threshold: what the first paint shows) go at once, ahead of the
 * page's code; every section's and the charts' code once that code is in (`code`), so that they hold
 * neither the browser's six connections nor the embedded store's one before the header and the code.
 */
export function prefetchAccountPage(
  client: QueryClient,
  accountId: string,
  user: Pick<CurrentUser, 'role'>,
  search: URLSearchParams,
  code: Promise<unknown>,
) {
  const tab = search.get('tab');
  const brief = tab === null || tab === 'brief';
  const show = briefSections(user);
  const q = briefQueries;
  // prefetchQuery leaves fresh data alone and shares a fetch in flight with the section that asks later
  const prefetch = (queries: unknown[]) => {
    for (const query of queries) void client.prefetchQuery(query as Parameters<QueryClient['prefetchQuery']>[0]);
  };
  prefetch([accountQuery(accountId), ...(brief && show.analytics ? [q.value(accountId), q.config()] : [])]);
  if (!brief) return;
  void code
    .then(() => {
      prefetch([
        q.tasks(accountId),
        q.relationships(accountId),
        q.needs(accountId),
        ...(show.complaints ? [q.complaints(accountId)] : []),
        q.competitors(accountId),
        ...(show.plans ? [q.plans(accountId), q.overdueActions(accountId)] : []),
        ...(show.kpis ? [q.kpis(accountId)] : []),
        q.timeline(accountId),
      ]);
      if (show.analytics) preloadBriefCharts();
    })
    .catch(() => undefined);
}

export const useBriefNeeds = (accountId: string) => useQuery(briefQueries.needs(accountId));
export const useBriefTasks = (accountId: string) => useQuery(briefQueries.tasks(accountId));
export const useBriefComplaints = (accountId: string) => useQuery(briefQueries.complaints(accountId));
export const useBriefPlans = (accountId: string) => useQuery(briefQueries.plans(accountId));
export const useBriefOverdueActions = (accountId: string) => useQuery(briefQueries.overdueActions(accountId));
export const useBriefKpis = (accountId: string) => useQuery(briefQueries.kpis(accountId));
export const useBriefTimeline = (accountId: string) => useQuery(briefQueries.timeline(accountId));
