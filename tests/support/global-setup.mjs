// Runs once in Jest's parent process (outside Jest's transform, hence tsx); workers inherit process.env,
// so the detected services reach every suite.
import { tsImport } from 'tsx/esm/api';
import { ensureUiBuildIsFresh } from './ui-build.mjs';

export default async function globalSetup() {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
  const { detectTestServices } = await tsImport('./test-services.ts', import.meta.url);
  const services = await detectTestServices();
  process.env.CD_TEST_PG_TEMPLATE_URL = services.postgresTemplateUrl ?? '';
  process.env.CD_TEST_PG_ADMIN_URL = services.postgresAdminUrl ?? '';
  process.env.CD_TEST_REDIS_URL = services.redisUrl ?? '';
  const pair = services.postgresAdminUrl ? `, postgres+${services.redisUrl ? 'redis' : 'in-process'}` : '';
  process.stderr.write(`\ntest backends: embedded (pglite+in-process)${pair}\n`);
  if (ensureUiBuildIsFresh()) process.stderr.write('admin-ui/dist was older than its sources: rebuilt\n');
}
