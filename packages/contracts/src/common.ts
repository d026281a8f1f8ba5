import { z } from 'zod';

/** A UUID path or body id; malformed ids are a 400 naming the field, never a 500. */
export const Id = z.uuid();
export const IdParams = z.object({ id: Id }).strict();
export const AccountIdParams = z.object({ accountId: Id }).strict();

/** Money is integer minor units (fen, 分) so it never rounds; 123450 = ¥1,234.50. */
export const Money = z.number().int().describe('integer minor units (fen); 123450 = ¥1,234.50');
export const IsoDate = z.iso.date().describe('YYYY-MM-DD');
export const IsoDateTime = z.iso.datetime({ offset: true });
export const Rating = z.number().int().min(1).max(5);
export const Version = z.number().int().positive().describe('optimistic lock: the version you read');

export const Tracked = z.object({
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
});

export const ListQueryBase = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional().describe('opaque: pass nextCursor from the previous page'),
  q: z.string().trim().max(100).optional().describe('fuzzy search (trigram, Chinese names included)'),
  includeArchived: z.stringbool().default(false),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().nonnegative() });

/** RFC 9457 problem details. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** `?version=N` on DELETE (archive): the optimistic lock for a request without a body. */
export const VersionQuery = z.object({ version: z.coerce.number().int().positive() }).strict();
