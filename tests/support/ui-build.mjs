// Browser suites test admin-ui/dist, which `npm install` and `npm start` build. After an edit or a merge the
// build can be older than the sources, and the suites would then test yesterday's UI: rebuild it first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// What the UI bundles are built from (admin-ui may import these parts of core: .dependency-cruiser.cjs).
const SOURCES = ['admin-ui/src', 'admin-ui/admin.html', 'admin-ui/chat.html', 'admin-ui/vite.config.ts', 'core/contracts', 'core/nlu', 'core/org', 'core/messages', 'core/mood'];

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** Rebuilds the UI when a source is newer than the build; returns whether it did. */
export function ensureUiBuildIsFresh() {
  const built = join(root, 'admin-ui/dist/admin.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((source) => join(root, source)).filter(existsSync).map(newestChange));
  if (builtAt >= changedAt) return false;
  const build = spawnSync(process.execPath, [join(root, 'bin/build-ui.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:ui failed; the browser suites need the UI build');
  return true;
}
