import { type ComponentType, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

/** Each page is its own chunk, fetched the first time it is opened. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy<ComponentType>(() => load().then((module) => ({ default: module[name] as ComponentType })));
  return <Page />;
}

export const router = createBrowserRouter([
  {
    path: '/login',
    element: page(() => import('../features/auth/login-page'), 'LoginPage'),
    errorElement: <RouteError />,
  },
  {
    path: '/s/:token',
    element: page(() => import('../features/service/public-survey-page'), 'PublicSurveyPage'),
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
          { index: true, element: page(() => import('../features/map/map-page'), 'MapPage') },
          {
            path: 'identification',
            element: page(() => import('../features/identification/identification-page'), 'IdentificationPage'),
          },
          { path: 'accounts', element: page(() => import('../features/accounts/accounts-page'), 'AccountsPage') },
          { path: 'accounts/:id', element: page(() => import('../features/accounts/account-page'), 'AccountPage') },
          { path: 'contacts', element: page(() => import('../features/contacts/contacts-page'), 'ContactsPage') },
          { path: 'contacts/:id', element: page(() => import('../features/contacts/contact-page'), 'ContactPage') },
          { path: 'products', element: page(() => import('../features/products/products-page'), 'ProductsPage') },
          { path: 'orders', element: page(() => import('../features/orders/orders-page'), 'OrdersPage') },
          {
            path: 'interactions',
            element: page(() => import('../features/interactions/interactions-page'), 'InteractionsPage'),
          },
          {
            path: 'complaints',
            element: page(() => import('../features/service/complaints-page'), 'ComplaintsPage'),
          },
          {
            path: 'complaints/:id',
            element: page(() => import('../features/service/complaint-page'), 'ComplaintPage'),
          },
          { path: 'surveys', element: page(() => import('../features/service/surveys-page'), 'SurveysPage') },
          {
            path: 'service-kpis',
            element: page(() => import('../features/service/service-kpis-page'), 'ServiceKpisPage'),
          },
          { path: 'alerts', element: page(() => import('../features/alerts/alerts-page'), 'AlertsPage') },
          {
            path: 'alert-settings',
            element: page(() => import('../features/alerts/alert-settings-page'), 'AlertSettingsPage'),
          },
          { path: 'needs', element: page(() => import('../features/needs/needs-page'), 'NeedsPage') },
          { path: 'tasks', element: page(() => import('../features/tasks/tasks-page'), 'TasksPage') },
          { path: 'plans', element: page(() => import('../features/plans/plans-page'), 'PlansPage') },
          { path: 'plans/:id', element: page(() => import('../features/plans/plan-page'), 'PlanPage') },
          { path: 'pipeline', element: page(() => import('../features/plans/pipeline-page'), 'PipelinePage') },
          {
            path: 'opportunities/:id',
            element: page(() => import('../features/plans/opportunity-page'), 'OpportunityPage'),
          },
          { path: 'contracts', element: page(() => import('../features/plans/contracts-page'), 'ContractsPage') },
          { path: 'events', element: page(() => import('../features/performance/events-page'), 'EventsPage') },
          {
            path: 'value-added-services',
            element: page(() => import('../features/performance/value-added-services-page'), 'ValueAddedServicesPage'),
          },
          {
            path: 'cost-to-serve',
            element: page(() => import('../features/performance/cost-to-serve-page'), 'CostToServePage'),
          },
          {
            path: 'kpis',
            element: page(() => import('../features/performance/kpi-dashboard-page'), 'KpiDashboardPage'),
          },
          {
            path: 'kpi-definitions',
            element: page(() => import('../features/performance/kpi-definitions-page'), 'KpiDefinitionsPage'),
          },
          { path: 'reviews', element: page(() => import('../features/performance/reviews-page'), 'ReviewsPage') },
          { path: 'reviews/:id', element: page(() => import('../features/performance/review-page'), 'ReviewPage') },
          {
            path: 'scoreboard',
            element: page(() => import('../features/performance/scoreboard-page'), 'ScoreboardPage'),
          },
          {
            path: 'channels/portal',
            element: page(() => import('../features/channels/agents-page'), 'AgentPortalPage'),
          },
          { path: 'channels/agents', element: page(() => import('../features/channels/agents-page'), 'AgentsPage') },
          {
            path: 'channels/agents/:id',
            element: page(() => import('../features/channels/agents-page'), 'AgentDetailPage'),
          },
          {
            path: 'channels/register',
            element: page(() => import('../features/channels/registration-page'), 'RegistrationPage'),
          },
          {
            path: 'channels/queue',
            element: page(() => import('../features/channels/queue-page'), 'ChannelQueuePage'),
          },
          {
            path: 'pricing/price-lists',
            element: page(() => import('../features/pricing/price-lists-page'), 'PriceListsPage'),
          },
          {
            path: 'pricing/discounts',
            element: page(() => import('../features/pricing/discount-inbox-page'), 'DiscountInboxPage'),
          },
          {
            path: 'pricing/discounts/new',
            element: page(() => import('../features/pricing/discount-request-page'), 'DiscountRequestPage'),
          },
          {
            path: 'pricing/discount-report',
            element: page(() => import('../features/pricing/discount-report-page'), 'DiscountReportPage'),
          },
          { path: 'imports', element: page(() => import('../features/imports/imports-page'), 'ImportsPage') },
          {
            path: 'export-requests',
            element: page(() => import('../features/exports/export-requests-page'), 'ExportRequestsPage'),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
