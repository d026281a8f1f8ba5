import { z } from 'zod';
import { Id, IsoDateTime, ListQueryBase, Tracked, Version } from './common.js';
import { Role } from './enums.js';

export const OrgUnit = z.object({
  id: Id,
  parentId: Id.nullable(),
  code: z.string(),
  name: z.string(),
  depth: z.number().int(),
  version: z.number().int(),
});
export const CreateOrgUnit = z
  .object({ parentId: Id, code: z.string().trim().min(1).max(40), name: z.string().trim().min(1).max(100) })
  .strict();

export const User = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    role: Role,
    orgUnitId: Id,
    agentId: Id.nullable(),
    disabledAt: IsoDateTime.nullable(),
  })
  .extend(Tracked.shape);
export const UserListQuery = ListQueryBase.extend({ role: Role.optional(), orgUnitId: Id.optional() }).strict();
export const CreateUser = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lower-case letters, digits, . _ -; 2–64 characters'),
    displayName: z.string().trim().min(1).max(100),
    email: z.email().optional(),
    role: Role,
    orgUnitId: Id,
    agentId: Id.optional(),
    password: z.string().min(10).max(256),
  })
  .strict();
export const UpdateUser = z
  .object({
    version: Version,
    displayName: z.string().trim().min(1).max(100).optional(),
    email: z.email().nullable().optional(),
    role: Role.optional(),
    orgUnitId: Id.optional(),
    disabled: z.boolean().optional().describe('true disables the user and ends all its sessions'),
  })
  .strict();
/** A user as others see it: enough to name an owner or team member. */
export const UserRef = z.object({ id: Id, displayName: z.string() });

export const UpdateOrgUnit = z
  .object({
    version: Version,
    name: z.string().trim().min(1).max(100).optional(),
    code: z.string().trim().min(1).max(40).optional(),
  })
  .strict();
