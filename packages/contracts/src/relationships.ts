import { z } from 'zod';
import { Tier } from './analytics.js';
import { Id, IsoDateTime } from './common.js';
import { Attitude, DecisionRole } from './enums.js';
import { UserRef } from './org.js';

/** Decision roles an account must have covered (DOMAIN.md, relationship coverage). */
export const keyDecisionRoles = ['decision_maker', 'economic_buyer', 'technical_evaluator'] as const;

export const MapPerson = z.object({
  id: Id,
  name: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  reportsToId: Id.nullable(),
  decisionRole: DecisionRole.nullable(),
  attitude: Attitude.nullable(),
  influence: z.number().int().nullable(),
  relationshipStrength: z.number().int().nullable(),
  relationshipOwner: UserRef.nullable(),
  lastContactAt: IsoDateTime.nullable(),
  daysSinceContact: z.number().int().nullable(),
  key: z.boolean().describe('a key decision role or influence ≥ 4'),
  covered: z.boolean().describe('strength ≥ 3 and contacted within 90 days'),
  stale: z.boolean().describe("a key person not contacted within the tier's cadence"),
  version: z.number().int(),
});

export const RelationshipGap = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('uncovered_role'), role: DecisionRole }),
  z.object({ kind: z.literal('stale_contact'), contactId: Id, days: z.number().int().nullable() }),
  z.object({ kind: z.literal('single_threaded'), covered: z.number().int() }),
]);

export const RelationshipMap = z.object({
  accountId: Id,
  tier: Tier.nullable(),
  cadenceDays: z.number().int().describe("the tier's revisit cadence (care rules)"),
  people: z.array(MapPerson),
  team: z.array(UserRef.extend({ role: z.string().nullable() })),
  links: z.array(
    z.object({
      userId: Id,
      contactId: Id,
      kind: z.enum(['owner', 'met']).describe('owns the relationship, or met in the last 365 days'),
      interactions: z.number().int(),
    }),
  ),
  gaps: z.array(RelationshipGap),
});
