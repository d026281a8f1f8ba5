import {
  AimOutlined,
  AppstoreOutlined,
  BankOutlined,
  BellOutlined,
  BulbOutlined,
  CarryOutOutlined,
  ContactsOutlined,
  ControlOutlined,
  ExportOutlined,
  FileTextOutlined,
  FundOutlined,
  ImportOutlined,
  MessageOutlined,
  SmileOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import { alertReaders } from '../../features/alerts/access';
import { analyticsReaders } from '../../features/identification/access';
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
];

export const navSteps: NavStep[] = ['identify', 'needs', 'relationships', 'strategy', 'evaluate'];
