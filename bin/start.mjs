#!/usr/bin/env node
// `npm start`: builds the web UI if it is missing (first start), then runs the server through tsx.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../admin-ui/dist/admin.html', import.meta.url))) {
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('./build-ui.mjs', import.meta.url))], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
register();
await import('../bots/server-main.ts');
