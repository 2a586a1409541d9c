import { isHumanOwned } from '../../conversations/conversation-state.js';
import { loadHandoffContext } from '../handoff-confirmation.js';
import { waitingAcknowledgement } from '../handoff-replies.vi.js';
import { BACK_TO_BOT_CHOICES } from '../replies.vi.js';
import type { Middleware, Turn } from '../turn.js';
import { classifyQuietly } from './classify-quietly.js';

export const DEFAULT_HANDOFF_ACK_INTERVAL_MINUTES = 10;

/**
 * When an officer owns the conversation (or it waits for one), the officer answers, not the bot: the message
 * is stored and shows up in the officer's inbox, classified for the officer's context and the mood figures.
 * The member is never left in silence: a short acknowledgement goes out at most once per interval (not on
 * every message: an officer typing a reply should not race a stream of bot notes). A page admin's hold (an
 * echo from the platform's own inbox) ends at `echoTakeoverUntil`: then the bot answers again.
 * The self-harm guard and "quay lại trợ lý" run before this gate.
 */
export const humanOwnedGate: Middleware = async (turn, next) => {
  const { conversation } = turn.input;
  if (!isHumanOwned(conversation.state)) return next();
  if (echoHoldEnded(turn)) {
    turn.event = { type: 'officer_release' };
    turn.notes.echoTakeoverEnded = true;
    return next();
  }
  turn.silentReason = 'human_owned';
  classifyQuietly(turn);
  if (!ackDue(turn)) return;
  turn.memberAcked = true;
  const state = conversation.state === 'officer' ? 'officer' : 'waiting_officer';
  const text = waitingAcknowledgement(state, state === 'waiting_officer' ? await loadHandoffContext(turn) : null);
  turn.reply({ kind: 'acknowledge', content: { type: 'choices', text, choices: BACK_TO_BOT_CHOICES } });
};

/** Only a hold by echo (no officer claimed it in the inbox) expires by time. */
function echoHoldEnded(turn: Turn): boolean {
  const { state, echoTakeoverUntil, assignedOfficerId } = turn.input.conversation;
  return state === 'officer' && !assignedOfficerId && !!echoTakeoverUntil && echoTakeoverUntil.getTime() <= turn.ports.clock.now().getTime();
}

function ackDue(turn: Turn): boolean {
  const last = turn.input.conversation.memberAckAt;
  if (!last) return true;
  const intervalMs = (turn.ports.handoffAckIntervalMinutes ?? DEFAULT_HANDOFF_ACK_INTERVAL_MINUTES) * 60_000;
  return turn.ports.clock.now().getTime() - last.getTime() >= intervalMs;
}
