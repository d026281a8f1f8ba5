import { z } from 'zod';
import { Id, IsoDate, ListQueryBase, Money, Rating, Tracked, Version } from './common.js';
import { UserRef } from './org.js';

export const EventKind = z.enum(['salon', 'summit', 'training', 'factory_visit']);
export const EventStatus = z.enum(['planned', 'held', 'cancelled']);
export const InvitationStatus = z.enum(['invited', 'accepted', 'declined', 'attended', 'no_show']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const EventInvitation = z
  .object({
    id: Id,
    eventId: Id,
    accountId: Id,
    accountName: z.string(),
    contact: z.object({ id: Id, name: z.string(), title: z.string().nullable() }),
    status: InvitationStatus,
    notes: z.string().nullable(),
    followUpTask: z
      .object({ id: Id, title: z.string(), dueDate: IsoDate, status: z.string(), owner: UserRef })
      .nullable()
      .describe('the follow-up, a task in the tasks module'),
  })
  .extend(Tracked.shape);

/** A club event as the caller sees it: counts and invitations cover only accounts in the caller's scope. */
export const ClubEvent = z
  .object({
    id: Id,
    title: z.string(),
    kind: EventKind,
    heldOn: IsoDate,
    location: z.string().nullable(),
    description: z.string().nullable(),
    orgUnit: z.object({ id: Id, name: z.string() }),
    cost: Money,
    status: EventStatus,
    invited: z.number().int(),
    attended: z.number().int(),
    attendingAccounts: z.number().int().describe('accounts with at least one attendee, in the whole event'),
    costPerAttendingAccount: Money.nullable().describe('what cost to serve charges each attending account'),
  })
  .extend(Tracked.shape);

export const ClubEventDetail = ClubEvent.extend({ invitations: z.array(EventInvitation) });

export const EventListQuery = ListQueryBase.extend({
  sort: z.enum(['heldOn', '-heldOn']).default('-heldOn'),
  kind: EventKind.optional(),
  status: EventStatus.optional(),
  accountId: Id.optional().describe('events this account was invited to'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
}).strict();

const eventFields = {
  title: z.string().trim().min(1).max(200),
  kind: EventKind,
  heldOn: IsoDate,
  location: z.string().trim().max(200).nullable(),
  description: z.string().trim().max(5000).nullable(),
  orgUnitId: Id,
  cost: Money.min(0),
  status: EventStatus,
};
export const CreateEvent = z
  .object(eventFields)
  .partial({ location: true, description: true, status: true, orgUnitId: true })
  .strict();
export const UpdateEvent = z.object(eventFields).partial().extend({ version: Version }).strict();

export const CreateInvitations = z
  .object({ contactIds: z.array(Id).min(1).max(200) })
  .strict()
  .describe('contacts to invite; each must be a contact of an account in your scope');
export const UpdateInvitation = z
  .object({
    version: Version,
    status: InvitationStatus.optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export const InvitationParams = z.object({ id: Id, invitationId: Id }).strict();
export const CreateEventFollowUp = z
  .object({ title: z.string().trim().min(1).max(200), dueDate: IsoDate, ownerId: Id.optional() })
  .strict();

export const ValueAddedServiceKind = z.enum(['consulting', 'training', 'market_report', 'technical_support']);
export const ValueAddedService = z
  .object({
    id: Id,
    accountId: Id,
    accountName: z.string(),
    kind: ValueAddedServiceKind,
    title: z.string(),
    deliveredOn: IsoDate,
    deliveredBy: UserRef.nullable(),
    cost: Money,
    feedbackScore: Rating.nullable().describe("the account's rating, 1–5"),
    feedback: z.string().nullable(),
  })
  .extend(Tracked.shape);
export const ValueAddedServiceListQuery = ListQueryBase.extend({
  sort: z.enum(['deliveredOn', '-deliveredOn', 'cost', '-cost']).default('-deliveredOn'),
  accountId: Id.optional(),
  kind: ValueAddedServiceKind.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
}).strict();
const vasFields = {
  kind: ValueAddedServiceKind,
  title: z.string().trim().min(1).max(200),
  deliveredOn: IsoDate,
  deliveredById: Id.nullable(),
  cost: Money.min(0),
  feedbackScore: Rating.nullable(),
  feedback: z.string().trim().max(2000).nullable(),
};
export const CreateValueAddedService = z
  .object(vasFields)
  .partial({ deliveredById: true, feedbackScore: true, feedback: true })
  .strict();
export const UpdateValueAddedService = z.object(vasFields).partial().extend({ version: Version }).strict();
