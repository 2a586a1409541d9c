import { jaccard } from './expired-successors.js';
import { RECOMMENDED_MIN_STRENGTH } from './match-strength.js';

/**
 * Two clauses state the same provision when they share this share of distinct syllables (Jaccard), or when the
 * new one holds `SAME_CLAUSE_CONTAINMENT` of the old one's (the provision kept, the new clause longer). Set from
 * the pairs, not from answers (D-answers-34): over the old clauses dev's questions matched, the counterparts the 2019
 * code and the 2024 social-insurance law carried over (reworded, renumbered) score 0.45–1.0 by Jaccard, mostly over
 * 0.6, the other clauses of the same article mostly under 0.4; the one retitled and lengthened counterpart seen
 * ("Bảo vệ thai sản" khoản 2) scores 0.37 but holds 0.84 of the old clause's syllables.
 */
export const SAME_CLAUSE_SIMILARITY = 0.45;
export const SAME_CLAUSE_CONTAINMENT = 0.8;

/** How well `next` states the provision of `old`: 0 when it does not, else the Jaccard similarity (≥ a small floor). */
export function clauseSimilarity(old: ReadonlySet<string>, next: ReadonlySet<string>): number {
  const similarity = jaccard(old, next);
  if (similarity >= SAME_CLAUSE_SIMILARITY) return similarity;
  let shared = 0;
  for (const syllable of old) if (next.has(syllable)) shared += 1;
  return old.size > 0 && shared / old.size >= SAME_CLAUSE_CONTAINMENT ? Math.max(similarity, Number.EPSILON) : 0;
}

export interface InForceContext {
  expired: readonly boolean[];
  /** The in-force article that replaced each expired one (same provision in the successor document), or -1. */
  replacement: Int32Array;
  strengthOf: (position: number) => number;
  /**
   * The passage of `successor` that states what the expired article's best-matching clause said (the same provision
   * in the new text), or -1 when none of its clauses does.
   */
  correspondingPassage: (expiredPosition: number, successor: number) => number;
}

export interface InForceHit {
  position: number;
  score: number;
  /** The match strength the expired article earned, handed to its replacement (0 when none). */
  inherited: number;
  /** The replacement's passage to quote first (the old clause's counterpart), -1 for the passages the query picks. */
  leadPassage: number;
}

/**
 * When the member did not ask about the old law, an expired article admitted because it matched the wording best
 * (the 2012 code's "từ đủ 12 tháng đến 36 tháng" against the 2019 code's "không quá 36 tháng") gives its place to
 * the in-force article that replaced it. The replacement takes the old one's strength, with the clause that states
 * the same provision quoted first, only when one of its clauses carries what matched; otherwise it stands on its own
 * strength and clauses (the old strength vouched for wording the new text does not have). An expired article with no
 * known replacement stays (the answer marks it expired).
 *
 * Only an expired article strong enough to have been admitted for its own wording is kept or replaced: the others
 * came in with it (the old law is searched as a whole once one of its articles covers the question) and would be
 * hidden on any other question; their replacements took the places of real in-force hits. The whole ranking is
 * read before the first `k` are taken, so a replacement also met further down keeps one place and the best strength.
 */
export function inForceInstead(ranked: readonly { position: number; score: number }[], k: number, context: InForceContext): InForceHit[] {
  const { expired, replacement, strengthOf, correspondingPassage } = context;
  const anyInForce = ranked.some(({ position }) => !expired[position]);
  const chosen: InForceHit[] = [];
  for (const { position, score } of ranked) {
    let target: InForceHit = { position, score, inherited: 0, leadPassage: -1 };
    if (expired[position]) {
      const strength = strengthOf(position);
      if (anyInForce && strength < RECOMMENDED_MIN_STRENGTH) continue;
      const successor = replacement[position] as number;
      const lead = successor >= 0 ? correspondingPassage(position, successor) : -1;
      if (lead >= 0) target = { position: successor, score, inherited: strength, leadPassage: lead };
      else if (successor >= 0) target = { position: successor, score, inherited: 0, leadPassage: -1 };
    }
    const existing = chosen.find((entry) => entry.position === target.position);
    if (!existing) {
      chosen.push(target);
      continue;
    }
    if (target.inherited > existing.inherited) {
      existing.inherited = target.inherited;
      existing.leadPassage = target.leadPassage;
    }
  }
  return chosen.slice(0, Math.max(0, k));
}
