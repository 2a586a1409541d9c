#!/usr/bin/env node
// `congdoan` CLI. The sources are TypeScript run through tsx, the same way as the server.
import { register } from 'tsx/esm/api';

register();
await import('../bots/cli/run.ts');
