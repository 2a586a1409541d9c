#!/usr/bin/env node
// Runs on `npm install` in this folder: builds the web UI and the shipped NLU model (into build/nlu, not the
// source tree), so that `npm start` (and the tests) find both ready. `npm start` builds either if missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../node_modules/vite', import.meta.url))) process.exit(0);
const steps = [
  [fileURLToPath(new URL('./build-ui.mjs', import.meta.url))],
  [fileURLToPath(new URL('./congdoan.mjs', import.meta.url)), 'nlu', 'build'],
];
for (const args of steps) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, LOG_LEVEL: 'warn' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
