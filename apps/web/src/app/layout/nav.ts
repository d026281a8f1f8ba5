import {
  AimOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  BulbOutlined,
  CarryOutOutlined,
  ContactsOutlined,
  ControlOutlined,
  DashboardOutlined,
  ExportOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  FunnelPlotOutlined,
  GiftOutlined,
  ImportOutlined,
  InboxOutlined,
  MessageOutlined,
  PayCircleOutlined,
  PercentageOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SlidersOutlined,
  SmileOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import { alertReaders } from '../../features/alerts/access';
import { agentReaders, channelManagers, registrants } from '../../features/channels/access';
import { analyticsReaders } from '../../features/identification/access';
import { performanceReaders } from '../../features/performance/access';
import { planReaders } from '../../features/plans/access';
import { discountReporters, discountRequesters, priceReaders } from '../../features/pricing/access';
import type { Role } from '../api/types';

export type NavStep = 'identify' | 'needs' | 'relationships' | 'strategy' | 'evaluate';
export type NavPage =
  | 'identification'
  | 'accounts'
  | 'products'
  | 'orders'
  | 'needs'
  | 'contacts'
  | 'interactions'
  | 'tasks'
  | 'complaints'
  | 'surveys'
  | 'serviceKpis'
  | 'alerts'
  | 'alertSettings'
  | 'plans'
  | 'pipeline'
  | 'contracts'
  | 'events'
  | 'valueAddedServices'
  | 'costToServe'
  | 'kpiDashboard'
  | 'kpiDefinitions'
  | 'reviews'
  | 'scoreboard'
  | 'agentPortal'
  | 'agents'
  | 'register'
  | 'channelQueue'
  | 'priceLists'
  | 'discountRequest'
  | 'discountInbox'
  | 'discountReport'
  | 'imports'
  | 'exportRequests';
/** Complaints, surveys and their KPIs: every internal role (agents are external partners). */
const serviceReaders: readonly Role[] = ['admin', 'director', 'kam', 'service', 'analyst'];

/** `roles`: only these roles see the page (the server refuses the others anyway). */
type NavItem = { page: NavPage; path: string; icon: ComponentType; roles?: readonly Role[] };

/**
 * The side menu follows the five steps of the key-account map; a step appears only once it has a
 * page to open, so the menu never links to something that does not exist.
 */
export const navigation: { step: NavStep; items: NavItem[] }[] = [
  {
    step: 'identify',
    items: [
      {
        page: 'identification',
        path: '/identification',
        icon: AimOutlined,
        roles: analyticsReaders,
      },
      { page: 'accounts', path: '/accounts', icon: BankOutlined },
      { page: 'products', path: '/products', icon: AppstoreOutlined },
      { page: 'orders', path: '/orders', icon: FileTextOutlined },
      { page: 'imports', path: '/imports', icon: ImportOutlined, roles: ['admin', 'director', 'kam'] },
      {
        page: 'exportRequests',
        path: '/export-requests',
        icon: ExportOutlined,
        roles: ['admin', 'director', 'kam', 'service', 'analyst'],
      },
    ],
  },
  {
    step: 'needs',
    items: [
      { page: 'needs', path: '/needs', icon: BulbOutlined, roles: ['admin', 'director', 'kam', 'service', 'analyst'] },
    ],
  },
  {
    step: 'relationships',
    items: [
      { page: 'tasks', path: '/tasks', icon: CarryOutOutlined, roles: ['admin', 'director', 'kam', 'service'] },
      { page: 'contacts', path: '/contacts', icon: ContactsOutlined },
      { page: 'interactions', path: '/interactions', icon: MessageOutlined },
      { page: 'complaints', path: '/complaints', icon: WarningOutlined, roles: serviceReaders },
      { page: 'surveys', path: '/surveys', icon: SmileOutlined, roles: serviceReaders },
      { page: 'serviceKpis', path: '/service-kpis', icon: FundOutlined, roles: serviceReaders },
      { page: 'alerts', path: '/alerts', icon: BellOutlined, roles: alertReaders },
      { page: 'alertSettings', path: '/alert-settings', icon: ControlOutlined, roles: ['admin'] },
    ],
  },
  {
    step: 'strategy',
    items: [
      { page: 'plans', path: '/plans', icon: ScheduleOutlined, roles: planReaders },
      { page: 'pipeline', path: '/pipeline', icon: FunnelPlotOutlined, roles: planReaders },
      { page: 'contracts', path: '/contracts', icon: AuditOutlined, roles: planReaders },
      { page: 'events', path: '/events', icon: TeamOutlined, roles: performanceReaders },
      { page: 'valueAddedServices', path: '/value-added-services', icon: GiftOutlined, roles: performanceReaders },
      { page: 'agentPortal', path: '/channels/portal', icon: ShopOutlined, roles: ['agent'] },
      { page: 'agents', path: '/channels/agents', icon: ApartmentOutlined, roles: agentReaders },
      { page: 'register', path: '/channels/register', icon: FormOutlined, roles: registrants },
      { page: 'channelQueue', path: '/channels/queue', icon: AuditOutlined, roles: channelManagers },
      { page: 'priceLists', path: '/pricing/price-lists', icon: TagsOutlined, roles: priceReaders },
      { page: 'discountRequest', path: '/pricing/discounts/new', icon: PercentageOutlined, roles: discountRequesters },
      { page: 'discountInbox', path: '/pricing/discounts', icon: InboxOutlined, roles: discountRequesters },
      {
        page: 'discountReport',
        path: '/pricing/discount-report',
        icon: FundProjectionScreenOutlined,
        roles: discountReporters,
      },
    ],
  },
  {
    step: 'evaluate',
    items: [
      { page: 'kpiDashboard', path: '/kpis', icon: DashboardOutlined, roles: performanceReaders },
      { page: 'reviews', path: '/reviews', icon: AuditOutlined, roles: performanceReaders },
      { page: 'costToServe', path: '/cost-to-serve', icon: PayCircleOutlined, roles: performanceReaders },
      { page: 'scoreboard', path: '/scoreboard', icon: TrophyOutlined, roles: performanceReaders },
      { page: 'kpiDefinitions', path: '/kpi-definitions', icon: SlidersOutlined, roles: performanceReaders },
    ],
  },
];

export const navSteps: NavStep[] = ['identify', 'needs', 'relationships', 'strategy', 'evaluate'];
