// Runs once in Jest's parent process after the last suite: drops this run's lease on the shared PGlite template and
// removes the template when no other live run holds it (tests/support/pglite-template-files.ts, D-hardening-16).
import { tmpdir } from 'node:os';
import { tsImport } from 'tsx/esm/api';

export default async function globalTeardown() {
  const { releaseTemplate, processIsAlive, releaseLeaseOnly } = await tsImport('./pglite-template-files.ts', import.meta.url);
  const { currentTemplateKey } = await tsImport('./pglite-template.ts', import.meta.url);
  const files = { dir: tmpdir(), isAlive: processIsAlive };
  // Many targeted runs in a row (a helper's edit-test loop) can keep it: each run would otherwise migrate once again.
  if (process.env.CD_TEST_KEEP_PGLITE_TEMPLATE) releaseLeaseOnly(files, currentTemplateKey(), process.pid);
  else releaseTemplate(files, currentTemplateKey(), process.pid);
}
