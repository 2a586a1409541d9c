import type { MoodSummary } from '../contracts/mood-api.js';
import { withUnitGrowth } from './unit-growth.js';

type Child = MoodSummary['children'][number];
const child = (unit: string, members: number | null, negative: number | null, suppressed = false): Child => ({ unit, name: unit, level: 'grassroots', drillable: false, members, mood_index: null, negative_share: negative, suppressed });
const summary = (children: Child[], suppressed = false) => ({ children, suppressed }) as unknown as MoodSummary;

describe('each unit against the previous period', () => {
  it('gives the relative change and the change of the negative share when both periods publish the unit', () => {
    const [a] = withUnitGrowth(summary([child('A', 30, 0.5)]), summary([child('A', 20, 0.25)])).children;
    expect(a).toMatchObject({ previous_members: 20, previous_negative_share: 0.25, change: 0.5, negative_share_change: 0.25 });
  });

  it('gives no change when the unit is hidden in either period', () => {
    const [nowHidden] = withUnitGrowth(summary([child('A', null, null, true)]), summary([child('A', 20, 0.25)])).children;
    expect(nowHidden).toMatchObject({ previous_members: 20, change: null, negative_share_change: null });
    const [beforeHidden] = withUnitGrowth(summary([child('A', 30, 0.5)]), summary([child('A', null, null, true)])).children;
    expect(beforeHidden).toMatchObject({ previous_members: null, previous_negative_share: null, change: null, negative_share_change: null });
  });

  it('hides every previous figure when the whole previous period is hidden', () => {
    const [a] = withUnitGrowth(summary([child('A', 30, 0.5)]), summary([], true)).children;
    expect(a).toMatchObject({ previous_members: null, change: null });
  });

  it('reads a unit missing from the previous document as 0 members: new, with no ratio', () => {
    const [a] = withUnitGrowth(summary([child('A', 30, 0.5)]), summary([child('B', 10, 0.1)])).children;
    expect(a).toMatchObject({ previous_members: 0, previous_negative_share: null, change: null, negative_share_change: null });
  });
});
