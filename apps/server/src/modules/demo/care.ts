import type { Db } from '../../platform/db/index.js';
import { one, sql } from '../../platform/db/index.js';

/**
 * The care job also ran in the weeks before the demo's day; owners did what it asked, on the day it
 * was due, except about one task in `leftOpenOneIn` (chosen by a stable hash of its reason): those
 * are overdue now, which the care-overdue alert is for.
 */
export async function settleDemoCare(
  db: Db,
  asOf: string,
  leftOpenOneIn = 40,
): Promise<{ done: number; open: number }> {
  const done = await one<{ n: number }>(
    db,
    sql`with d as (
      update tasks set status = 'done', done_at = (due_date + time '17:00') at time zone 'Asia/Shanghai', updated_at = now()
      where kind = 'care' and status = 'open' and due_date < ${asOf}::date and reason_key is not null
        and mod(abs(hashtext(reason_key)), ${leftOpenOneIn}) <> 0
      returning 1) select count(*)::int as n from d`,
  );
  const open = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from tasks where kind = 'care' and status = 'open' and due_date < ${asOf}::date`,
  );
  return { done: done?.n ?? 0, open: open?.n ?? 0 };
}
