import { REPLIES_VI } from '../replies.vi.js';
import type { Middleware } from '../turn.js';

/** Images, stickers, files and locations are stored for officers; the member is asked to write in words. */
export const nonTextContent: Middleware = async (turn, next) => {
  const { content } = turn.input.message;
  if (content.type === 'text' || content.type === 'postback') return next();
  if (content.type === 'media' && content.caption && content.caption.trim().length > 0) return next();
  turn.reply({ kind: 'unsupported', content: { type: 'text', text: REPLIES_VI.unsupportedContent } });
};
