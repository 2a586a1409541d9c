import { HANDOFF_OFFER_CHOICES, REPLIES_VI } from '../replies.vi.js';
import type { Turn } from '../turn.js';
import { handleFeedback, isRightsComplaint } from './feedback.handler.js';
import { offerHandoffIfSerious } from './serious-concern.js';

/**
 * Questions go to knowledge (FAQ first, then cited legal answer). "Not covered" is said plainly and offers
 * an officer; a knowledge failure offers an officer too. The member always gets an answer or a way forward.
 */
export async function handleQuestion(turn: Turn): Promise<void> {
  const nlu = turn.nlu;
  if (!nlu) return;
  // "cty ko đóng bhxh cho e, giờ sao": a complaint phrased as a question gets the composite reply (acknowledged,
  // its rights stated with the law, an officer offered), which answers the question too.
  if (isRightsComplaint(turn)) return handleFeedback(turn);
  try {
    const answer = await turn.ports.knowledge.answer({
      text: turn.text,
      topic: nlu.topic,
      entities: nlu.entities,
      conversationId: turn.input.conversation.id,
      unitPath: turn.input.member.unitPath ?? null,
    });
    turn.notes.answer = { kind: answer.kind, composer: answer.composer, confidence: answer.confidence, fallbackReason: answer.fallbackReason ?? null, faqEntryId: answer.faqEntryId ?? null };
    if (answer.kind === 'not_covered') {
      turn.learning = { reason: 'not_covered' };
      turn.reply({ kind: 'not_covered', content: { type: 'choices', text: answer.text, choices: HANDOFF_OFFER_CHOICES } });
      return;
    }
    turn.reply({ kind: answer.kind === 'faq' ? 'faq' : 'answer', content: { type: 'text', text: answer.text }, citations: answer.citations });
    offerHandoffIfSerious(turn);
  } catch (error) {
    turn.ports.logger.error({ err: error }, 'knowledge failed to answer');
    turn.notes.answer = { kind: 'error' };
    turn.learning = { reason: 'not_covered' };
    turn.reply({
      kind: 'handoff_offer',
      content: { type: 'choices', text: REPLIES_VI.knowledgeUnavailable, choices: HANDOFF_OFFER_CHOICES },
    });
  }
}
