import { foldDiacritics } from '../../text/vietnamese-fold.js';
import { mayOfferMoodCheck, moodCheckDraft } from '../mood-check.vi.js';
import { REPLIES_VI } from '../replies.vi.js';
import type { Turn } from '../turn.js';

// Folded cue words; the classifier already decided this is small talk, these only pick the fitting reply.
const THANKS = /\b(cam on|cam ong|thank|thanks|thanks|tks|thank you|camon|cmon)\b/;
const GOODBYE = /\b(tam biet|bye|bai bai|hen gap lai|chao nhe|di ngu)\b/;
const WHO = /\b(ban la ai|la ai|bot|may la ai|em la ai|giup duoc gi|lam duoc gi|ho tro gi)\b/;

export async function handleSmalltalk(turn: Turn): Promise<void> {
  const folded = foldDiacritics(turn.text).toLowerCase();
  const leaving = THANKS.test(folded) || GOODBYE.test(folded);
  const text = THANKS.test(folded)
    ? REPLIES_VI.thanks
    : GOODBYE.test(folded)
      ? REPLIES_VI.goodbye
      : WHO.test(folded)
        ? REPLIES_VI.whoAmI
        : REPLIES_VI.greeting;
  turn.reply({ kind: 'smalltalk', content: { type: 'text', text } });
  // Thanks or goodbye after a concern ends the conversation: the moment to ask how it went (D-mood-8).
  const conversation = turn.input.conversation;
  if (leaving && mayOfferMoodCheck(conversation, turn.ports.clock.now())) turn.reply(moodCheckDraft('conversation', conversation.moodTopic));
}
