import { contentText } from '../messages/content.js';
import { composeMiddleware } from './compose.js';
import { choiceActions } from './steps/choice-actions.js';
import { backToBot } from './steps/back-to-bot.js';
import { classify } from './steps/classify.js';
import { confidenceGate } from './steps/confidence-gate.js';
import { errorBoundary } from './steps/error-boundary.js';
import { flaggedMessage } from './steps/flagged-message.js';
import { humanOwnedGate } from './steps/human-owned-gate.js';
import { memberCommands } from './steps/member-commands.js';
import { nonTextContent } from './steps/non-text-content.js';
import { privacyConsent } from './steps/privacy-consent.js';
import { resolveChoice } from './steps/resolve-choice.js';
import { routeToHandler } from './steps/route.js';
import { selfHarmGuard } from './steps/self-harm-guard.js';
import { unitFinder } from './steps/unit-finder.js';
import { unitNameSearch } from './steps/unit-name-search.js';
import type { Middleware, Turn, TurnInput, TurnOutcome, TurnPorts } from './turn.js';

/**
 * The order matters: the privacy notice wraps everything (an answer to it is recorded first; after the turn it
 * follows the answer, gates an ordinary hand-off on consent and marks a turn without consent anonymous); member commands (/donvi, /lienket) are requests to the system and work in any state
 * (outside the error boundary: a database hiccup there retries the message instead of answering it wrongly);
 * self-harm words are answered first, in every state, before the officer-owned gate and every route; the
 * member may always go back to the assistant; an officer-owned conversation is otherwise answered by the
 * officer (the bot only acknowledges, rate-limited); a button press is acted on before classification; a member
 * without a union who names their company is offered the matching unions (after the crisis guard); spam
 * and injection attempts are never recorded as concerns; unsure classifications are clarified, not guessed.
 */
export const TURN_PIPELINE: readonly Middleware[] = [
  privacyConsent,
  memberCommands,
  unitFinder,
  errorBoundary,
  selfHarmGuard,
  backToBot,
  humanOwnedGate,
  resolveChoice,
  choiceActions,
  unitNameSearch,
  nonTextContent,
  classify,
  flaggedMessage,
  confidenceGate,
  routeToHandler,
];

const runPipeline = composeMiddleware(TURN_PIPELINE);

/** Decides what to do with one member message. Pure apart from the ports; persistence is the caller's job. */
export async function runTurn(input: TurnInput, ports: TurnPorts): Promise<TurnOutcome> {
  const turn: Turn = {
    input,
    ports,
    text: contentText(input.message.content).trim(),
    choicePayload: null,
    nlu: null,
    replies: [],
    event: null,
    lowConfidenceStreak: input.conversation.lowConfidenceStreak,
    learning: null,
    silentReason: null,
    memberAcked: false,
    notes: {},
    consent: null,
    consentAsked: false,
    anonymous: false,
    reply(draft) {
      this.replies.push(draft);
    },
  };
  await runPipeline(turn);
  return {
    nlu: turn.nlu,
    replies: turn.replies,
    event: turn.event,
    lowConfidenceStreak: turn.lowConfidenceStreak,
    learning: turn.learning,
    silentReason: turn.silentReason,
    memberAcked: turn.memberAcked,
    notes: turn.notes,
    consent: turn.consent ?? null,
    consentAsked: turn.consentAsked === true,
    anonymous: turn.anonymous === true,
  };
}
