import { TOPIC_NAMES_VI } from '../../nlu/topic-names.vi.js';
import { feedbackAcknowledgement } from '../replies.vi.js';
import type { Turn } from '../turn.js';
import { offerHandoffIfSerious } from './serious-concern.js';

/** A concern, complaint or opinion: acknowledged (its labels feed the mood figures), serious ones offer a person. */
export async function handleFeedback(turn: Turn): Promise<void> {
  const nlu = turn.nlu;
  if (!nlu) return;
  const topicName = nlu.confidence.topic >= turn.ports.thresholds.topic ? TOPIC_NAMES_VI[nlu.topic] : TOPIC_NAMES_VI.other;
  turn.reply({ kind: 'acknowledge', content: { type: 'text', text: feedbackAcknowledgement(nlu.sentiment, topicName) } });
  offerHandoffIfSerious(turn);
}
