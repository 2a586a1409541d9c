import type { MoodSummary } from '../contracts/mood-api.js';

type Child = MoodSummary['children'][number];

const round3 = (value: number) => Math.round(1000 * value) / 1000;

/**
 * Each unit's change against the previous period (issue #10 item 3, D-dashboard-4), computed from two published
 * documents only: this period's and the previous period's summary of the same subtree, filters and reader. Each
 * side already passed the k rule and complementary suppression for its own period, so a change says nothing that
 * subtracting the two published figures would not: a unit hidden in either period gets no change at all.
 */
export function withUnitGrowth(current: MoodSummary, previous: MoodSummary): MoodSummary {
  const before = new Map(previous.children.map((child) => [child.unit, child]));
  const children = current.children.map((child): Child => {
    const past = before.get(child.unit);
    // A unit absent from the previous document had no member there, which that document would have published as 0.
    const previousHidden = previous.suppressed || past?.suppressed === true;
    const previousMembers = previousHidden ? null : (past?.members ?? 0);
    const previousNegative = previousHidden ? null : (past?.negative_share ?? null);
    const bothShown = !child.suppressed && previousMembers !== null && child.members !== null;
    return {
      ...child,
      previous_members: previousMembers,
      previous_negative_share: previousNegative,
      change: bothShown && previousMembers > 0 ? round3(((child.members as number) - previousMembers) / previousMembers) : null,
      negative_share_change: !child.suppressed && child.negative_share !== null && previousNegative !== null ? round3(child.negative_share - previousNegative) : null,
    };
  });
  return { ...current, children };
}
