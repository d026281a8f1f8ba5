import type { Principal } from './access/index.js';
import type { Db } from './db/index.js';

/** What every service function gets: the database handle and who is asking. */
export type Ctx = {
  db: Db;
  user: Principal;
  ip: string | null;
};

/** The same context bound to a transaction. */
export const withDb = (ctx: Ctx, db: Db): Ctx => ({ ...ctx, db });
