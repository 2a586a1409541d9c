// `npm run bench`: runs every tests/bench/*.bench.ts in its own process, one after the other; each prints JSON lines.
// `npm run bench -- answers --set dev`: only the answers bench, printing the dev evaluation only (bench-args.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../bots/project-root.js';
import { parseBenchArgs } from './support/bench-args.js';

const { only, forwarded } = parseBenchArgs(process.argv.slice(2));
const dir = join(PROJECT_ROOT, 'tests/bench');
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file), ...forwarded], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`${file} failed with exit code ${result.status}\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
