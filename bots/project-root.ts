import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. Relative paths in configuration (DATA_DIR...) resolve from here, not from the cwd, so `npx congdoan` in any folder uses the same data as `npm start`. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function fromProjectRoot(path: string): string {
  return resolve(PROJECT_ROOT, path);
}
