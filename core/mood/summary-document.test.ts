import { buildSummaryDocument, type AggregateRow, type SummaryInput } from './summary-document.js';

const row = (level: AggregateRow['level'], child: string | null, topic: string | null, sentiment: string | null, members: number, negativeMembers = 0): AggregateRow => ({
  level,
  child,
  topic,
  sentiment,
  members,
  negativeMembers,
  messages: members * 2,
  positiveWeight: 0,
  negativeWeight: negativeMembers,
  totalWeight: members,
});

function input(rows: AggregateRow[]): SummaryInput {
  return {
    unit: { id: 'root', code: 'TLD', name: 'TLĐ', level: 'national', hasChildren: true },
    parentCode: null,
    ancestors: [],
    children: new Map([
      ['a', { id: 'a', code: 'HN', name: 'Hà Nội', level: 'province_or_sector', hasChildren: true }],
      ['b', { id: 'b', code: 'HCM', name: 'TP.HCM', level: 'province_or_sector', hasChildren: true }],
      ['c', { id: 'c', code: 'DN', name: 'Đồng Nai', level: 'province_or_sector', hasChildren: false }],
    ]),
    from: '2026-01-01',
    to: '2026-01-31',
    k: 5,
    channel: null,
    topic: null,
    rows,
    previousTopicMembers: new Map(),
    trend: { bucket: 'week', points: [] },
    excluded: null,
    alerts: [],
  };
}

describe('buildSummaryDocument', () => {
  // HN: 20 members on wages, HCM: 12 on wages, DN: 2 on safety (all negative).
  const rows = [
    row('total', null, null, null, 34, 34),
    row('child', 'a', null, null, 20, 20),
    row('child', 'b', null, null, 12, 12),
    row('child', 'c', null, null, 2, 2),
    row('topic', null, 'wages', null, 32, 32),
    row('topic', null, 'safety', null, 2, 2),
    row('sentiment', null, null, 'negative', 34, 34),
    row('child_topic', 'a', 'wages', null, 20, 20),
    row('child_topic', 'b', 'wages', null, 12, 12),
    row('child_topic', 'c', 'safety', null, 2, 2),
    row('cell', 'a', 'wages', 'negative', 20, 20),
    row('cell', 'b', 'wages', 'negative', 12, 12),
    row('cell', 'c', 'safety', 'negative', 2, 2),
  ];

  it('prints the contract fields with null counts where a cell is hidden', () => {
    const document = buildSummaryDocument(input(rows));
    expect(document).toMatchObject({ unit: 'TLD', from: '2026-01-01', to: '2026-01-31', k: 5, members: 34 });
    expect(document.cells.find((cell) => cell.unit === 'DN')).toEqual({ unit: 'DN', topic: 'safety', sentiment: 'negative', members: null, messages: null, suppressed: true });
  });

  it('never lets a hidden sibling be computed from the total', () => {
    const document = buildSummaryDocument(input(rows));
    const shown = document.children.filter((child) => !child.suppressed).reduce((sum, child) => sum + (child.members ?? 0), 0);
    const hidden = document.children.filter((child) => child.suppressed);
    // Total minus the shown children is a group of at least k, spread over at least two hidden children.
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect((document.members ?? 0) - shown).toBeGreaterThanOrEqual(5);
    // Same for topics: 2 on safety cannot be read as 34 - 32.
    expect(document.topics.filter((topic) => topic.suppressed).length === 0 || document.topics.every((topic) => topic.suppressed)).toBe(true);
  });

  it('hides everything when the whole subtree is below k', () => {
    const small = [row('total', null, null, null, 3), row('child', 'a', null, null, 3), row('topic', null, 'wages', null, 3), row('cell', 'a', 'wages', 'neutral', 3)];
    const document = buildSummaryDocument(input(small));
    expect(document).toMatchObject({ members: null, mood_index: null, suppressed: true });
    expect(document.cells.every((cell) => cell.suppressed)).toBe(true);
  });

  it('hides a share whose negative part is a group below k', () => {
    const document = buildSummaryDocument(input([row('total', null, null, null, 30, 2), row('child', 'a', null, null, 30, 2)]));
    expect(document.children[0]?.negative_share).toBeNull();
  });
});
