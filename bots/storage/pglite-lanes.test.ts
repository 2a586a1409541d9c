import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createStatementLanes } from './pglite-lanes.js';

describe('statement lanes on the embedded database', () => {
  let inner: PGlite;
  beforeAll(async () => {
    inner = new PGlite();
    await inner.waitReady;
    await inner.exec('create table seen (n serial primary key, who text not null)');
  });
  afterAll(async () => {
    await inner.close();
  });

  it('runs calls made inside `first` before the ordinary calls already waiting', async () => {
    await inner.exec('truncate seen');
    const { client, first } = createStatementLanes(inner);
    const insert = (who: string) => client.query('insert into seen (who) values ($1)', [who]);
    // The first ordinary call usually takes the connection at once (unless the event loop is owed a turn, see
    // YIELD_AFTER_MS: then it waits too); the rest wait, and the urgent one overtakes them.
    const ordinary = ['turn-1', 'turn-2', 'turn-3'].map(insert);
    const urgent = first(() => insert('ack'));
    await Promise.all([...ordinary, urgent]);
    const rows = (await client.query<{ who: string }>('select who from seen order by n')).rows.map((row) => row.who);
    expect(rows.filter((who) => who !== 'ack')).toEqual(['turn-1', 'turn-2', 'turn-3']);
    expect(rows.indexOf('ack')).toBeLessThan(rows.indexOf('turn-2'));
  });

  it('writes every statement to DB_STATEMENT_LOG when asked, a transaction between begin and end, never a parameter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-statement-log-'));
    try {
      const file = join(dir, 'statements.log');
      const { client, closeLog } = createStatementLanes(inner, { statementLog: file });
      await client.query('select   1\n  as one');
      await client.transaction(async (tx) => {
        await tx.query('select $1::text as said', ['tin nhắn riêng của Nguyễn Văn A']);
        await tx.exec('select 3');
      });
      // The stream writes behind the calls: closing it flushes them (as closing the database does).
      await closeLog();
      const lines = () => readFileSync(file, 'utf8').split('\n').filter(Boolean);
      expect(lines()).toEqual(['select 1 as one', 'begin', 'select $1::text as said', 'select 3', 'end']);
      // Members' messages travel as parameters: the file (a debugging aid, refused in production) never holds them.
      expect(readFileSync(file, 'utf8')).not.toMatch(/Nguyễn|tin nhắn/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('closes a statement log it cannot write without waiting forever', async () => {
    const { client, closeLog } = createStatementLanes(inner, { statementLog: join(tmpdir(), 'cd-no-such-dir', 'x', 'statements.log') });
    await client.query('select 1');
    await expect(closeLog()).resolves.toBeUndefined();
  });

  it('lets nothing run inside another caller\'s transaction, and goes on after a failure', async () => {
    await inner.exec('truncate seen');
    const { client, first } = createStatementLanes(inner);
    const transaction = client.transaction(async (tx) => {
      await tx.query("insert into seen (who) values ('tx-a')");
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.query("insert into seen (who) values ('tx-b')");
    });
    const urgent = first(() => client.query("insert into seen (who) values ('ack')"));
    const failing = client.query('select * from no_such_table');
    await transaction;
    await urgent;
    await expect(failing).rejects.toThrow(/no_such_table/);
    const rows = (await client.query<{ who: string }>('select who from seen order by n')).rows.map((row) => row.who);
    // The acknowledgement goes before or after the transaction (before when the transaction waited for the event
    // loop's turn, as on a loaded machine), never inside it.
    expect([['tx-a', 'tx-b', 'ack'], ['ack', 'tx-a', 'tx-b']]).toContainEqual(rows);
  });

  it('keeps the client\'s other methods working on the client itself', async () => {
    const { client } = createStatementLanes(inner);
    expect(client.ready).toBe(true);
    expect(client.closed).toBe(false);
  });
});
