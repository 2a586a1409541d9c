// Jest runs the TypeScript sources as native ESM (swc strips types only), so the code under test is the
// code that runs in production through tsx. Suites that need Postgres/Redis pick the backend themselves.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'es6' } }];

/** @type {import('jest').Config} */
export const config = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  // Strip .js from relative imports so Jest finds the .ts sources (but not libphonenumber's *.json.js files).
  moduleNameMapper: { '^(\\.{1,2}/.*(?<!\\.json))\\.js$': '$1' },
  testMatch: ['<rootDir>/{core,intents,knowledge,bots,tests}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/data/', '/admin-ui/'],
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
  // Hooks start embedded platforms and fake servers cold; on the 2-core CI machine under load some took over 60 s
  // (inbox-notices, hostile-input, inbound-types). Nothing asserts time: a longer limit only delays a real hang.
  testTimeout: 120000,
  maxWorkers: 2,
  // Each suite's ESM module graph stays reachable after the suite ends (Jest's vm-modules registry, not our handles):
  // one worker's heap grew ~25 MB per suite (114 -> 309 MB over 8 suites) and CI's workers reached ~5 GB RSS. A
  // worker whose heap is above this after a suite is replaced by a fresh one (D-hardening-15). Setting it also makes
  // `--maxWorkers=1` run in one child worker instead of in band.
  workerIdleMemoryLimit: '512MB',
};
export default config;
