import type { MemberDirectory } from '../../ports/member-directory.js';
import { joinNoteReply } from '../member-replies.vi.js';
import type { Middleware, Turn } from '../turn.js';
import { looksLikeUnitCode, normalizeUnitCode } from './member-command-parse.js';
import { setUnitText } from './member-commands.js';

const LONE_TOKEN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;
// A join link pasted into the chat: /chat?unit=CODE, t.me/<bot>?start=CODE, m.me/<page>?ref=CODE.
const LINK_CODE = /[?&](?:unit|start|ref)=([A-Za-z0-9][A-Za-z0-9_-]{1,31})\b/;

/**
 * How a member without a union finds theirs (issue #15): a bare code (letters only too: DTTL, MSH), a
 * pasted join link. Also says what became of the code of the link the member arrived with, when the link
 * could not be followed (a wrong code, or a union the member had already chosen: their choice wins).
 */
export const unitFinder: Middleware = async (turn, next) => {
  const directory = turn.ports.memberDirectory;
  if (!directory) return next();
  if (!turn.input.member.unitId && (await answeredWithUnitCode(turn, directory))) return;
  await next();
  const join = turn.input.message.join;
  // The start command already said it; in officer mode the bot says nothing.
  if (!join || turn.notes.memberCommand || turn.silentReason || (join.status !== 'kept' && join.status !== 'not_found')) return;
  turn.replies.unshift({ kind: 'system', content: { type: 'text', text: joinNoteReply(join) } });
};

/**
 * A lone token that is a union's code, or a pasted join link, from a member who has no union yet: the answer
 * to the first-contact question. A token that is not a code (a word, a number) goes on to the assistant,
 * unless it has letters and digits like a code, which earns a "not found".
 */
async function answeredWithUnitCode(turn: Turn, directory: MemberDirectory): Promise<boolean> {
  if (turn.input.message.content.type !== 'text') return false;
  const text = turn.text.trim();
  const fromLink = LINK_CODE.exec(text)?.[1];
  const token = fromLink ?? (LONE_TOKEN.test(text) && !/^\d+$/.test(text) ? text : null);
  if (!token) return false;
  const code = normalizeUnitCode(token);
  const known = await directory.findUnitByCode(code);
  if (!known && !fromLink && !looksLikeUnitCode(token)) return false;
  turn.notes.memberCommand = 'unit_code_answer';
  turn.reply({ kind: 'system', content: { type: 'text', text: await setUnitText(directory, turn.input.member.id, code, turn.ports.clock.now()) } });
  return true;
}
