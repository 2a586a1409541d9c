import { SERIOUS_TOPICS } from '../../nlu/labels.js';
import { TOPIC_NAMES_VI } from '../../nlu/topic-names.vi.js';
import { HANDOFF_OFFER_CHOICES, seriousConcernOffer } from '../replies.vi.js';
import type { Turn } from '../turn.js';

/** A negative message about a serious topic (harassment, safety) gets a hand-off offer after the reply. */
export function offerHandoffIfSerious(turn: Turn): void {
  const nlu = turn.nlu;
  if (!nlu || nlu.sentiment !== 'negative' || !SERIOUS_TOPICS.includes(nlu.topic)) return;
  if (nlu.confidence.sentiment < turn.ports.thresholds.seriousNegative) return;
  if (nlu.confidence.topic < turn.ports.thresholds.topic) return;
  turn.notes.seriousConcern = true;
  turn.reply({
    kind: 'handoff_offer',
    content: { type: 'choices', text: seriousConcernOffer(TOPIC_NAMES_VI[nlu.topic]), choices: HANDOFF_OFFER_CHOICES },
  });
}
