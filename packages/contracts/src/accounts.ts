import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, ListQueryBase, Money, Rating, Tracked, Version } from './common.js';
import { Industry, InsightKind, Lifecycle, PriceSensitivity, SizeBand, TeamRole } from './enums.js';
import { UserRef } from './org.js';

/** 统一社会信用代码: 18 characters, GB 32100-2015 check character. Validated on the server too. */
export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'not a unified social credit code (18 characters)')
  .refine((code) => isValidCreditCode(code), 'the check character (18th) does not match: mistyped credit code');

const accountFields = {
  code: z.string().trim().min(1).max(40).describe('customer number, unique'),
  name: z.string().trim().min(1).max(200),
  shortName: z.string().trim().max(60).nullable(),
  creditCode: CreditCode.nullable(),
  parentId: Id.nullable().describe('group parent (集团客户)'),
  industry: Industry.nullable().describe('GB/T 4754 section letter'),
  province: z.string().trim().max(20).nullable(),
  city: z.string().trim().max(40).nullable(),
  sizeBand: SizeBand.nullable(),
  employeeCount: z.number().int().nonnegative().nullable(),
  annualRevenueEstimate: Money.nonnegative().nullable(),
  walletEstimate: Money.nonnegative().nullable().describe('estimated annual spend on our categories'),
  website: z.string().trim().max(200).nullable(),
  address: z.string().trim().max(300).nullable(),
  phone: z.string().trim().max(40).nullable(),
  ownerId: Id.nullable(),
  orgUnitId: Id,
  lifecycle: Lifecycle,
  priceSensitivity: PriceSensitivity.nullable(),
  marketInfluence: Rating.nullable(),
  strategicFit: Rating.nullable(),
  creditLimit: Money.nonnegative().nullable(),
  paymentTermsDays: z.number().int().min(0).max(365).nullable(),
  tags: z.array(z.string().trim().min(1).max(30)).max(20),
};

export const AccountSummary = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: Id.nullable(),
  industry: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  lifecycle: Lifecycle,
  sizeBand: SizeBand.nullable(),
  owner: UserRef.nullable(),
  orgUnitId: Id,
  orgUnitName: z.string(),
  childCount: z.number().int(),
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const TeamMember = z.object({ user: UserRef, role: TeamRole, since: IsoDateTime });

export const AccountRollup = z.object({
  accounts: z.number().int().describe('accounts in the subtree, this one included'),
  contacts: z.number().int(),
  orders12m: z.number().int(),
  revenue12m: Money,
  margin12m: Money,
  revenuePrev12m: Money,
  receivables: Money,
  overdue: Money,
  lastOrderDate: IsoDate.nullable(),
});

export const Account = z
  .object({
    id: Id,
    ...accountFields,
    creditCode: z.string().nullable(),
    owner: UserRef.nullable(),
    orgUnitName: z.string(),
    parent: z.object({ id: Id, name: z.string() }).nullable(),
    children: z.array(z.object({ id: Id, name: z.string(), childCount: z.number().int() })),
    team: z.array(TeamMember),
    own: AccountRollup.describe('this account alone'),
    group: AccountRollup.nullable().describe('the whole group subtree, when the account has children'),
  })
  .extend(Tracked.shape);
export type Account = z.infer<typeof Account>;

export const AccountSort = z.enum([
  'name',
  '-name',
  'code',
  '-code',
  'updatedAt',
  '-updatedAt',
  'createdAt',
  '-createdAt',
]);
export const AccountListQuery = ListQueryBase.extend({
  sort: AccountSort.default('name'),
  lifecycle: Lifecycle.optional(),
  industry: Industry.optional(),
  province: z.string().max(20).optional(),
  ownerId: Id.optional(),
  orgUnitId: Id.optional().describe('the org unit and its subtree'),
  parentId: Id.optional().describe('direct children of this group account'),
  roots: z.stringbool().optional().describe('only accounts without a group parent (group-tree view)'),
  tag: z.string().max(30).optional(),
  coverage: z
    .enum(['single', 'uncovered'])
    .optional()
    .describe('key accounts with a thin relationship: single-threaded, or no decision maker held'),
}).strict();

export const CreateAccount = z
  .object({
    ...accountFields,
    shortName: accountFields.shortName.optional(),
    creditCode: accountFields.creditCode.optional(),
    parentId: accountFields.parentId.optional(),
    industry: accountFields.industry.optional(),
    province: accountFields.province.optional(),
    city: accountFields.city.optional(),
    sizeBand: accountFields.sizeBand.optional(),
    employeeCount: accountFields.employeeCount.optional(),
    annualRevenueEstimate: accountFields.annualRevenueEstimate.optional(),
    walletEstimate: accountFields.walletEstimate.optional(),
    website: accountFields.website.optional(),
    address: accountFields.address.optional(),
    phone: accountFields.phone.optional(),
    ownerId: accountFields.ownerId.optional(),
    lifecycle: Lifecycle.default('prospect'),
    priceSensitivity: accountFields.priceSensitivity.optional(),
    marketInfluence: accountFields.marketInfluence.optional(),
    strategicFit: accountFields.strategicFit.optional(),
    creditLimit: accountFields.creditLimit.optional(),
    paymentTermsDays: accountFields.paymentTermsDays.optional(),
    tags: accountFields.tags.default([]),
  })
  .strict();
export type CreateAccount = z.infer<typeof CreateAccount>;

export const UpdateAccount = z.object({ version: Version }).extend(z.object(accountFields).partial().shape).strict();
export type UpdateAccount = z.infer<typeof UpdateAccount>;

export const SetTeamMember = z.object({ userId: Id, role: TeamRole }).strict();
export const TeamMemberParams = z.object({ accountId: Id, userId: Id }).strict();

export const Insight = z
  .object({
    id: Id,
    accountId: Id,
    kind: InsightKind,
    body: z.string(),
    observedOn: IsoDate,
    author: UserRef.nullable(),
  })
  .extend(Tracked.shape);
export const CreateInsight = z
  .object({ kind: InsightKind, body: z.string().trim().min(1).max(4000), observedOn: IsoDate })
  .strict();

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: the 18th character is a mod-31 check over the first 17. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(code[i]!) * CREDIT_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return code[17] === CREDIT_CHARS[check];
}

/** Completes 17 characters with their check character (used by the demo generator and tests). */
export function withCreditCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return first17 + CREDIT_CHARS[(31 - (sum % 31)) % 31];
}
