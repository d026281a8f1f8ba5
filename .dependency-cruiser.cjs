/** Dependency rules of ARCHITECTURE.md §1: one-way layers, modules only through index.ts, Fastify only in routes. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'modules-only-through-index',
      comment: 'a module imports another module only through its index.ts',
      severity: 'error',
      from: { path: '^apps/server/src/modules/([^/]+)/', pathNot: '\\.table\\.ts$' },
      to: { path: '^apps/server/src/modules/([^/]+)/(?!index\\.ts$)', pathNot: '^apps/server/src/modules/$1/' },
    },
    {
      name: 'tables-reference-only-tables',
      comment: 'a *.table.ts may reference another module’s table for a foreign key, and nothing else of it',
      severity: 'error',
      from: { path: '\\.table\\.ts$' },
      to: { path: '^apps/server/src/modules/', pathNot: '\\.table\\.ts$' },
    },
    {
      name: 'fastify-only-in-routes',
      comment: 'in modules only *.routes.ts talks HTTP',
      severity: 'error',
      from: { path: '^apps/server/src/modules/', pathNot: '\\.routes\\.ts$' },
      to: { path: '(^|/)node_modules/(fastify|@fastify/|fastify-type-provider-zod)' },
    },
    {
      name: 'platform-does-not-import-modules',
      severity: 'error',
      from: { path: '^apps/server/src/platform/' },
      to: { path: '^apps/server/src/modules/' },
    },
    {
      name: 'analytics-is-pure',
      comment: 'packages/analytics: no I/O, no database, no server code',
      severity: 'error',
      from: { path: '^packages/analytics/src/' },
      to: { path: '(^apps/)|(node_modules/(pg|drizzle-orm|@electric-sql|fastify))|(^(fs|net|http|child_process)$)' },
    },
    {
      name: 'contracts-depend-on-nothing-of-ours',
      severity: 'error',
      from: { path: '^packages/contracts/src/' },
      to: { path: '^(apps|packages/analytics)/' },
    },
    {
      name: 'web-only-uses-contracts',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(apps/server|packages/analytics)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(dist|dist-ssr|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: { conditionNames: ['source', 'import', 'default'], exportsFields: ['exports'] },
  },
};
