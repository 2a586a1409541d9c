import { foldDiacritics } from '../../text/vietnamese-fold.js';
import { REPLIES_VI } from '../replies.vi.js';
import type { Middleware } from '../turn.js';

// Folded phrases; reviewed list kept short and high-precision (DESIGN.md §6: self-harm words offer a person).
const SELF_HARM = [
  'tu tu',
  'tu sat',
  'muon chet',
  'khong muon song',
  'chang muon song',
  'ket lieu',
  'quyen sinh',
  'nhay cau',
  'uong thuoc ngu',
  'chet quach',
];

/** Words of self-harm get a caring reply with emergency numbers and an immediate hand-off, whatever the route. */
export const selfHarmGuard: Middleware = async (turn, next) => {
  if (turn.input.message.content.type !== 'text') return next();
  const folded = ` ${foldDiacritics(turn.text).toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  if (!SELF_HARM.some((phrase) => folded.includes(` ${phrase} `))) return next();
  turn.notes.selfHarm = true;
  turn.event = { type: 'request_handoff' };
  turn.reply({ kind: 'handoff', content: { type: 'text', text: REPLIES_VI.selfHarmSupport } });
};
