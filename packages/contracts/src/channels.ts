import { z } from 'zod';
import { Tier } from './analytics.js';
import { Id, IsoDate, IsoDateTime, ListQueryBase, Money, Version } from './common.js';
import { UserRef } from './org.js';

export const AgentTier = z.enum(['gold', 'silver', 'bronze']);
export const ContractStatus = z.enum(['active', 'expiring', 'expired', 'none']);

export const AgentTerritory = z.object({
  id: Id,
  agentId: Id,
  province: z.string(),
  productLine: z.string(),
  exclusive: z.boolean(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});

export const CreateAgentTerritory = z
  .object({
    province: z.string().trim().min(2).max(20),
    productLine: z.string().trim().min(1).max(40),
    exclusive: z.boolean().default(false),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().optional(),
  })
  .strict();

export const Agent = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  regions: z.array(z.string()),
  productLines: z.array(z.string()),
  agentTier: AgentTier,
  contractNo: z.string().nullable(),
  contractStart: IsoDate.nullable(),
  contractEnd: IsoDate.nullable(),
  contractStatus: ContractStatus.describe('expiring: ends within 60 days'),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  accounts: z.number().int().describe('assigned accounts in your scope'),
  version: z.number().int(),
});

export const AgentPerformance = z.object({
  revenue12m: Money.describe('orders through the agent, last 12 months, accounts in your scope'),
  revenuePrev12m: Money,
  growth: z.number().nullable().describe('revenue12m / revenuePrev12m − 1'),
  orders12m: z.number().int(),
  registrations: z.object({
    approved: z.number().int(),
    queued: z.number().int(),
    rejected: z.number().int(),
    expired: z.number().int(),
    won: z.number().int().describe('approved, split in its favour, or transferred to it'),
    lost: z.number().int().describe('rejected or transferred away'),
  }),
});

export const AgentDetail = Agent.extend({
  users: z.array(UserRef.extend({ username: z.string() })),
  territories: z.array(AgentTerritory),
  performance: AgentPerformance,
});

export const AgentListQuery = ListQueryBase.extend({
  sort: z.enum(['name', '-name', 'code', '-code']).default('code'),
  tier: AgentTier.optional(),
}).strict();

export const UpdateAgent = z
  .object({
    version: Version,
    name: z.string().trim().min(2).max(100).optional(),
    regions: z.array(z.string().trim().min(2).max(20)).max(40).optional(),
    productLines: z.array(z.string().trim().min(1).max(40)).max(40).optional(),
    agentTier: AgentTier.optional(),
    contractNo: z.string().trim().max(60).nullable().optional(),
    contractStart: IsoDate.nullable().optional(),
    contractEnd: IsoDate.nullable().optional(),
    contactName: z.string().trim().max(40).nullable().optional(),
    contactPhone: z.string().trim().max(40).nullable().optional(),
    email: z.email().nullable().optional(),
    address: z.string().trim().max(200).nullable().optional(),
  })
  .strict();

export const AgentAccount = z.object({
  accountId: Id,
  name: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  tier: Tier,
  since: IsoDateTime,
  revenue12m: Money.describe('through this agent'),
});

export const AgentOrder = z.object({
  id: Id,
  orderNo: z.string(),
  orderDate: IsoDate,
  accountId: Id,
  accountName: z.string(),
  amount: Money,
  discount: Money,
  status: z.string(),
});

export const ConflictKind = z.enum([
  'credit_code',
  'name',
  'group',
  'phone',
  'email_domain',
  'company_account',
  'agent_account',
  'registration',
  'territory',
]);
export type ConflictKind = z.infer<typeof ConflictKind>;

/** One piece of evidence: what matched, how strongly, and whose it is. */
export const Conflict = z.object({
  kind: ConflictKind,
  strength: z.enum(['exact', 'strong', 'weak']),
  score: z.number().nullable().describe('name similarity (pg_trgm) of the normalised names'),
  detail: z.string().describe('one line, in Chinese, what was found'),
  matched: z.string().nullable().describe('the value on the other side: a name, a phone, a domain'),
  account: z
    .object({
      id: Id.nullable().describe('null when the caller may not see the account'),
      name: z.string(),
      tier: Tier,
      owner: z.string().nullable().describe('the KAM; null for agent callers'),
      ownedBy: z.enum(['company', 'agent', 'none']),
    })
    .nullable(),
  registration: z
    .object({
      id: Id.nullable(),
      agentName: z.string(),
      status: z.string(),
      submittedAt: IsoDateTime,
      expiresOn: IsoDate.nullable(),
    })
    .nullable(),
  agent: z.object({ id: Id, name: z.string() }).nullable(),
});
export type Conflict = z.infer<typeof Conflict>;

export const RegistrationRule = z.enum([
  'no_conflict',
  'already_assigned',
  'protected_account',
  'first_registration',
  'exclusive_territory',
  'manual_review',
]);
export type RegistrationRule = z.infer<typeof RegistrationRule>;
export const RegistrationOutcome = z.enum(['approve', 'reject', 'queue']);
export const RegistrationStatus = z.enum(['queued', 'approved', 'rejected', 'expired', 'withdrawn']);
export const RegistrationDecisionKind = z.enum([
  'auto_approve',
  'auto_reject',
  'approve',
  'reject',
  'split',
  'transfer',
]);
export type RegistrationDecisionKind = z.infer<typeof RegistrationDecisionKind>;

export const RegistrationInput = z
  .object({
    agentId: Id.optional().describe('required when a channel manager registers on an agent’s behalf'),
    companyName: z.string().trim().min(2).max(100),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '18 characters of the unified social credit code')
      .optional(),
    groupName: z.string().trim().min(2).max(100).optional().describe('the group (集团) it belongs to, if known'),
    province: z.string().trim().min(2).max(20).optional(),
    city: z.string().trim().min(2).max(20).optional(),
    contactName: z.string().trim().max(40).optional(),
    contactPhone: z.string().trim().max(40).optional(),
    contactEmail: z.email().optional(),
    productLine: z.string().trim().min(1).max(40),
    expectedValue: Money.nonnegative().optional(),
    expectedClose: IsoDate.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** The live check: what a submission would run into, without saving anything. */
export const RegistrationCheckInput = RegistrationInput.partial({ productLine: true, companyName: true }).extend({
  companyName: z.string().trim().min(2).max(100),
});

export const RegistrationCheck = z.object({
  nameKey: z.string().describe('the name as compared: legal forms and region prefixes removed'),
  conflicts: z.array(Conflict),
  outcome: RegistrationOutcome,
  rule: RegistrationRule,
  explanation: z.string().describe('one line, in Chinese, which rule decided and why'),
});

export const Registration = z.object({
  id: Id,
  agent: z.object({ id: Id, name: z.string() }),
  companyName: z.string(),
  nameKey: z.string(),
  creditCode: z.string().nullable(),
  groupName: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  productLine: z.string(),
  expectedValue: Money.nullable(),
  expectedClose: IsoDate.nullable(),
  note: z.string().nullable(),
  account: z.object({ id: Id, name: z.string() }).nullable(),
  status: RegistrationStatus,
  rule: RegistrationRule,
  explanation: z.string(),
  conflicts: z.array(Conflict),
  decision: RegistrationDecisionKind.nullable(),
  decisionReason: z.string().nullable(),
  decidedBy: UserRef.nullable(),
  decidedAt: IsoDateTime.nullable(),
  splitShare: z.number().int().nullable(),
  transferredTo: z.object({ id: Id, name: z.string() }).nullable(),
  validFrom: IsoDate.nullable(),
  expiresOn: IsoDate.nullable(),
  renewals: z.number().int(),
  createdAt: IsoDateTime,
  version: z.number().int(),
});

export const RegistrationListQuery = ListQueryBase.extend({
  sort: z.enum(['createdAt', '-createdAt']).default('-createdAt'),
  status: RegistrationStatus.optional(),
  agentId: Id.optional(),
  accountId: Id.optional(),
}).strict();

export const RegistrationDecision = z
  .object({
    version: Version,
    decision: z.enum(['approve', 'reject', 'split', 'transfer']),
    reason: z.string().trim().min(2).max(500),
    splitShare: z.number().int().min(1).max(99).optional().describe('split: the registering agent’s share in %'),
    transferToAgentId: Id.optional().describe('transfer: the agent that gets the claim'),
  })
  .strict();

export const ChannelRules = z
  .object({
    nameSimilarity: z
      .number()
      .min(0.2)
      .max(1)
      .describe('pg_trgm similarity of normalised names that counts as the same company'),
    protectedTiers: z.array(Tier).describe('company accounts of these tiers cannot be registered by agents'),
    firstWinsDays: z.number().int().min(1).max(730).describe('a live registration keeps later claims out this long'),
    validityDays: z.number().int().min(1).max(730).describe('how long an approved registration lasts'),
    renewWithinDays: z.number().int().min(1).max(365).describe('renewal opens this many days before expiry'),
    maxRenewals: z.number().int().min(0).max(10),
    exclusiveTerritories: z.boolean().describe('whether exclusive region × product line territories block others'),
  })
  .strict();
export type ChannelRules = z.infer<typeof ChannelRules>;

/** A decision told to those it concerns; the reader's UI words it from the kind and its parameters. */
export const ChannelNotice = z.object({
  id: Id,
  registrationId: Id,
  kind: RegistrationDecisionKind,
  companyName: z.string().describe('the company as the claim named it'),
  rule: RegistrationRule.describe('the rule that decided the claim on submission'),
  reason: z
    .string()
    .nullable()
    .describe(
      'the channel manager’s reason as written (other agents and KAMs masked for agents); null for the rules’ own decisions',
    ),
  splitShare: z.number().int().nullable().describe('split: the registering agent’s share in %'),
  readAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
