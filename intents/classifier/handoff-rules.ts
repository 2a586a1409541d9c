import type { NormalizedText } from '../normalize/normalize-text.js';
import { HANDOFF_RULES, SELF_HARM_RULE, type HandoffReason } from './handoff-rules.vi.js';

export interface HandoffTrigger {
  reason: HandoffReason;
  /** The folded words that matched, for audit logs. */
  phrase: string;
}

/** The first hand-off rule that matches the message, if any. */
export function findHandoffTrigger(text: NormalizedText): HandoffTrigger | null {
  // The canonical view has diacritics exactly when its fold differs from it.
  const selfHarm = text.canonical !== text.folded
    ? SELF_HARM_RULE.accentedPattern.exec(text.canonical)
    : SELF_HARM_RULE.foldedPattern.exec(text.folded);
  if (selfHarm !== null) return { reason: SELF_HARM_RULE.reason, phrase: selfHarm[0] };
  for (const rule of HANDOFF_RULES) {
    const match = rule.pattern.exec(text.folded);
    if (match !== null) return { reason: rule.reason, phrase: match[0] };
  }
  return null;
}
