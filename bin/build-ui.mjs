#!/usr/bin/env node
// Builds admin-ui (the admin app and the member chat page) into admin-ui/dist with Vite.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

// What ships is a production build, whoever asks: under Jest (the browser suites' setup rebuilds a stale UI) NODE_ENV
// is `test`, and Vite then bundled React's development build and ECharts' development checks (one of them throws on
// the heat map's series of hidden cells, which no visual map colours on purpose).
process.env.NODE_ENV = 'production';
await build({ configFile: fileURLToPath(new URL('../admin-ui/vite.config.ts', import.meta.url)), logLevel: 'warn' });
