import { MOOD_CHECK_MODEL } from '../../mood/mood-rules.js';
import { isMoodCheckPayload, MOOD_CHECK_ALREADY_ANSWERED, moodRatingThanks, parseMoodCheckPayload, ratingSentiment } from '../mood-check.vi.js';
import { CHOICE_PAYLOADS, REPLIES_VI } from '../replies.vi.js';
import type { Middleware, Turn } from '../turn.js';
import { confirmHandoff } from '../handoff-confirmation.js';

/** Acts on a button press or numbered answer resolved by resolveChoice. Unknown payloads fall through. */
export const choiceActions: Middleware = async (turn, next) => {
  if (isMoodCheckPayload(turn.choicePayload)) return answerMoodCheck(turn);
  switch (turn.choicePayload) {
    case CHOICE_PAYLOADS.handoffAccept:
      await confirmHandoff(turn);
      return;
    case CHOICE_PAYLOADS.handoffDecline:
      turn.lowConfidenceStreak = 0;
      turn.reply({ kind: 'system', content: { type: 'text', text: REPLIES_VI.handoffDeclined } });
      return;
    case CHOICE_PAYLOADS.askQuestion:
      turn.reply({ kind: 'system', content: { type: 'text', text: REPLIES_VI.askQuestionPrompt }, expects: 'question' });
      return;
    case CHOICE_PAYLOADS.giveFeedback:
      turn.reply({ kind: 'system', content: { type: 'text', text: REPLIES_VI.giveFeedbackPrompt }, expects: 'feedback' });
      return;
    default:
      return next();
  }
};

/**
 * A rating from the 1–5 mood check, by button or by its number. It counts once per check (an old button pressed
 * again is thanked, not counted) as a `feedback` message on the topic the conversation was about, weighted
 * MOOD_CHECK_WEIGHT in the mood index (core/mood/mood-rules.ts).
 */
function answerMoodCheck(turn: Turn): void {
  const answer = parseMoodCheckPayload(turn.choicePayload);
  const { moodCheckAt, moodRatedAt } = turn.input.conversation;
  const pending = moodCheckAt != null && (moodRatedAt == null || moodRatedAt.getTime() < moodCheckAt.getTime());
  if (!answer || !pending) {
    turn.reply({ kind: 'system', content: { type: 'text', text: MOOD_CHECK_ALREADY_ANSWERED } });
    return;
  }
  turn.nlu = {
    route: 'feedback',
    topic: answer.topic,
    sentiment: ratingSentiment(answer.rating),
    confidence: { route: 1, topic: 1, sentiment: 1 },
    entities: [],
    model: MOOD_CHECK_MODEL,
  };
  turn.notes.moodRating = answer.rating;
  turn.reply(moodRatingThanks(answer.rating));
}
