import { sql } from 'drizzle-orm';
import { MOOD_CHECK_MODEL, MOOD_ROUTES } from '../../../core/mood/mood-rules.js';
import type { NluThresholds } from '../../../core/nlu/thresholds.js';
import type { Db } from '../database.js';
import { executeRows } from '../execute-rows.js';

export interface MoodExampleRow {
  messageId: string;
  memberId: string;
  text: string;
  sentiment: string;
}

/**
 * Messages that counted in a concern's figures (same rule as the rollups: core/mood/mood-rules.ts), one per member,
 * picked in a stable pseudo-random order so that a reader cannot page through everyone's words by asking again.
 */
export type MoodExampleRepository = ReturnType<typeof createMoodExampleRepository>;

export function createMoodExampleRepository(db: Db, thresholds: Pick<NluThresholds, 'route' | 'topic'>) {
  return {
    async sample(input: { scopePath: string; from: string; to: string; topic: string; channel?: string | undefined; limit: number }): Promise<MoodExampleRow[]> {
      const routes = sql.join(
        MOOD_ROUTES.map((route) => sql`${route}`),
        sql`, `,
      );
      const day = sql`((m.processed_at at time zone 'UTC') + interval '7 hours')::date`;
      return executeRows<MoodExampleRow>(
        db,
        sql`select "messageId", "memberId", text, sentiment from (
              select distinct on (c.member_id) m.id as "messageId", c.member_id as "memberId", m.text, m.sentiment,
                md5(m.id::text || ${input.from}) as pick
              from messages m join conversations c on c.id = m.conversation_id join units u on u.id = c.unit_id
              where u.path like ${`${input.scopePath}%`} and m.direction = 'in' and m.topic = ${input.topic}
                and m.processed_at is not null and ${day} between ${input.from}::date and ${input.to}::date
                and m.route in (${routes}) and m.nlu_model is distinct from ${MOOD_CHECK_MODEL}
                and not ((m.meta -> 'flags') @> '["injection"]'::jsonb) and not ((m.meta -> 'flags') @> '["spam"]'::jsonb)
                and m.route_confidence >= ${thresholds.route}::real and m.topic_confidence >= ${thresholds.topic}::real
                and length(m.text) between 15 and 600
                ${input.channel ? sql`and m.channel = ${input.channel}` : sql``}
              order by c.member_id, pick) per_member
            order by pick limit ${input.limit}`,
      );
    },
  };
}
