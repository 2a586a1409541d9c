import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../bots/project-root.js';

// Drizzle's migrator applies a migration only when its journal time is later than the newest one the database has
// applied; a migration listed after another but stamped earlier (parallel branches each generating their own) would
// be skipped silently on every database that already had the other.
const folder = join(PROJECT_ROOT, 'bots/storage/migrations');
const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string; when: number }[] };

describe('migration journal', () => {
  it('lists every SQL file once, in order of name', () => {
    const files = readdirSync(folder).filter((file) => file.endsWith('.sql')).map((file) => file.replace(/\.sql$/, '')).sort();
    expect(journal.entries.map((entry) => entry.tag)).toEqual(files);
  });

  // drizzle-kit refuses to generate the next migration ("snapshots … point to the same parent") unless the schema
  // snapshots form one line; hand-written migrations (0020, 0021) keep no snapshot of their own or chain theirs.
  it('keeps the schema snapshots in one line, in the order of the journal', () => {
    const snapshots = readdirSync(join(folder, 'meta'))
      .filter((file) => file.endsWith('_snapshot.json'))
      .sort()
      .map((file) => ({ file, ...(JSON.parse(readFileSync(join(folder, 'meta', file), 'utf8')) as { id: string; prevId: string }) }));
    const broken = snapshots.filter((snapshot, i) => i > 0 && snapshot.prevId !== snapshots[i - 1]?.id).map((snapshot) => snapshot.file);
    expect(broken).toEqual([]);
  });

  it('stamps each migration later than the one before it', () => {
    const late = journal.entries.filter((entry, i) => i > 0 && entry.when <= (journal.entries[i - 1]?.when ?? 0)).map((entry) => entry.tag);
    expect(late).toEqual([]);
  });
});
