import { assertNever } from '../../errors/app-error.js';
import type { ChannelId } from '../../messages/channels.js';
import type { MemberDirectory } from '../../ports/member-directory.js';
import {
  MEMBER_REPLIES_VI,
  joinNoteReply,
  linkCodeReply,
  linkedReply,
  linkUndoneReply,
  officerLinkedReply,
  unitJoinedReply,
  unitNotFoundReply,
} from '../member-replies.vi.js';
import { ERASE_CHOICES, PRIVACY_PAYLOADS, PRIVACY_REPLIES_VI, dataSummaryReply } from '../privacy-replies.vi.js';
import { foldDiacritics } from '../../text/vietnamese-fold.js';
import { channelAsksConsent, currentConsent } from '../../privacy/consent.js';
import type { Middleware, Turn } from '../turn.js';
import { parseMemberCommand, type MemberCommand } from './member-command-parse.js';

const ERASE_YES = /^(1|co|dong y|xoa|xoa di|xoa du lieu|ok|yes|chac chan)$/;
const ERASE_NO = /^(2|khong|ko|k|thoi|huy|khong xoa|no)$/;

/**
 * The answer to the erasure question typed instead of pressed: its number on channels without buttons, or a
 * short yes/no. Only right after the question, so "1" or "có" elsewhere keep their usual meaning.
 */
function eraseAnswer(turn: Turn): MemberCommand | null {
  const previous = turn.input.lastBotReply;
  const { content } = turn.input.message;
  if (content.type !== 'text' || !previous?.choices.some((choice) => choice.payload === PRIVACY_PAYLOADS.eraseConfirm)) return null;
  const answer = foldDiacritics(content.text).toLowerCase().trim().replace(/[.!]+$/, '');
  if (ERASE_YES.test(answer)) return { type: 'erase_confirm' };
  if (ERASE_NO.test(answer)) return { type: 'erase_cancel' };
  return null;
}

/** Channels without a join parameter in their links: a member without a union is asked for its code once. */
export const UNIT_CODE_PROMPT_CHANNELS: readonly ChannelId[] = ['zalo'];
export const LINK_CODE_VALID_MINUTES = 10;

/**
 * Member commands: joining or switching a grassroots union, linking two channels of one person, help.
 * Runs before the officer gate, because these are requests to the system, not to the assistant or the
 * officer. Without a member directory (unit tests of other steps) it does nothing.
 */
export const memberCommands: Middleware = async (turn, next) => {
  const directory = turn.ports.memberDirectory;
  if (!directory) return next();
  const command = parseMemberCommand(turn.input.message.content) ?? eraseAnswer(turn);
  if (command) {
    turn.notes.memberCommand = command.type;
    await runCommand(turn, directory, command);
    return;
  }
  await next();
  await askUnitCodeOnFirstContact(turn, directory);
};

async function runCommand(turn: Turn, directory: MemberDirectory, command: MemberCommand): Promise<void> {
  const now = turn.ports.clock.now();
  const { member, conversation, message } = turn.input;
  switch (command.type) {
    case 'start': {
      // The link's code was applied at ingest with its precedence (a union the member chose stays): say what happened.
      const join = turn.input.message.join;
      const unitLine = join
        ? joinNoteReply(join)
        : command.code
          ? await setUnitText(directory, member.id, command.code, now)
          : await currentUnitText(directory, member.id, awaitsConsent(turn) ? null : conversation.channel);
      systemReply(turn, `${MEMBER_REPLIES_VI.welcome}\n\n${unitLine}`);
      return;
    }
    case 'set_unit':
      systemReply(turn, command.code ? await setUnitText(directory, member.id, command.code, now) : await currentUnitText(directory, member.id, null));
      return;
    case 'link_request': {
      const link = await directory.createLinkCode({ memberId: member.id, channel: conversation.channel, requestId: message.id, now });
      systemReply(turn, linkCodeReply(link.code, LINK_CODE_VALID_MINUTES));
      return;
    }
    case 'link_redeem': {
      const result = await directory.redeemLinkCode({ code: command.code, memberId: member.id, channel: conversation.channel, now, address: message.address ?? null });
      turn.notes.linkResult = result.status;
      systemReply(turn, redeemText(result));
      return;
    }
    case 'link_undo': {
      const result = await directory.undoLink({ memberId: member.id, linkId: command.linkId, now });
      turn.notes.linkResult = result.status === 'undone' ? 'undone' : 'undo_not_found';
      systemReply(turn, result.status === 'undone' ? linkUndoneReply(result.channel) : MEMBER_REPLIES_VI.linkUndoNotFound);
      return;
    }
    case 'help':
      systemReply(turn, MEMBER_REPLIES_VI.help);
      return;
    case 'officer_link': {
      const links = turn.ports.officerLinks;
      const result = links
        ? await links.redeem({ code: command.code, channel: conversation.channel, conversationId: conversation.id, memberId: member.id, address: message.address ?? null, now })
        : { status: 'invalid' as const };
      turn.notes.linkResult = result.status;
      systemReply(
        turn,
        result.status === 'linked' ? officerLinkedReply(result.displayName) : result.status === 'too_many_attempts' ? MEMBER_REPLIES_VI.officerLinkTooManyAttempts : MEMBER_REPLIES_VI.officerLinkInvalid,
      );
      return;
    }
    case 'data_view': {
      const privacy = turn.ports.memberPrivacy;
      systemReply(turn, privacy ? dataSummaryReply(await privacy.summarize({ memberId: member.id, now })) : PRIVACY_REPLIES_VI.unavailable);
      return;
    }
    case 'erase_request':
      if (!turn.ports.memberPrivacy) return systemReply(turn, PRIVACY_REPLIES_VI.unavailable);
      turn.reply({ kind: 'system', content: { type: 'choices', text: PRIVACY_REPLIES_VI.eraseAsk, choices: ERASE_CHOICES } });
      return;
    case 'erase_confirm': {
      const privacy = turn.ports.memberPrivacy;
      // Only the answer to the question just asked erases: an old button scrolled up to must be asked again.
      const asked = turn.input.lastBotReply?.choices.some((choice) => choice.payload === PRIVACY_PAYLOADS.eraseConfirm) === true;
      if (!privacy) return systemReply(turn, PRIVACY_REPLIES_VI.unavailable);
      if (!asked) return systemReply(turn, PRIVACY_REPLIES_VI.eraseStale);
      await privacy.requestErasure({ memberId: member.id, conversationId: conversation.id, messageId: message.id, now });
      turn.notes.erasureRequested = true;
      systemReply(turn, PRIVACY_REPLIES_VI.eraseConfirmed);
      return;
    }
    case 'erase_cancel':
      systemReply(turn, PRIVACY_REPLIES_VI.eraseCancelled);
      return;
    default:
      assertNever(command, 'member command');
  }
}

function redeemText(result: Awaited<ReturnType<MemberDirectory['redeemLinkCode']>>): string {
  switch (result.status) {
    case 'linked':
      return linkedReply(result.channels, result.unit);
    case 'expired':
      return MEMBER_REPLIES_VI.linkExpired;
    case 'invalid':
      return MEMBER_REPLIES_VI.linkInvalid;
    case 'own_code':
      return MEMBER_REPLIES_VI.linkOwnCode;
    case 'too_many_attempts':
      return MEMBER_REPLIES_VI.linkTooManyAttempts;
    default:
      return assertNever(result, 'link result');
  }
}

export async function setUnitText(directory: MemberDirectory, memberId: string, code: string, now: Date): Promise<string> {
  const result = await directory.setUnitByCode(memberId, code, now);
  if (result.status === 'not_found') return `${unitNotFoundReply(code)}\n${MEMBER_REPLIES_VI.unitHowTo}`;
  return unitJoinedReply(result.unit, result.status === 'set');
}

async function currentUnitText(directory: MemberDirectory, memberId: string, channel: ChannelId | null): Promise<string> {
  const unit = await directory.unitOf(memberId);
  if (unit) return unitJoinedReply(unit, false);
  // On a channel that asks for the code, the start greeting asks right away instead of explaining the command.
  if (channel && UNIT_CODE_PROMPT_CHANNELS.includes(channel)) return MEMBER_REPLIES_VI.askUnitCode;
  return `${MEMBER_REPLIES_VI.noUnitYet} ${MEMBER_REPLIES_VI.unitHowTo}`;
}

/**
 * Asked once, before the answer (so the last bot message stays the answer and a numbered choice still
 * resolves), and only when the bot actually answered: not in officer mode, not during a hand-off.
 */
async function askUnitCodeOnFirstContact(turn: Turn, directory: MemberDirectory): Promise<void> {
  const { member, conversation, message } = turn.input;
  if (member.unitId || !UNIT_CODE_PROMPT_CHANNELS.includes(conversation.channel) || awaitsConsent(turn)) return;
  if (turn.silentReason || turn.event || turn.replies.length === 0 || turn.notes.memberCommand) return;
  if (!(await directory.claimUnitCodePrompt(member.id, message.id, turn.ports.clock.now()))) return;
  turn.replies.unshift({ kind: 'system', content: { type: 'text', text: MEMBER_REPLIES_VI.askUnitCode } });
}

/**
 * The member has not consented to the privacy notice (when the deployment asks): the union question waits for
 * consent (the answer is personal data), so the first contact asks one thing, not two (privacy-consent.ts).
 */
function awaitsConsent(turn: Turn): boolean {
  return turn.ports.privacyNotice !== undefined && channelAsksConsent(turn.input.conversation.channel) && currentConsent(turn.input.member, turn.ports.privacyNotice) !== 'granted';
}

function systemReply(turn: Turn, text: string): void {
  turn.reply({ kind: 'system', content: { type: 'text', text } });
}
