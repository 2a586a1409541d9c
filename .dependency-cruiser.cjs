/** Import rules of DESIGN.md §3, checked in `npm test` (npm run depcheck). */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-is-a-leaf',
      comment: 'core/ imports nothing else of the project',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(bots|intents|knowledge|admin-ui|tests)/' },
    },
    {
      name: 'core-has-no-frameworks',
      comment: 'core/ may use zod only: no web framework, database, queue or UI library',
      severity: 'error',
      from: { path: '^core/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: 'node_modules/zod/' },
    },
    {
      name: 'intents-only-core',
      severity: 'error',
      from: { path: '^intents/' },
      to: { path: '^(bots|knowledge|admin-ui)/' },
    },
    {
      name: 'knowledge-only-core',
      severity: 'error',
      from: { path: '^knowledge/' },
      to: { path: '^(bots|intents|admin-ui)/' },
    },
    {
      name: 'nothing-imports-bots-but-bots-and-tests',
      severity: 'error',
      from: { path: '^(core|intents|knowledge|admin-ui)/' },
      to: { path: '^bots/' },
    },
    {
      name: 'channels-are-islands',
      severity: 'error',
      comment: 'a channel never imports another; shared helpers live in bots/channels/shared',
      from: { path: '^bots/channels/([^/]+)/' },
      to: { path: '^bots/channels/[^/]+/', pathNot: ['^bots/channels/$1/', '^bots/channels/shared/'] },
    },
    {
      name: 'ui-only-contracts',
      comment: 'admin-ui shares only the API contracts of core (types/zod, label and level tables)',
      severity: 'error',
      from: { path: '^admin-ui/' },
      to: { path: '^(bots|intents|knowledge)/|^core/(?!contracts/|nlu/labels|org/hierarchy)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
