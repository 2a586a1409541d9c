// Runs once in Jest's parent process (outside Jest's transform, hence tsx); workers inherit process.env,
// so the detected services reach every suite.
import { tsImport } from 'tsx/esm/api';
import { ensureUiBuildIsFresh } from './ui-build.mjs';

export default async function globalSetup() {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
  // Processes the suites spawn (server, worker, the congdoan binary) load the shipped NLU model and never train
  // at start: build it once here if it is missing or stale (a no-op when npm install already did).
  const { buildShippedModel } = await tsImport('../../intents/index.ts', import.meta.url);
  const root = new URL('../../', import.meta.url).pathname;
  await buildShippedModel({ dataDir: `${root}intents/data`, buildDir: `${root}build/nlu` });
  // This run leases the shared PGlite template and removes those of older migrations that no live run holds
  // (global-teardown.mjs releases it; D-hardening-16).
  const { leaseTemplate, processIsAlive } = await tsImport('./pglite-template-files.ts', import.meta.url);
  const { currentTemplateKey } = await tsImport('./pglite-template.ts', import.meta.url);
  const { tmpdir } = await import('node:os');
  const removed = leaseTemplate({ dir: tmpdir(), isAlive: processIsAlive }, currentTemplateKey(), process.pid);
  if (removed.length > 0) process.stderr.write(`removed stale PGlite test templates: ${removed.join(', ')}\n`);
  const { detectTestServices } = await tsImport('./test-services.ts', import.meta.url);
  const services = await detectTestServices();
  process.env.CD_TEST_PG_TEMPLATE_URL = services.postgresTemplateUrl ?? '';
  process.env.CD_TEST_PG_ADMIN_URL = services.postgresAdminUrl ?? '';
  process.env.CD_TEST_REDIS_URL = services.redisUrl ?? '';
  const pair = services.postgresAdminUrl ? `, postgres+${services.redisUrl ? 'redis' : 'in-process'}` : '';
  process.stderr.write(`\ntest backends: embedded (pglite+in-process)${pair}\n`);
  if (ensureUiBuildIsFresh()) process.stderr.write('admin-ui/dist was older than its sources: rebuilt\n');
}
