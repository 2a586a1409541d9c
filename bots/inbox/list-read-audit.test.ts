import type { AuditEntry } from '../storage/repositories/audit-repository.js';
import { createListReadAudit } from './list-read-audit.js';

function fakeClock(start: string) {
  let now = new Date(start);
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('inbox list-read audit', () => {
  const read = (userId: string, memberIds: string[]) => ({ userId, actor: `${userId}@x.vn`, unitId: 'unit-a', view: 'waiting' as const, memberIds });

  it('writes a read that shows an officer someone new, with everyone on the page; a refetch of the same people writes nothing', async () => {
    const written: AuditEntry[] = [];
    const clock = fakeClock('2026-12-03T08:00:00Z');
    const audit = createListReadAudit({ record: async (entry) => void written.push(entry), clock, rememberMs: 600_000 });
    expect(await audit.record(read('u1', ['m1', 'm2']))).toBe(true);
    expect(written).toEqual([
      { actorUserId: 'u1', actor: 'u1@x.vn', action: 'inbox_list', targetType: 'conversation', unitId: 'unit-a', memberIds: ['m1', 'm2'], details: { view: 'waiting', count: 2, newlyShown: 2 } },
    ]);
    clock.advance(5_000);
    expect(await audit.record(read('u1', ['m2', 'm1']))).toBe(false); // the live refetch
    expect(await audit.record(read('u1', []))).toBe(false); // an empty page shows nobody
    expect(await audit.record(read('u1', ['m1', 'm3']))).toBe(true); // a new hand-off appeared
    expect(written.at(-1)).toMatchObject({ memberIds: ['m1', 'm3'], details: { count: 2, newlyShown: 1 } });
    // Another officer's first look is theirs to record.
    expect(await audit.record(read('u2', ['m1']))).toBe(true);
    expect(written).toHaveLength(3);
  });

  it('records the same member again once the interval has passed', async () => {
    const written: AuditEntry[] = [];
    const clock = fakeClock('2026-12-03T08:00:00Z');
    const audit = createListReadAudit({ record: async (entry) => void written.push(entry), clock, rememberMs: 600_000 });
    await audit.record(read('u1', ['m1']));
    clock.advance(599_999);
    expect(await audit.record(read('u1', ['m1']))).toBe(false);
    clock.advance(1);
    expect(await audit.record(read('u1', ['m1']))).toBe(true);
    expect(written).toHaveLength(2);
  });

  it('fails the read when the row cannot be written, and writes it with the next read', async () => {
    let fail = true;
    const written: AuditEntry[] = [];
    const audit = createListReadAudit({
      record: async (entry) => {
        if (fail) throw new Error('connection refused');
        written.push(entry);
      },
      clock: fakeClock('2026-12-03T08:00:00Z'),
    });
    await expect(audit.record(read('u1', ['m1']))).rejects.toThrow('connection refused');
    fail = false;
    expect(await audit.record(read('u1', ['m1']))).toBe(true);
    expect(written).toHaveLength(1);
  });
});
