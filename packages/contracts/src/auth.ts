import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { Role } from './enums.js';

export const LoginBody = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();

export const CurrentUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  orgUnitId: Id,
  orgUnitName: z.string(),
  agentId: Id.nullable(),
  locale: z.string(),
  csrfToken: z.string().describe('send back as the x-csrf-token header on cookie-authenticated writes'),
  permissions: z.object({
    seePersonalDossier: z.boolean().describe('dossier fields come unmasked (each view audited)'),
    writeAccounts: z.boolean(),
    manageUsers: z.boolean(),
  }),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const CreateApiToken = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z
      .array(z.enum(['read', 'write']))
      .min(1)
      .default(['read']),
    expiresAt: IsoDateTime.optional(),
  })
  .strict();
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
});
export const CreatedApiToken = ApiToken.extend({ token: z.string().describe('shown once; only its hash is kept') });
