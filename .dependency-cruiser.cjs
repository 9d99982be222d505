/** Import rules from design.md §5, enforced on every lint. */
module.exports = {
  forbidden: [
    {
      name: 'pure-domain',
      comment: 'Models and workflows are pure: no Fastify, no Drizzle, no database or file access.',
      severity: 'error',
      from: { path: '(-model|-workflow)\\.tsx?$' },
      to: { path: '(node_modules/(fastify|drizzle-orm|pg|@electric-sql)|src/platform/db|node:fs)' },
    },
    {
      name: 'platform-knows-no-modules',
      comment: 'platform/ is framework glue and never depends on a module.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'modules-through-index',
      comment:
        "A module uses another only through its index.ts, never its tables or repository. A pure model may use another module's pure model directly, so that domain rules never load services.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: [
          '^src/modules/$1/',
          '^src/modules/[^/]+/index\\.ts$',
          '^src/modules/[^/]+/[^/]+-model\\.ts$',
        ],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.tsx?$' },
  },
};
