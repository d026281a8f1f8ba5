/**
 * PostgreSQL's advice for populating a database: drop a table's secondary indexes and foreign keys
 * (and, when asked, its primary key), load, then rebuild them (a sorted index build and one
 * validating join beat per-row upkeep by about 3× here). Definitions are read from the catalog, so
 * this follows whatever the migrations declare; it all happens inside the caller's transaction, so a
 * failure leaves the schema as it was.
 */
export type Query = <T>(text: string, params?: unknown[]) => Promise<T[]>;
export type Suspension = { steps: number; restore(onStep?: () => void): Promise<void> };

export async function suspendConstraints(
  query: Query,
  driver: 'pglite' | 'postgres',
  tables: readonly string[],
  opts: { primaryKeys?: boolean } = {},
): Promise<Suspension> {
  const indexes: { name: string; def: string }[] = [];
  const constraints: { table: string; name: string; def: string; primary: boolean }[] = [];
  const kinds = opts.primaryKeys ? ['f', 'p'] : ['f'];
  for (const table of tables) {
    indexes.push(
      ...(await query<{ name: string; def: string }>(
        `select i.relname as name, pg_get_indexdef(i.oid) as def
           from pg_index x join pg_class i on i.oid = x.indexrelid
          where x.indrelid = $1::regclass
            and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
          order by i.relname`,
        [table],
      )),
    );
    const found = await query<{ name: string; def: string; contype: string }>(
      `select conname as name, pg_get_constraintdef(oid) as def, contype from pg_constraint
        where conrelid = $1::regclass and contype = any($2::"char"[]) order by contype, conname`,
      [table, kinds],
    );
    constraints.push(...found.map((c) => ({ table, name: c.name, def: c.def, primary: c.contype === 'p' })));
  }
  // foreign keys go before the keys they might rest on, and come back after them
  for (const c of constraints) await query(`alter table "${c.table}" drop constraint "${c.name}"`);
  for (const index of indexes) await query(`drop index "${index.name}"`);
  return {
    steps: indexes.length + constraints.length,
    async restore(onStep = () => {}) {
      // PostgreSQL sorts each index in memory; the embedded store's memory is this process's own and
      // never returned once touched, so its sorts spill to disk past 16 MB instead of 64
      await query(`set local maintenance_work_mem = '${driver === 'postgres' ? '512MB' : '16MB'}'`);
      for (const c of constraints.filter((x) => x.primary)) {
        await query(`alter table "${c.table}" add constraint "${c.name}" ${c.def}`);
        onStep();
      }
      for (const index of indexes) {
        await query(index.def);
        onStep();
      }
      for (const c of constraints.filter((x) => !x.primary)) {
        await query(`alter table "${c.table}" add constraint "${c.name}" ${c.def}`);
        onStep();
      }
    },
  };
}
