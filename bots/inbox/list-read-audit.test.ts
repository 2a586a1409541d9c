import { silentLogger } from '../../core/ports/logger.js';
import type { AuditEntry } from '../storage/repositories/audit-repository.js';
import { createListReadAudit } from './list-read-audit.js';

function fakeClock(start: string) {
  let now = new Date(start);
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('list-read audit (batched)', () => {
  it('writes one row per officer per flush, with the views, reads, rows shown and the first and last read', async () => {
    const written: AuditEntry[][] = [];
    const clock = fakeClock('2026-12-03T08:00:00Z');
    const audit = createListReadAudit({ recordMany: async (entries) => void written.push([...entries]), clock, logger: silentLogger, flushMs: 60_000 });
    audit.note({ userId: 'u1', actor: 'a@x.vn', unitId: 'unit-a', view: 'waiting', rows: 10 });
    clock.advance(5_000);
    audit.note({ userId: 'u1', actor: 'a@x.vn', unitId: 'unit-a', view: 'waiting', rows: 9 });
    audit.note({ userId: 'u1', actor: 'a@x.vn', unitId: 'unit-a', view: 'mine', rows: 2 });
    audit.note({ userId: 'u2', actor: 'b@x.vn', unitId: 'unit-b', view: 'all', rows: 0 });
    expect(written).toEqual([]); // nothing on the request path
    await audit.flush();
    expect(written).toHaveLength(1); // one statement
    const [batch] = written;
    expect(batch).toHaveLength(2);
    expect(batch?.find((e) => e.actor === 'a@x.vn')).toEqual({
      actorUserId: 'u1',
      actor: 'a@x.vn',
      action: 'inbox_list',
      targetType: 'conversation',
      unitId: 'unit-a',
      at: new Date('2026-12-03T08:00:00Z'),
      details: { reads: 3, rows: 21, views: { waiting: 2, mine: 1 }, from: '2026-12-03T08:00:00.000Z', to: '2026-12-03T08:00:05.000Z' },
    });
    expect(batch?.find((e) => e.actor === 'b@x.vn')?.details).toMatchObject({ reads: 1, rows: 0, views: { all: 1 } });
    await audit.flush();
    expect(written).toHaveLength(1); // nothing new, nothing written
    await audit.close();
  });

  it('keeps the counts when the database refuses, and writes them with the next flush', async () => {
    let fail = true;
    const written: AuditEntry[] = [];
    const clock = fakeClock('2026-12-03T08:00:00Z');
    const audit = createListReadAudit({
      recordMany: async (entries) => {
        if (fail) throw new Error('connection refused');
        written.push(...entries);
      },
      clock,
      logger: silentLogger,
      flushMs: 60_000,
    });
    audit.note({ userId: 'u1', actor: 'a@x.vn', unitId: 'unit-a', view: 'waiting', rows: 4 });
    await audit.flush();
    expect(written).toEqual([]);
    clock.advance(1_000);
    audit.note({ userId: 'u1', actor: 'a@x.vn', unitId: 'unit-a', view: 'all', rows: 6 });
    fail = false;
    await audit.close();
    expect(written).toHaveLength(1);
    expect(written[0]?.details).toEqual({ reads: 2, rows: 10, views: { waiting: 1, all: 1 }, from: '2026-12-03T08:00:00.000Z', to: '2026-12-03T08:00:01.000Z' });
  });

  it('flushes on its own timer', async () => {
    const written: AuditEntry[] = [];
    const audit = createListReadAudit({ recordMany: async (entries) => void written.push(...entries), clock: { now: () => new Date() }, logger: silentLogger, flushMs: 20 });
    audit.note({ userId: 'u1', actor: 'a@x.vn', unitId: 'unit-a', view: 'waiting', rows: 1 });
    for (let i = 0; i < 100 && written.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(written).toHaveLength(1);
    await audit.close();
  });
});
