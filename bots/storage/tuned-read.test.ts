import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import type { Db } from './database.js';
import { executeRows } from './execute-rows.js';
import { executeTunedRows } from './tuned-read.js';

describe('a read with its own planner settings', () => {
  let inner: PGlite;
  let db: Db;
  beforeAll(async () => {
    inner = new PGlite();
    await inner.waitReady;
    db = drizzle(inner) as unknown as Db;
  });
  afterAll(async () => {
    await inner.close();
  });

  const settings = sql`select current_setting('work_mem') as work_mem, current_setting('enable_indexscan') as index_scan`;
  const jit = sql`select current_setting('jit') as jit`;

  it('sees its settings, and the connection is back to the defaults after it', async () => {
    const [before] = await executeRows<{ work_mem: string; index_scan: string }>(db, settings);
    expect(await executeTunedRows(db, settings, { workMemMb: 32, noIndexScan: true })).toEqual([{ work_mem: '32MB', index_scan: 'off' }]);
    expect(await executeTunedRows(db, settings, { workMemMb: 16 })).toEqual([{ work_mem: '16MB', index_scan: before?.index_scan }]);
    expect(await executeRows(db, settings)).toEqual([before]);
  });

  it('turns just-in-time compilation off for that read only', async () => {
    const [before] = await executeRows<{ jit: string }>(db, jit);
    expect(await executeTunedRows(db, jit, { workMemMb: 32, noJit: true })).toEqual([{ jit: 'off' }]);
    expect(await executeTunedRows(db, jit, { workMemMb: 32 })).toEqual([before]);
    expect(await executeRows(db, jit)).toEqual([before]);
  });

  it('leaves nothing behind when the read fails', async () => {
    const [before] = await executeRows(db, settings);
    await expect(executeTunedRows(db, sql`select 1 / 0`, { workMemMb: 64, noIndexScan: true, noJit: true })).rejects.toThrow();
    expect(await executeRows(db, settings)).toEqual([before]);
  });
});
