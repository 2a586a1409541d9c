#!/usr/bin/env node
// Runs on `npm install` in this folder: builds the web UI so that `npm start` finds it ready.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../node_modules/vite', import.meta.url))) process.exit(0);
const result = spawnSync(process.execPath, [fileURLToPath(new URL('./build-ui.mjs', import.meta.url))], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
