import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { PROJECT_ROOT } from '../../bots/project-root.js';
import { TEST_SECRETS_KEY } from './test-secrets.js';

/** A platform entry point (bots/server-main.ts or bots/worker-main.ts) in its own process, killable for crash tests. */
export interface SpawnedProcess {
  child: ChildProcess;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function spawnEntryPoint(entry: 'bots/server-main.ts' | 'bots/worker-main.ts', env: Record<string, string>): SpawnedProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: PROJECT_ROOT,
    // Suites send bursts from one sender on purpose; the flood limit has its own suite. The test secrets key,
    // so that spawned processes and in-process test platforms on one database open each other's secrets.
    env: { ...process.env, LOG_LEVEL: 'info', DEMO_SEED: 'false', FLOOD_MAX_MESSAGES: '0', PRIVACY_CONSENT: 'off', SECRETS_KEY: TEST_SECRETS_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
