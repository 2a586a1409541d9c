import { SERIOUS_TOPICS } from '../../nlu/labels.js';
import { TOPIC_NAMES_VI } from '../../nlu/topic-names.vi.js';
import { HANDOFF_OFFER_CHOICES, seriousConcernOffer } from '../replies.vi.js';
import type { Turn } from '../turn.js';

/** A negative message about a serious topic (harassment, safety) gets a hand-off offer after the reply; true when offered. */
export function offerHandoffIfSerious(turn: Turn): boolean {
  const nlu = turn.nlu;
  if (!nlu || nlu.sentiment !== 'negative' || !SERIOUS_TOPICS.includes(nlu.topic)) return false;
  if (nlu.confidence.sentiment < turn.ports.thresholds.seriousNegative) return false;
  if (nlu.confidence.topic < turn.ports.thresholds.topic) return false;
  turn.notes.seriousConcern = true;
  turn.reply({
    kind: 'handoff_offer',
    content: { type: 'choices', text: seriousConcernOffer(TOPIC_NAMES_VI[nlu.topic]), choices: HANDOFF_OFFER_CHOICES },
  });
  return true;
}
