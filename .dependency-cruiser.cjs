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
      comment: 'admin-ui shares only the API contracts of core (types/zod) and pure label, level and channel tables',
      severity: 'error',
      from: { path: '^admin-ui/' },
      to: { path: '^(bots|intents|knowledge|tests)/|^core/(?!contracts/|nlu/labels|nlu/topic-names\\.vi|org/hierarchy|messages/channels)' },
    },
    {
      name: 'ui-chat-stays-small',
      comment: 'the member chat page loads on cheap phones: no zod, no react-query, no router, nothing of the admin app (types are free)',
      severity: 'error',
      from: { path: '^admin-ui/src/chat/' },
      to: {
        path: '^admin-ui/src/(admin|features)/|^admin-ui/src/shared/(?!theme\\.css$)|node_modules/(zod|@tanstack|react-router)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'ui-features-are-islands',
      comment: "a feature uses shared/ and core contracts; of another feature only its api.ts (queries, keys), never its components",
      severity: 'error',
      from: { path: '^admin-ui/src/features/([^/]+)/' },
      to: { path: '^admin-ui/src/features/', pathNot: ['^admin-ui/src/features/$1/', '^admin-ui/src/features/[^/]+/api\\.ts$'] },
    },
    {
      name: 'ui-shared-knows-no-feature',
      comment: 'shared/ is the bottom layer of the admin app',
      severity: 'error',
      from: { path: '^admin-ui/src/shared/' },
      to: { path: '^admin-ui/src/(admin|features|chat)/' },
    },
    {
      name: 'ui-shell-loads-features-through-the-router',
      comment: 'the app shell reaches feature pages only through the route table (lazy, code-split)',
      severity: 'error',
      from: { path: '^admin-ui/src/admin/', pathNot: '^admin-ui/src/admin/router\\.tsx$' },
      to: { path: '^admin-ui/src/features/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules must stay in the graph (not followed, but present), or rules about packages never fire.
    exclude: { path: '(^|/)(dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
