import { memberWords } from '../../messages/content.js';
import { wordlessReply } from '../inbound-replies.vi.js';
import type { Middleware } from '../turn.js';

/**
 * Messages without words of the member's get one reply saying what was received (a photo, three photos, a
 * voice note, a location, a contact, a sticker, a button that no longer exists) and are stored for officers.
 * A photo or file with a caption, and a choice we do not know (an old button with its title, a number that
 * matched nothing we act on), go on to be classified and answered on those words.
 */
export const nonTextContent: Middleware = async (turn, next) => {
  const { content } = turn.input.message;
  if (turn.choicePayload) {
    // Known payloads were acted on before this step: this one is stale or foreign.
    turn.notes.unknownPayload = turn.choicePayload;
    turn.choicePayload = null;
  }
  if (memberWords(content) !== null) return next();
  if (content.type === 'postback' && content.text && content.text.trim().length > 0) return next();
  if (content.type === 'text') return next();
  turn.notes.inboundType = content.type === 'media' ? content.kind : content.type;
  turn.reply({ kind: 'unsupported', content: { type: 'text', text: wordlessReply(content) } });
};
