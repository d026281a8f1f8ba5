import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, ListQueryBase, Rating, Tracked, Version } from './common.js';
import { Attitude, CalendarKind, ConsentBasis, ContactChannel, DecisionRole, PhoneKind } from './enums.js';
import { UserRef } from './org.js';

export const PhoneInput = z.object({
  kind: PhoneKind,
  number: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .describe('any common spelling: 138 0013 8000, +86-138-0013-8000, (021) 5888 1234'),
});
export const Phone = z.object({
  kind: PhoneKind,
  display: z.string().describe('masked as 138****8000 for roles that may not see it'),
  e164: z.string().nullable().describe('null when masked'),
});

/** The personal dossier of seed 002: sensitive personal information under PIPL. */
export const dossierFieldNames = [
  'nativePlace',
  'birthplace',
  'birthday',
  'birthdayCalendar',
  'ageBand',
  'education',
  'careerHistory',
  'familyNotes',
  'hobbies',
  'dislikes',
  'ethnicity',
  'homeAddress',
] as const;
export type DossierField = (typeof dossierFieldNames)[number];

export const DossierInput = z
  .object({
    nativePlace: z.string().trim().max(60).nullable(),
    birthplace: z.string().trim().max(60).nullable(),
    birthday: IsoDate.nullable().describe(
      'for a lunar birthday: the lunar month and day in a YYYY-MM-DD of the birth year',
    ),
    birthdayCalendar: CalendarKind.nullable(),
    ageBand: z.string().trim().max(20).nullable(),
    education: z.string().trim().max(500).nullable(),
    careerHistory: z.string().trim().max(2000).nullable(),
    familyNotes: z.string().trim().max(2000).nullable(),
    hobbies: z.string().trim().max(500).nullable(),
    dislikes: z.string().trim().max(500).nullable(),
    ethnicity: z.string().trim().max(20).nullable(),
    homeAddress: z.string().trim().max(300).nullable(),
  })
  .partial()
  .strict();

export const Dossier = z.object(
  Object.fromEntries(dossierFieldNames.map((f) => [f, z.string().nullable()])) as Record<
    DossierField,
    z.ZodNullable<z.ZodString>
  >,
);

export const DossierAccess = z.enum(['full', 'masked', 'none']);

export const ContactSummary = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  reportsToId: Id.nullable(),
  decisionRole: DecisionRole.nullable(),
  attitude: Attitude.nullable(),
  influence: z.number().int().nullable(),
  relationshipStrength: z.number().int().nullable(),
  relationshipOwner: UserRef.nullable(),
  phones: z.array(Phone),
  email: z.string().nullable(),
  lastContactAt: IsoDateTime.nullable(),
  archivedAt: IsoDateTime.nullable(),
});
export type ContactSummary = z.infer<typeof ContactSummary>;

export const Contact = ContactSummary.extend({
  wechatId: z.string().nullable(),
  preferredChannel: ContactChannel.nullable(),
  preferredTime: z.string().nullable(),
  consentBasis: ConsentBasis,
  consentAt: IsoDateTime.nullable(),
  dossierAccess: DossierAccess,
  dossier: Dossier.nullable().describe('null when the role may not see it at all (agents)'),
}).extend(Tracked.shape);
export type Contact = z.infer<typeof Contact>;

export const ContactSort = z.enum(['name', '-name', 'influence', '-influence', 'updatedAt', '-updatedAt']);
export const ContactListQuery = ListQueryBase.extend({
  sort: ContactSort.default('name'),
  accountId: Id.optional(),
  decisionRole: DecisionRole.optional(),
  attitude: Attitude.optional(),
}).strict();

const contactFields = {
  name: z.string().trim().min(1).max(60),
  title: z.string().trim().max(60).nullable(),
  department: z.string().trim().max(60).nullable(),
  reportsToId: Id.nullable(),
  decisionRole: DecisionRole.nullable(),
  attitude: Attitude.nullable(),
  influence: Rating.nullable(),
  relationshipStrength: Rating.nullable(),
  relationshipOwnerId: Id.nullable(),
  phones: z.array(PhoneInput).max(5),
  email: z.email().nullable(),
  wechatId: z.string().trim().max(60).nullable(),
  preferredChannel: ContactChannel.nullable(),
  preferredTime: z.string().trim().max(60).nullable(),
  consentBasis: ConsentBasis,
  dossier: DossierInput,
};

export const CreateContact = z.object(contactFields).partial().extend({ name: contactFields.name }).strict();
export type CreateContact = z.infer<typeof CreateContact>;
export const UpdateContact = z.object(contactFields).partial().extend({ version: Version }).strict();
export type UpdateContact = z.infer<typeof UpdateContact>;

/** A node of the account's org chart, drawn from reports-to. */
export const OrgChartNode = z.object({
  id: Id,
  name: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  reportsToId: Id.nullable(),
  decisionRole: DecisionRole.nullable(),
  attitude: Attitude.nullable(),
  influence: z.number().int().nullable(),
  relationshipStrength: z.number().int().nullable(),
});
