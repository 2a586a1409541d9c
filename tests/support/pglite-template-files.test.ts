import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leaseTemplate, processIsAlive, releaseLeaseOnly, releaseTemplate, TEMPLATE_PREFIX, type TemplateFiles } from './pglite-template-files.js';

/**
 * The shared PGlite template's housekeeping (D-hardening-16) on a folder of its own: which process ids are alive is
 * passed in, so a "dead" run is a number the test says is dead.
 */
describe('PGlite template files', () => {
  let dir: string;
  const alive = new Set<number>();
  let files: TemplateFiles;
  const names = () => readdirSync(dir).sort();
  const touch = (name: string) => writeFileSync(join(dir, name), name.endsWith('.tar') ? 'tar' : '');
  const p = (rest: string) => `${TEMPLATE_PREFIX}${rest}`;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cd-template-files-'));
    alive.clear();
    files = { dir, isAlive: (pid) => alive.has(pid) };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('at the start removes older templates no live run holds and dead leftovers, keeps the rest', () => {
    alive.add(100).add(200).add(300);
    touch(p('aaaa.tar')); // the current one
    touch(p('bbbb.tar')); // older, nobody holds it
    touch(p('cccc.tar')); // another worktree's, its run (200) is live
    touch(p('cccc.lease-200'));
    touch(p('dddd.tar')); // held by a run that died
    touch(p('dddd.lease-999'));
    touch(p('aaaa.tar.998.partial')); // a worker died while writing
    touch(p('aaaa.tar.300.partial')); // a live worker is writing
    touch('unrelated.tar');
    const removed = leaseTemplate(files, 'aaaa', 100);
    expect(removed.sort()).toEqual([p('aaaa.tar.998.partial'), p('bbbb.tar'), p('dddd.lease-999'), p('dddd.tar')].sort());
    expect(names()).toEqual([p('aaaa.lease-100'), p('aaaa.tar'), p('aaaa.tar.300.partial'), p('cccc.lease-200'), p('cccc.tar'), 'unrelated.tar'].sort());
  });

  it('at the end removes its template only when no other live run holds it', () => {
    alive.add(100).add(200);
    touch(p('aaaa.tar'));
    leaseTemplate(files, 'aaaa', 100);
    leaseTemplate(files, 'aaaa', 200);
    expect(releaseTemplate(files, 'aaaa', 100)).toEqual([]);
    expect(names()).toEqual([p('aaaa.lease-200'), p('aaaa.tar')]);
    // The other run dies without its teardown: the next run to end cleans up after it.
    alive.delete(200);
    expect(releaseTemplate(files, 'aaaa', 100).sort()).toEqual([p('aaaa.lease-200'), p('aaaa.tar')]);
    expect(names()).toEqual([]);
  });

  it('keeps the template when asked to, dropping only the lease', () => {
    alive.add(100);
    touch(p('aaaa.tar'));
    leaseTemplate(files, 'aaaa', 100);
    releaseLeaseOnly(files, 'aaaa', 100);
    expect(names()).toEqual([p('aaaa.tar')]);
  });

  it('releasing when the template is already gone is quiet', () => {
    alive.add(100);
    leaseTemplate(files, 'aaaa', 100);
    expect(releaseTemplate(files, 'aaaa', 100)).toEqual([]);
    expect(names()).toEqual([]);
  });

  it('tells a running process from a finished one', () => {
    expect(processIsAlive(process.pid)).toBe(true);
    // Above Linux's largest pid (4,194,304): no such process.
    expect(processIsAlive(2 ** 22 + 1)).toBe(false);
  });
});
