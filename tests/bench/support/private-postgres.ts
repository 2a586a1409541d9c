import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/spawned-process.js';

const PG_BIN = process.env.BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL cluster of the bench's own (initdb into a temp folder, a free port), so a scenario can really stop
 * and start the server: the machine's shared PostgreSQL serves other people's tests and is never restarted.
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` system user.
 */
export async function startPrivatePostgres(): Promise<{ url: string; stop(mode: 'fast' | 'immediate'): void; start(): void; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'cd-private-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? (Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) as number) : null;
  if (owner !== null) chownSync(dir, owner, Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(PG_BIN, tool), asRoot ? ['-u', 'postgres', '--', join(PG_BIN, tool), ...args] : args, { stdio: ['ignore', 'pipe', 'pipe'] });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  start();
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'bench']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/bench`,
    /** `fast`: a clean shutdown (connections ended); `immediate`: as if the server crashed (WAL recovery at start). */
    stop: (mode) => {
      run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    },
    start,
    close: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
