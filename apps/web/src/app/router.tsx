import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, lazy, useEffect } from 'react';
import { createBrowserRouter, type HydrationState, type LoaderFunctionArgs, type RouteObject } from 'react-router';
// the two pages opened most often start their reads from here, in the app's first code (see page())
import { prefetchAccountPage } from '../features/accounts/brief/brief-api';
import { prefetchMap } from '../features/map/api';
import { queryClient } from './api/query-client';
import type { CurrentUser } from './api/types';
import { meQuery } from './auth/current-user';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

/**
 * A page's first reads, into `client`; `code` settles when the page's code is in, for the reads that can
 * wait for it. The server draws a page that has them (`entry-server.tsx`), finding them in the route's
 * `handle`.
 */
export type Reads = (
  client: QueryClient,
  user: CurrentUser,
  url: URL,
  params: LoaderFunctionArgs['params'],
  code: Promise<unknown>,
) => void;

/**
 * Each page is its own chunk, fetched the first time it is opened. Its loader starts that fetch the moment
 * the page is navigated to and, for a page that names them, its first reads as soon as the signed-in user
 * is known (the server writes the user into the page): the page finds them in flight instead of starting
 * them after it has rendered. A browser holds six connections to a server, so only the reads the page's
 * first paint needs go ahead of its code; the others wait for it. The loader never waits.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, reads?: Reads) {
  const Page = lazy<ComponentType>(() => load().then((module) => ({ default: module[name] as ComponentType })));
  const loader = ({ request, params }: LoaderFunctionArgs) => {
    const code = load();
    code.catch(() => undefined);
    // a page drawn on the server was given its reads there, in its own cache: this one is the browser's
    if (reads && !import.meta.env.SSR)
      void queryClient
        .ensureQueryData(meQuery)
        .then((user) => user && reads(queryClient, user, new URL(request.url), params, code))
        .catch(() => undefined);
    return null;
  };
  return {
    element: (
      <>
        <Page />
        <Interactive />
      </>
    ),
    loader,
    handle: { reads },
  };
}

/**
 * Marks the document once a page is the app's (drawn in the browser, or a page the server drew taken
 * over): before that, a page the server drew shows but does not answer clicks yet.
 */
function Interactive() {
  useEffect(() => {
    document.documentElement.dataset.interactive = 'true';
  }, []);
  return null;
}

// the map paints its frame and headings from its code alone: its reads wait for the code
const mapReads: Reads = (client, user, url, _params, code) =>
  void code.then(() => prefetchMap(client, user, url.searchParams)).catch(() => undefined);
const accountReads: Reads = (client, user, url, params, code) =>
  prefetchAccountPage(client, params.id ?? '', user, url.searchParams, code);

export const routes: RouteObject[] = [
  {
    path: '/login',
    ...page(() => import('../features/auth/login-page'), 'LoginPage'),
    errorElement: <RouteError />,
  },
  {
    path: '/s/:token',
    ...page(() => import('../features/service/public-survey-page'), 'PublicSurveyPage'),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, ...page(() => import('../features/map/map-page'), 'MapPage', mapReads) },
          {
            path: 'identification',
            ...page(() => import('../features/identification/identification-page'), 'IdentificationPage'),
          },
          { path: 'accounts', ...page(() => import('../features/accounts/accounts-page'), 'AccountsPage') },
          {
            path: 'accounts/:id',
            ...page(() => import('../features/accounts/account-page'), 'AccountPage', accountReads),
          },
          { path: 'contacts', ...page(() => import('../features/contacts/contacts-page'), 'ContactsPage') },
          { path: 'contacts/:id', ...page(() => import('../features/contacts/contact-page'), 'ContactPage') },
          { path: 'products', ...page(() => import('../features/products/products-page'), 'ProductsPage') },
          { path: 'orders', ...page(() => import('../features/orders/orders-page'), 'OrdersPage') },
          {
            path: 'interactions',
            ...page(() => import('../features/interactions/interactions-page'), 'InteractionsPage'),
          },
          {
            path: 'complaints',
            ...page(() => import('../features/service/complaints-page'), 'ComplaintsPage'),
          },
          {
            path: 'complaints/:id',
            ...page(() => import('../features/service/complaint-page'), 'ComplaintPage'),
          },
          { path: 'surveys', ...page(() => import('../features/service/surveys-page'), 'SurveysPage') },
          {
            path: 'service-kpis',
            ...page(() => import('../features/service/service-kpis-page'), 'ServiceKpisPage'),
          },
          { path: 'alerts', ...page(() => import('../features/alerts/alerts-page'), 'AlertsPage') },
          {
            path: 'alert-settings',
            ...page(() => import('../features/alerts/alert-settings-page'), 'AlertSettingsPage'),
          },
          { path: 'needs', ...page(() => import('../features/needs/needs-page'), 'NeedsPage') },
          { path: 'tasks', ...page(() => import('../features/tasks/tasks-page'), 'TasksPage') },
          { path: 'plans', ...page(() => import('../features/plans/plans-page'), 'PlansPage') },
          { path: 'plans/:id', ...page(() => import('../features/plans/plan-page'), 'PlanPage') },
          { path: 'pipeline', ...page(() => import('../features/plans/pipeline-page'), 'PipelinePage') },
          {
            path: 'opportunities/:id',
            ...page(() => import('../features/plans/opportunity-page'), 'OpportunityPage'),
          },
          { path: 'contracts', ...page(() => import('../features/plans/contracts-page'), 'ContractsPage') },
          { path: 'events', ...page(() => import('../features/performance/events-page'), 'EventsPage') },
          {
            path: 'value-added-services',
            ...page(() => import('../features/performance/value-added-services-page'), 'ValueAddedServicesPage'),
          },
          {
            path: 'cost-to-serve',
            ...page(() => import('../features/performance/cost-to-serve-page'), 'CostToServePage'),
          },
          {
            path: 'kpis',
            ...page(() => import('../features/performance/kpi-dashboard-page'), 'KpiDashboardPage'),
          },
          {
            path: 'kpi-definitions',
            ...page(() => import('../features/performance/kpi-definitions-page'), 'KpiDefinitionsPage'),
          },
          { path: 'reviews', ...page(() => import('../features/performance/reviews-page'), 'ReviewsPage') },
          { path: 'reviews/:id', ...page(() => import('../features/performance/review-page'), 'ReviewPage') },
          {
            path: 'scoreboard',
            ...page(() => import('../features/performance/scoreboard-page'), 'ScoreboardPage'),
          },
          {
            path: 'channels/portal',
            ...page(() => import('../features/channels/agents-page'), 'AgentPortalPage'),
          },
          { path: 'channels/agents', ...page(() => import('../features/channels/agents-page'), 'AgentsPage') },
          {
            path: 'channels/agents/:id',
            ...page(() => import('../features/channels/agents-page'), 'AgentDetailPage'),
          },
          {
            path: 'channels/register',
            ...page(() => import('../features/channels/registration-page'), 'RegistrationPage'),
          },
          {
            path: 'channels/queue',
            ...page(() => import('../features/channels/queue-page'), 'ChannelQueuePage'),
          },
          {
            path: 'pricing/price-lists',
            ...page(() => import('../features/pricing/price-lists-page'), 'PriceListsPage'),
          },
          {
            path: 'pricing/discounts',
            ...page(() => import('../features/pricing/discount-inbox-page'), 'DiscountInboxPage'),
          },
          {
            path: 'pricing/discounts/new',
            ...page(() => import('../features/pricing/discount-request-page'), 'DiscountRequestPage'),
          },
          {
            path: 'pricing/discount-report',
            ...page(() => import('../features/pricing/discount-report-page'), 'DiscountReportPage'),
          },
          { path: 'imports', ...page(() => import('../features/imports/imports-page'), 'ImportsPage') },
          {
            path: 'export-requests',
            ...page(() => import('../features/exports/export-requests-page'), 'ExportRequestsPage'),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/** The browser's router; `hydrationData` when the server drew the first page (`entry-server.tsx`). */
export const createRouter = (hydrationData?: HydrationState) => createBrowserRouter(routes, { hydrationData });
