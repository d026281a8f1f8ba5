import type { City, Province } from './geography.js';
import type { Phone } from './identity.js';
import type { Brand, Industry } from './names.js';
import type { Staff } from './org.js';

/** The in-memory plan of one account, from which all its rows are generated. */

/** The history is the three years up to asOf. */
export const HISTORY_DAYS = 3 * 365;

export type Trajectory = 'growing' | 'steady' | 'declining' | 'new' | 'dormant' | 'lost' | 'prospect';
export type Lifecycle = 'prospect' | 'active' | 'dormant' | 'lost';
export type Payer = 'prompt' | 'mixed' | 'late' | 'bad';
export type TeamRole = 'owner' | 'sales' | 'service' | 'technical' | 'executive_sponsor';

export type AccountPlan = {
  index: number;
  id: string;
  code: string;
  name: string;
  shortName: string;
  brand: Brand;
  domain: string;
  creditCode: string | null;
  parent: number | null;
  depth: number;
  group: number | null;
  industry: Industry;
  province: Province;
  city: City;
  unit: string;
  address: string;
  phone: Phone;
  website: string | null;
  /** Our expected revenue per year at full activity, fen. */
  spend: number;
  wallet: number;
  revenueEstimate: number;
  employees: number;
  sizeBand: 'micro' | 'small' | 'medium' | 'large' | 'xlarge';
  trajectory: Trajectory;
  lifecycle: Lifecycle;
  /** Days (since epoch) between which the account orders; from > to when it never does. */
  from: number;
  to: number;
  firstContact: number;
  key: boolean;
  strategic: boolean;
  categories: { code: string; weight: number }[];
  paymentTerms: number;
  payer: Payer;
  discount: number;
  priceSensitivity: 'low' | 'medium' | 'high';
  marketInfluence: number;
  strategicFit: number;
  creditLimit: number | null;
  tags: string[];
  owner: Staff | null;
  team: { member: Staff; role: TeamRole }[];
  agent: { id: string; since: number } | null;
  lines: number;
};
