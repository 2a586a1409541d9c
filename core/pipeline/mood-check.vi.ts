import type { ReplyDraft } from '../messages/outbound.js';
import { isTopic, type Sentiment, type Topic } from '../nlu/labels.js';
import { CHOICE_PAYLOADS } from './replies.vi.js';

/**
 * The 1–5 mood check (issue #10 item 1, docs/decisions.md D-mood-8): offered when a conversation about a concern
 * ends (the member thanks or says goodbye) and when an officer closes a hand-off. Buttons where the channel has
 * them; channels without get the same choices as a numbered list and the member answers with the digit
 * (core/channels/degrade.ts, resolve-choice.ts). The payload carries the rating and the topic the conversation was
 * about, so an old button pressed later is still understood.
 */
const PREFIX = 'mood:';

/** Not asked again within this many days, whatever happens in between. */
export const MOOD_CHECK_INTERVAL_DAYS = 7;

// No digits in the titles: a channel without buttons numbers them itself ("1. Rất tệ").
const TITLES = ['Rất tệ', 'Chưa tốt', 'Tạm được', 'Tốt', 'Rất tốt'] as const;

export function moodCheckPayload(rating: number, topic: Topic): string {
  return `${PREFIX}${rating}:${topic}`;
}

export function parseMoodCheckPayload(payload: string | null): { rating: 1 | 2 | 3 | 4 | 5; topic: Topic } | null {
  if (!payload?.startsWith(PREFIX)) return null;
  const [rating, topic] = payload.slice(PREFIX.length).split(':');
  const value = Number(rating);
  if (!Number.isInteger(value) || value < 1 || value > 5 || !topic || !isTopic(topic)) return null;
  return { rating: value as 1 | 2 | 3 | 4 | 5, topic };
}

export function isMoodCheckPayload(payload: string | null): boolean {
  return payload?.startsWith(PREFIX) === true;
}

/** 1–2 is a negative experience, 3 neutral, 4–5 positive. */
export function ratingSentiment(rating: number): Sentiment {
  return rating <= 2 ? 'negative' : rating === 3 ? 'neutral' : 'positive';
}

/** Whether a check may be offered now: a concern was counted since the last one, and not within the interval. */
export function mayOfferMoodCheck(state: { moodTopic?: string | null; moodCheckAt?: Date | null }, now: Date): state is { moodTopic: Topic } {
  if (!state.moodTopic || !isTopic(state.moodTopic)) return false;
  return !state.moodCheckAt || now.getTime() - state.moodCheckAt.getTime() >= MOOD_CHECK_INTERVAL_DAYS * 86_400_000;
}

const QUESTION = {
  conversation: 'Trước khi bạn đi, bạn thấy cuộc trò chuyện hôm nay giúp được bạn đến đâu? Bạn chọn từ 1 (rất tệ) đến 5 (rất tốt) nhé — câu trả lời chỉ dùng để công đoàn tổng hợp, không gắn với tên bạn.',
  handoff: 'Cán bộ công đoàn đã khép lại cuộc trao đổi này. Bạn thấy việc hỗ trợ thế nào? Bạn chọn từ 1 (rất tệ) đến 5 (rất tốt) nhé — câu trả lời chỉ dùng để công đoàn tổng hợp, không gắn với tên bạn.',
} as const;

export function moodCheckDraft(context: keyof typeof QUESTION, topic: Topic): ReplyDraft {
  return {
    kind: 'mood_check',
    content: { type: 'choices', text: QUESTION[context], choices: TITLES.map((title, i) => ({ title, payload: moodCheckPayload(i + 1, topic) })) },
  };
}

/** The thanks after a rating, with a way to say more ("góp ý"), which counts as feedback. */
export function moodRatingThanks(rating: number): ReplyDraft {
  const text =
    rating <= 2
      ? 'Cảm ơn bạn đã cho công đoàn biết. Mình rất tiếc vì chưa giúp được bạn như mong muốn. Nếu bạn muốn góp ý điều gì chưa ổn, bạn cứ nhắn ngay tại đây.'
      : rating === 3
        ? 'Cảm ơn bạn đã đánh giá! Nếu có điều gì công đoàn nên làm tốt hơn, bạn cứ góp ý ngay tại đây nhé.'
        : 'Cảm ơn bạn, rất vui vì đã giúp được bạn! Nếu muốn góp ý thêm cho công đoàn, bạn cứ nhắn ngay tại đây nhé.';
  return { kind: 'acknowledge', content: { type: 'choices', text, choices: [{ title: 'Góp ý thêm', payload: CHOICE_PAYLOADS.giveFeedback }] } };
}

export const MOOD_CHECK_ALREADY_ANSWERED = 'Bạn đã đánh giá cuộc trò chuyện này rồi, cảm ơn bạn! Nếu muốn góp ý thêm, bạn cứ nhắn cho mình nhé.';
