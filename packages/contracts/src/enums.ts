import { z } from 'zod';

export const Role = z.enum(['admin', 'director', 'kam', 'service', 'agent', 'analyst']);
export type Role = z.infer<typeof Role>;
export const Lifecycle = z.enum(['prospect', 'active', 'dormant', 'lost']);
export const SizeBand = z.enum(['micro', 'small', 'medium', 'large', 'xlarge']);
export const PriceSensitivity = z.enum(['low', 'medium', 'high']);
export const TeamRole = z.enum(['owner', 'sales', 'service', 'technical', 'executive_sponsor']);
export const InsightKind = z.enum([
  'goals',
  'likes',
  'dislikes',
  'situation',
  'plans_affecting_us',
  'market_competitors',
]);
export const DecisionRole = z.enum([
  'decision_maker',
  'economic_buyer',
  'technical_evaluator',
  'user',
  'influencer',
  'coach',
  'gatekeeper',
]);
export const Attitude = z.enum(['champion', 'supporter', 'neutral', 'sceptic', 'opponent']);
export const ContactChannel = z.enum(['phone', 'wechat', 'email', 'visit', 'meeting']);
export const PhoneKind = z.enum(['mobile', 'office', 'home', 'other']);
export const CalendarKind = z.enum(['solar', 'lunar']);
export const ConsentBasis = z.enum(['consent', 'contract', 'legal_duty', 'none']);
export const InteractionKind = z.enum(['visit', 'call', 'meeting', 'email', 'wechat', 'event']);
export const OrderChannel = z.enum(['direct', 'agent']);
export const OrderStatus = z.enum(['open', 'fulfilled', 'cancelled']);
/** GB/T 4754-2017 top-level sections (门类) a B2B supplier sells into. */
export const Industry = z.enum([
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
]);
