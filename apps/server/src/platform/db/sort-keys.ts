import { sql } from 'drizzle-orm';
import { nameSortKey } from '../pinyin.js';
import { type Db, pgArray, rows } from './index.js';

/** Fills `name_sort` where it is missing (rows written by bulk loaders), in batches. */
export async function fillNameSortKeys(db: Db, table: 'accounts' | 'contacts'): Promise<number> {
  const t = sql.raw(table);
  let done = 0;
  for (;;) {
    const batch = await rows<{ id: string; name: string }>(
      db,
      sql`select id, name from ${t} where name_sort is null limit 5000`,
    );
    if (!batch.length) return done;
    await db.execute(
      sql`update ${t} set name_sort = k.key
          from unnest(${pgArray(batch.map((r) => r.id))}::uuid[], ${pgArray(batch.map((r) => nameSortKey(r.name)))}::text[]) as k(id, key)
          where ${t}.id = k.id`,
    );
    done += batch.length;
  }
}
