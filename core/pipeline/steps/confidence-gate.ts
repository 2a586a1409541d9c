import { CLARIFY_CHOICES, HANDOFF_OFFER_CHOICES, REPLIES_VI } from '../replies.vi.js';
import { isRightsComplaint } from '../handlers/feedback.handler.js';
import type { Middleware } from '../turn.js';

/**
 * A message whose route confidence is under the threshold gets a clarifying question, not a guess; the
 * second unsure message in a row gets a hand-off offer instead. Both go to the learning queue
 * (DESIGN.md §6). A confident message resets the streak.
 */
export const confidenceGate: Middleware = async (turn, next) => {
  const nlu = turn.nlu;
  if (!nlu) return next();
  const expected = turn.input.lastBotReply?.expects;
  // After our own prompt ("Bạn cứ kể sự việc…"), a fragment of the story ("hom qua o xuong") looks out of scope to
  // the classifier, however sure it is: it is the story we asked for. Flagged messages (spam, injection) are not.
  if (expected && nlu.route === 'out_of_scope' && (nlu.flags ?? []).length === 0) {
    turn.nlu = { ...nlu, route: expected };
    turn.notes.routeFromPrompt = { expected, classifierRoute: nlu.route };
    turn.lowConfidenceStreak = 0;
    return next();
  }
  if (nlu.confidence.route >= turn.ports.thresholds.route || nlu.route === 'handoff') {
    turn.lowConfidenceStreak = 0;
    return next();
  }
  // The member is answering our own prompt ("Bạn cứ kể sự việc…"): what they typed is what we asked for.
  if (expected) {
    turn.nlu = { ...nlu, route: expected };
    turn.notes.routeFromPrompt = { expected, classifierRoute: nlu.route };
    turn.lowConfidenceStreak = 0;
    return next();
  }
  // Officers turn unsure questions into FAQ entries; an entry that clearly matches is the better judge, so the
  // member gets the curated answer instead of a clarifying question (the learning loop closes at once).
  const curated = turn.ports.knowledge.matchFaq?.(turn.text, turn.input.member.unitPath ?? null);
  if (curated) {
    turn.nlu = { ...nlu, route: 'question', topic: curated.topic };
    turn.notes.curatedOverride = { faqEntryId: curated.entryId, score: curated.score, classifierRoute: nlu.route };
    turn.lowConfidenceStreak = 0;
    return next();
  }
  turn.learning = { reason: 'low_confidence' };
  // Unsure whether it is a question or a complaint, but surely a negative message about wages, harassment, safety…
  // ("quản lý hay sờ mó em"): the composite reply suits both, so the member is not asked to rephrase their trouble.
  // It still goes to the learning queue, and its route confidence stays stored for the mood figures to judge.
  if (isRightsComplaint(turn)) {
    turn.nlu = { ...nlu, route: 'feedback' };
    turn.notes.routeFromConcern = { classifierRoute: nlu.route };
    turn.lowConfidenceStreak = 0;
    return next();
  }
  turn.lowConfidenceStreak = turn.input.conversation.lowConfidenceStreak + 1;
  if (turn.lowConfidenceStreak >= 2) {
    turn.reply({
      kind: 'handoff_offer',
      content: { type: 'choices', text: REPLIES_VI.handoffOfferAfterConfusion, choices: HANDOFF_OFFER_CHOICES },
    });
    return;
  }
  turn.reply({ kind: 'clarify', content: { type: 'choices', text: REPLIES_VI.clarify, choices: CLARIFY_CHOICES } });
};
