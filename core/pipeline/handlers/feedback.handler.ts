import type { Topic } from '../../nlu/labels.js';
import { TOPIC_NAMES_VI } from '../../nlu/topic-names.vi.js';
import { concernAcknowledgement, feedbackAcknowledgement, HANDOFF_OFFER_CHOICES, REPLIES_VI } from '../replies.vi.js';
import type { Turn } from '../turn.js';
import { offerHandoffIfSerious } from './serious-concern.js';

/** Topics on which a complaint has rights the law spells out: the member learns them with the acknowledgement. */
const RIGHTS_TOPICS: ReadonlySet<Topic> = new Set([
  'wages',
  'wage_arrears',
  'working_time',
  'contract',
  'termination',
  'maternity',
  'social_insurance',
  'safety',
  'harassment',
  'union',
  'dispute',
  'living_conditions',
]);

/**
 * A concern, complaint or opinion. Its labels feed the mood figures (the worker records them). A complaint on a
 * rights topic gets a composite reply (issue #11 item 1): a short acknowledgement, what the law says with its
 * articles, what to do next, then an offer of an officer. Praise and topics without rights get the acknowledgement.
 */
export async function handleFeedback(turn: Turn): Promise<void> {
  const nlu = turn.nlu;
  if (!nlu) return;
  const topicSure = nlu.confidence.topic >= turn.ports.thresholds.topic;
  const topicName = topicSure ? TOPIC_NAMES_VI[nlu.topic] : TOPIC_NAMES_VI.other;
  if (nlu.sentiment === 'positive' || !topicSure || !RIGHTS_TOPICS.has(nlu.topic)) {
    turn.reply({ kind: 'acknowledge', content: { type: 'text', text: feedbackAcknowledgement(nlu.sentiment, topicName) } });
    offerHandoffIfSerious(turn);
    return;
  }
  const rights = await rightsFor(turn, nlu.topic);
  if (rights) {
    turn.notes.answer = { kind: rights.kind, composer: rights.composer, confidence: rights.confidence, faqEntryId: rights.faqEntryId ?? null, concern: true };
    turn.reply({
      kind: rights.kind === 'faq' ? 'faq' : 'answer',
      content: { type: 'text', text: `${concernAcknowledgement(nlu.sentiment, acknowledgedSubject(rights, nlu.topic, topicName))}\n\n${rights.text}` },
      citations: rights.citations,
    });
  } else {
    turn.reply({ kind: 'acknowledge', content: { type: 'text', text: feedbackAcknowledgement(nlu.sentiment, topicName) } });
  }
  if (!offerHandoffIfSerious(turn)) {
    turn.reply({ kind: 'handoff_offer', content: { type: 'choices', text: REPLIES_VI.concernOffer, choices: HANDOFF_OFFER_CHOICES } });
  }
}

/**
 * What the acknowledgement of a complaint answered with rights names (D-answers-26): the subject of the brief the
 * complaint's own words chose ("việc bị phạt tiền, trừ lương" for "đi làm muộn bị trừ 100k", not the topic's "nợ lương,
 * chậm trả lương"); nothing when the answering entry is on another topic than the classifier's (the member's words
 * and the answer disagree on what it is about, so naming either could be wrong); else the topic's name.
 */
export function acknowledgedSubject(rights: { subject?: string; topic?: Topic }, topic: Topic, topicName: string): string | null {
  if (rights.subject) return rights.subject;
  if (rights.topic && rights.topic !== topic) return null;
  return topicName;
}

/** A surely negative message on a rights topic: whatever its route, the member complains about something the law covers. */
export function isRightsComplaint(turn: Turn): boolean {
  const nlu = turn.nlu;
  if (!nlu || nlu.sentiment !== 'negative' || !RIGHTS_TOPICS.has(nlu.topic)) return false;
  return nlu.confidence.sentiment >= turn.ports.thresholds.seriousNegative && nlu.confidence.topic >= turn.ports.thresholds.topic;
}

/** The member's rights on the complaint's topic; null when knowledge has nothing sure (the acknowledgement stands alone). */
async function rightsFor(turn: Turn, topic: Topic) {
  const nlu = turn.nlu;
  if (!nlu) return null;
  try {
    const answer = await turn.ports.knowledge.answer({
      text: turn.text,
      topic,
      entities: nlu.entities,
      conversationId: turn.input.conversation.id,
      unitPath: turn.input.member.unitPath ?? null,
      purpose: 'concern',
    });
    return answer.kind === 'not_covered' ? null : answer;
  } catch (error) {
    turn.ports.logger.error({ err: error }, 'knowledge failed to state the rights of a concern');
    return null;
  }
}
