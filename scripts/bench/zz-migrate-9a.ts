import { migrate, openDatabase } from '../../apps/server/src/platform/db/index.js';
const database = await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/kamap_web_bench_issue9a', poolSize: 1 });
await migrate(database);
await database.db.execute('vacuum analyze analysis_results');
await database.db.execute('vacuum analyze tasks');
await database.db.execute('vacuum analyze contacts');
await database.close();
console.log('migrated');
