import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { silentLogger } from '../../core/ports/logger.js';
import { executeRows } from '../../bots/storage/execute-rows.js';
import { mergeMembers } from '../../bots/storage/repositories/channel-member-merge.js';
import { undoLink } from '../../bots/storage/repositories/link-notice.js';
import { convertLegacyMoodMembers } from '../../bots/storage/repositories/mood-pseudonym-conversion.js';
import { conversationOf } from '../channels/support/channel-e2e.js';
import { testBackends } from '../support/backends.js';
import { createScriptedClassifier } from '../support/scripted-classifier.js';
import { waitForIdle } from '../support/settle.js';
import { createEchoKnowledge } from '../support/stub-knowledge.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const classifier = createScriptedClassifier({
  'công ty nợ lương hai tháng rồi': { route: 'feedback', topic: 'wage_arrears', sentiment: 'negative' },
  'ca đêm không có nước uống': { route: 'feedback', topic: 'safety', sentiment: 'negative' },
});

/**
 * D-privacy-6: the per-day member rows behind the distinct-member counts carry a keyed pseudonym, never the member's
 * id, so that the rollups kept after the raw messages are purged do not point at a person; rows of an older version
 * are converted at start (merging a member an old and a new process both counted); erasure still unlinks.
 */
describe.each(testBackends())("members' pseudonyms in the mood rows on $name", (backend) => {
  let t: TestPlatform;
  const sessions = { a: randomUUID(), b: randomUUID(), c: randomUUID(), d: randomUUID(), e: randomUUID(), f: randomUUID() };
  const memberOf = async (session: string) => (await conversationOf(t.database.db, 'web', session))!.memberId;
  const send = async (sessionId: string, text: string) => {
    const response = await fetch(`${t.baseUrl}/api/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), unitCode: 'A1', text }),
    });
    expect(response.status).toBe(202);
    await waitForIdle(t.platform.database.db);
  };
  const rowIds = async () => (await executeRows<{ member_id: string }>(t.database.db, sql`select member_id::text from mood_member_day order by 1`)).map((row) => row.member_id);
  const memberIds = async () => new Set((await executeRows<{ id: string }>(t.database.db, sql`select id::text from members`)).map((row) => row.id));
  const daily = () => executeRows<Record<string, unknown>>(t.database.db, sql`select day::text, unit_id, topic, sentiment, channel, messages, members, weight::float8 as weight from mood_daily order by 1, 2, 3, 4, 5`);

  beforeAll(async () => {
    t = await startTestPlatform(backend, { classifier, knowledge: createEchoKnowledge() });
    await send(sessions.a, 'công ty nợ lương hai tháng rồi');
    await send(sessions.a, 'ca đêm không có nước uống');
    await send(sessions.b, 'ca đêm không có nước uống');
  }, 180_000);
  afterAll(async () => t?.close());

  it("writes each member's pseudonym, never a member id, and a rebuild writes the same rows", async () => {
    const ids = await rowIds();
    expect(ids).toHaveLength(3);
    const members = await memberIds();
    expect(ids.filter((id) => members.has(id))).toEqual([]);
    const [a, b] = [t.platform.pseudonyms.of(await memberOf(sessions.a)), t.platform.pseudonyms.of(await memberOf(sessions.b))];
    expect(ids.sort()).toEqual([a, a, b].sort());
    // The key is kept sealed beside the other stored secrets, not as the plain 32 bytes.
    const [stored] = await executeRows<{ value: string }>(t.database.db, sql`select value #>> '{}' as value from app_settings where key = 'mood_pseudonym_key'`);
    expect(Buffer.from(stored!.value, 'base64')).not.toHaveLength(32);

    const incremental = await t.platform.mood.snapshot();
    await t.platform.mood.rebuild({ thresholds: { route: 0.6, topic: 0.5 } });
    expect(await t.platform.mood.snapshot()).toEqual(incremental);
  });

  it('a member linked to another counts once at once: incremental = rebuilt right after the merge; an undone link gives the rows back', async () => {
    // E and F both report the night shift's water the same day (the same cell); F also reports wage arrears.
    await send(sessions.e, 'ca đêm không có nước uống');
    await send(sessions.f, 'ca đêm không có nước uống');
    await send(sessions.f, 'công ty nợ lương hai tháng rồi');
    const [memberE, memberF] = [await memberOf(sessions.e), await memberOf(sessions.f)];
    const { pseudonyms } = t.platform;
    const safety = async () =>
      (await daily()).filter((row) => row.topic === 'safety').map(({ members, messages }) => ({ members: Number(members), messages: Number(messages) }));
    const before = await t.platform.mood.snapshot();
    const safetyBefore = await safety();

    // F links into E (D-privacy-9): F's rows move to E's pseudonym in the merge's transaction; the shared cell
    // counts one member less with the same messages, F's other row simply changes hands.
    await t.database.db.transaction((tx) => mergeMembers(tx, { fromMemberId: memberF, intoMemberId: memberE, channel: 'web', now: new Date(), pseudonyms }));
    expect(await rowIds()).not.toContain(pseudonyms.of(memberF));
    expect(await safety()).toEqual(safetyBefore.map((row) => ({ members: row.members - 1, messages: row.messages })));
    const incremental = await t.platform.mood.snapshot();
    expect(incremental.memberDays).toHaveLength(before.memberDays.length - 1);
    await t.platform.mood.rebuild({ thresholds: { route: 0.6, topic: 0.5 } });
    expect(await t.platform.mood.snapshot()).toEqual(incremental);

    // "Không phải tôi" within the window: each member has its own rows again, and the figures are as before the link.
    const undone = await undoLink(t.database.db, { memberId: memberE, fromMemberId: memberF, intakeUnitId: null, now: new Date() });
    expect(undone.status).toBe('undone');
    expect(await t.platform.mood.snapshot()).toEqual(before);
  });

  it("converts an older version's rows to pseudonyms, merging a member an old and a new process both counted", async () => {
    const before = { snapshot: await t.platform.mood.snapshot(), daily: await daily() };
    const [memberA, memberB] = [await memberOf(sessions.a), await memberOf(sessions.b)];
    // As an older version wrote them: member A's two rows under the member's own id.
    await t.database.db.execute(sql`update mood_member_day set member_id = ${memberA} where member_id = ${t.platform.pseudonyms.of(memberA)}`);
    // An old process counted member B again the same day in the same cell under the id: one more message, one more member.
    const [cell] = await executeRows<{ day: string; unit_id: string | null; topic: string; sentiment: string; channel: string }>(
      t.database.db,
      sql`select day::text, unit_id, topic, sentiment, channel from mood_member_day where member_id = ${t.platform.pseudonyms.of(memberB)}`,
    );
    await t.database.db.execute(sql`insert into mood_member_day (day, unit_id, topic, sentiment, channel, member_id, messages, weight)
      values (${cell!.day}::date, ${cell!.unit_id}, ${cell!.topic}, ${cell!.sentiment}, ${cell!.channel}, ${memberB}, 1, 1)`);
    await t.database.db.execute(sql`update mood_daily set members = members + 1, messages = messages + 1, weight = weight + 1
      where day = ${cell!.day}::date and unit_id is not distinct from ${cell!.unit_id} and topic = ${cell!.topic} and sentiment = ${cell!.sentiment} and channel = ${cell!.channel}`);
    await t.database.db.execute(sql`delete from app_settings where key = 'mood_pseudonyms_converted'`);

    const deps = { db: t.database.db, pseudonyms: t.platform.pseudonyms, settings: t.platform.repositories.settings, logger: silentLogger };
    // Two processes starting together: between them the rows are converted once.
    const reports = await Promise.all([convertLegacyMoodMembers(deps), convertLegacyMoodMembers(deps)]);
    expect({ rows: reports[0].rows + reports[1].rows, merged: reports[0].merged + reports[1].merged }).toEqual({ rows: 3, merged: 1 });

    const members = await memberIds();
    expect((await rowIds()).filter((id) => members.has(id))).toEqual([]);
    // Member B counts once again in the cell, with both messages; everything else is as before.
    const after = await daily();
    const key = (row: Record<string, unknown>) => JSON.stringify([row.day, row.unit_id, row.topic, row.sentiment, row.channel]);
    const cellKey = key(cell!);
    for (const row of after) {
      const old = before.daily.find((candidate) => key(candidate) === key(row))!;
      expect(row).toEqual(key(row) === cellKey ? { ...old, messages: Number(old.messages) + 1, weight: Number(old.weight) + 1 } : old);
    }
    expect(after).toHaveLength(before.daily.length);
    expect((await t.platform.mood.snapshot()).memberDays).toHaveLength(before.snapshot.memberDays.length);
    // Done: the next start finds nothing more.
    expect(await convertLegacyMoodMembers(deps)).toEqual({ members: 0, rows: 0, merged: 0 });
    // A process of the older version, still running during the rolling upgrade, writes member A's id again after
    // the conversion: the next start converts it, since it comes within two days of the first conversion.
    await t.database.db.execute(sql`update mood_member_day set member_id = ${memberA} where member_id = ${t.platform.pseudonyms.of(memberA)}`);
    expect(await convertLegacyMoodMembers(deps)).toEqual({ members: 1, rows: 2, merged: 0 });
    expect((await rowIds()).filter((id) => members.has(id))).toEqual([]);
    // Later starts no longer search.
    await t.database.db.execute(sql`update mood_member_day set member_id = ${memberA} where member_id = ${t.platform.pseudonyms.of(memberA)}`);
    await t.platform.repositories.settings.set('mood_pseudonyms_converted', { at: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    expect(await convertLegacyMoodMembers(deps)).toEqual({ members: 0, rows: 0, merged: 0 });
    await t.database.db.execute(sql`update mood_member_day set member_id = ${t.platform.pseudonyms.of(memberA)} where member_id = ${memberA}`);
  });

  it("the member's export lists their mood rows; erasure unlinks them from the pseudonym too, and the counts stay", async () => {
    const before = { ids: await rowIds(), daily: await daily() };
    const memberA = await memberOf(sessions.a);
    // No units are seeded here: the member has none, and the export says so.
    const exported = await t.platform.repositories.memberData.exportMember(memberA, new Date());
    expect(exported.moodDays.map(({ unit, topic, sentiment, channel, messages }) => ({ unit, topic, sentiment, channel, messages }))).toEqual([
      { unit: null, topic: 'safety', sentiment: 'negative', channel: 'web', messages: 1 },
      { unit: null, topic: 'wage_arrears', sentiment: 'negative', channel: 'web', messages: 1 },
    ]);
    await t.platform.repositories.memberData.eraseMember(memberA, new Date());
    const ids = await rowIds();
    expect(ids).toHaveLength(before.ids.length);
    expect(ids).not.toContain(t.platform.pseudonyms.of(memberA));
    expect(await daily()).toEqual(before.daily);
  });

  it("a member merged into another by channel linking: converted, exported and erased with the member it joined", async () => {
    await send(sessions.c, 'công ty nợ lương hai tháng rồi');
    await send(sessions.d, 'ca đêm không có nước uống');
    const [memberC, memberD] = [await memberOf(sessions.c), await memberOf(sessions.d)];
    // D links into C: D's mood row keeps D's pseudonym (an undone link gives it back), and D leaves `members`.
    await t.database.db.transaction((tx) => mergeMembers(tx, { fromMemberId: memberD, intoMemberId: memberC, channel: 'web', now: new Date() }));
    // As an older version left it: D's row under D's own id, which channel_member_merges ties to C without any key.
    await t.database.db.execute(sql`update mood_member_day set member_id = ${memberD} where member_id = ${t.platform.pseudonyms.of(memberD)}`);
    await t.database.db.execute(sql`delete from app_settings where key = 'mood_pseudonyms_converted'`);
    const deps = { db: t.database.db, pseudonyms: t.platform.pseudonyms, settings: t.platform.repositories.settings, logger: silentLogger };
    expect(await convertLegacyMoodMembers(deps)).toEqual({ members: 1, rows: 1, merged: 0 });
    expect(await rowIds()).not.toContain(memberD);
    expect(await rowIds()).toContain(t.platform.pseudonyms.of(memberD));

    const exported = await t.platform.repositories.memberData.exportMember(memberC, new Date());
    expect(exported.moodDays.map(({ topic }) => topic).sort()).toEqual(['safety', 'wage_arrears']);

    const before = { ids: await rowIds(), daily: await daily() };
    await t.platform.repositories.memberData.eraseMember(memberC, new Date());
    const ids = await rowIds();
    expect(ids).toHaveLength(before.ids.length);
    expect(ids).not.toContain(t.platform.pseudonyms.of(memberC));
    expect(ids).not.toContain(t.platform.pseudonyms.of(memberD));
    expect(await daily()).toEqual(before.daily);
  });
});
