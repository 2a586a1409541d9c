#!/usr/bin/env node
// `npm start`: builds the web UI and the shipped NLU model if they are missing or stale (first start, or after
// `npm install --ignore-scripts`), then runs the server through tsx. The server itself never trains a model.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../admin-ui/dist/admin.html', import.meta.url))) {
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('./build-ui.mjs', import.meta.url))], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const nlu = spawnSync(process.execPath, [fileURLToPath(new URL('./congdoan.mjs', import.meta.url)), 'nlu', 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, LOG_LEVEL: 'warn' },
});
if (nlu.status !== 0) process.exit(nlu.status ?? 1);
register();
await import('../bots/server-main.ts');
