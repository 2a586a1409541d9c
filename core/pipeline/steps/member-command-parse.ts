import { STANDARD_PAYLOADS } from '../../channels/standard-payloads.js';
import type { InboundContent } from '../../messages/content.js';
import { foldDiacritics } from '../../text/vietnamese-fold.js';
import { LINK_UNDO_PAYLOAD_PREFIX } from '../member-replies.vi.js';
import { PRIVACY_PAYLOADS } from '../privacy-replies.vi.js';

/** What a member asked the system itself to do (not a question for the assistant). */
export type MemberCommand =
  /** `/start [CODE]` (Telegram deep link), Messenger "Get started" or a join link. */
  | { type: 'start'; code: string | null }
  /** `/donvi CODE`, "mã công đoàn CODE": join or switch grassroots union; without a code, show the current one. */
  | { type: 'set_unit'; code: string | null }
  /** `/lienket`: ask for a one-time code to link another channel. */
  | { type: 'link_request' }
  /** `/lienket 12345678`: link this channel to the member who asked for the code. */
  | { type: 'link_redeem'; code: string }
  /** "That wasn't me" after a link notice (the button carries the link's id; `/khongphaitoi` undoes the latest). */
  | { type: 'link_undo'; linkId: string | null }
  | { type: 'help' }
  /** `/canbo 12345678`: an officer links this account to their admin account for inbox notices. */
  | { type: 'officer_link'; code: string }
  /** `/taidulieu`, "xem dữ liệu của tôi": what is stored about me, who read it, a copy. */
  | { type: 'data_view' }
  /** `/xoadulieu`, "xoá dữ liệu của tôi": asks for confirmation first. */
  | { type: 'erase_request' }
  /** The confirmation's buttons (or their numbers / a yes-no answer right after the question). */
  | { type: 'erase_confirm' }
  | { type: 'erase_cancel' };

// Unit codes are short ASCII tokens (printed on union QR posters); Telegram deep links allow the same alphabet.
const UNIT_CODE = '[A-Za-z0-9][A-Za-z0-9_-]{1,31}';
const UNIT_CODE_RE = new RegExp(`^${UNIT_CODE}$`);
const SLASH = /^\/([A-Za-z_]+)(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/;
// Matched on folded text, so "mã công đoàn", "ma cong doan" and "Mã Công Đoàn" are the same.
const SET_UNIT_PHRASE = new RegExp(`^(?:ma\\s+(?:cong\\s+doan|don\\s+vi|cd|cdcs)|doi\\s+(?:cong\\s+doan|don\\s+vi))\\s*[:：-]?\\s*(${UNIT_CODE})$`, 'i');
const LINK_PHRASE = /^(?:ma\s+)?lien\s*ket(?:\s*[:：-]?\s*([\d\s]{6,15}))?$/i;
// The whole message, folded: "xem dữ liệu của tôi", "cho tôi tải dữ liệu của mình", "tôi muốn xoá hết dữ liệu của tôi".
const POLITE = '(?:(?:toi|em|minh)\\s+)?(?:muon\\s+|can\\s+)?(?:cho\\s+(?:toi|em|minh)\\s+)?';
const MINE = '(?:\\s+(?:ca\\s+)?(?:nhan\\s+)?(?:cua\\s+)?(?:toi|em|minh))';
const DATA_VIEW_PHRASE = new RegExp(`^${POLITE}(?:xem|tai|tai\\s+ve|lay|xuat)\\s+(?:lai\\s+)?du\\s*lieu${MINE}?$`, 'i');
const ERASE_PHRASE = new RegExp(`^${POLITE}xoa\\s+(?:het\\s+|toan\\s+bo\\s+|tat\\s+ca\\s+)?du\\s*lieu${MINE}?$`, 'i');

export function parseMemberCommand(content: InboundContent): MemberCommand | null {
  if (content.type === 'postback') {
    if (content.payload.startsWith(LINK_UNDO_PAYLOAD_PREFIX)) return { type: 'link_undo', linkId: content.payload.slice(LINK_UNDO_PAYLOAD_PREFIX.length) || null };
    if (content.payload === PRIVACY_PAYLOADS.eraseConfirm) return { type: 'erase_confirm' };
    if (content.payload === PRIVACY_PAYLOADS.eraseCancel) return { type: 'erase_cancel' };
    return content.payload === STANDARD_PAYLOADS.start ? { type: 'start', code: null } : null;
  }
  if (content.type !== 'text') return null;
  const text = foldDiacritics(content.text).trim().replace(/\s+/g, ' ');
  const slash = SLASH.exec(text);
  if (slash) return parseSlashCommand((slash[1] ?? '').toLowerCase(), (slash[2] ?? '').trim());
  const setUnit = SET_UNIT_PHRASE.exec(text);
  if (setUnit?.[1]) return { type: 'set_unit', code: normalizeUnitCode(setUnit[1]) };
  const link = LINK_PHRASE.exec(text);
  if (link) return linkCommand(link[1] ?? '');
  const phrase = text.toLowerCase().replace(/[.!?…]+$/, '').trim();
  if (DATA_VIEW_PHRASE.test(phrase)) return { type: 'data_view' };
  if (ERASE_PHRASE.test(phrase)) return { type: 'erase_request' };
  return null;
}

function parseSlashCommand(name: string, argument: string): MemberCommand | null {
  const firstToken = argument.split(' ')[0] ?? '';
  const code = UNIT_CODE_RE.test(firstToken) ? normalizeUnitCode(firstToken) : null;
  switch (name) {
    case 'start':
      return { type: 'start', code };
    case 'donvi':
    case 'congdoan':
      return { type: 'set_unit', code };
    case 'lienket':
      return linkCommand(argument);
    case 'khongphaitoi':
      return { type: 'link_undo', linkId: null };
    case 'canbo': {
      const digits = argument.replace(/\s+/g, '');
      return /^\d{8}$/.test(digits) ? { type: 'officer_link', code: digits } : null;
    }
    case 'trogiup':
    case 'help':
      return { type: 'help' };
    case 'taidulieu':
    case 'xemdulieu':
    case 'dulieu':
      return { type: 'data_view' };
    case 'xoadulieu':
      return { type: 'erase_request' };
    default:
      return null;
  }
}

function linkCommand(argument: string): MemberCommand | null {
  const digits = argument.replace(/\s+/g, '');
  if (digits === '') return { type: 'link_request' };
  return { type: 'link_redeem', code: digits.slice(0, 12) };
}

export function normalizeUnitCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * A lone token that could be a union code ("CDCS001"), typed by a member who has no union yet (the answer
 * to the first-contact question). Needs a letter and a digit, so "2" (a choice number), "0912345678" (a
 * phone number) or "alo" are not taken for codes.
 */
export function looksLikeUnitCode(text: string): string | null {
  const token = text.trim();
  if (!UNIT_CODE_RE.test(token) || token.length < 3) return null;
  return /[A-Za-z]/.test(token) && /\d/.test(token) ? normalizeUnitCode(token) : null;
}
