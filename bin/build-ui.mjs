#!/usr/bin/env node
// Builds admin-ui (the admin app and the member chat page) into admin-ui/dist with Vite.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

await build({ configFile: fileURLToPath(new URL('../admin-ui/vite.config.ts', import.meta.url)), logLevel: 'warn' });
