import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../bots/project-root.js';

const run = promisify(execFile);

/**
 * `npm install && npm start` must stay quiet and leave the lockfile alone (issue #14 item 6). What can be
 * checked offline is checked here; that a fresh clone's `npm install` leaves package-lock.json unchanged was
 * verified in a scratch clone (docs/decisions.md D17).
 */
describe('install hygiene', () => {
  it('gives npm no configuration key it does not know (every npm command would warn)', async () => {
    const { stderr } = await run('npm', ['config', 'get', 'fund'], { cwd: PROJECT_ROOT, env: { ...process.env, npm_config_loglevel: 'warn' } });
    expect(stderr).not.toMatch(/Unknown (project|user|env) config/);
  });

  it("denies onnxruntime-node's install script, which downloads CUDA providers on linux/x64", () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    expect(manifest.allowScripts?.['onnxruntime-node']).toBe(false);
  });
});
