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

describe('buildSummaryDocument across periods', () => {
  const edgeRow = (level: AggregateRow['level'], child: string | null, topic: string | null, sentiment: string | null, members: number, first: number, last: number, min: number): AggregateRow => ({
    ...row(level, child, topic, sentiment, members, members),
    firstSegmentMembers: first,
    lastSegmentMembers: last,
    minSegmentMembers: min,
  });
  it('hides a figure whose first or last week is a group below k, and message counts over a small middle week', () => {
    const rows = [
      edgeRow('total', null, null, null, 40, 20, 20, 6),
      edgeRow('child', 'a', null, null, 20, 10, 10, 10),
      edgeRow('child', 'b', null, null, 20, 10, 10, 6),
      edgeRow('topic', null, 'wages', null, 40, 20, 20, 6),
      edgeRow('sentiment', null, null, 'negative', 40, 20, 20, 6),
      edgeRow('child_topic', 'a', 'wages', null, 20, 10, 10, 10),
      edgeRow('child_topic', 'b', 'wages', null, 20, 10, 10, 6),
      edgeRow('cell', 'a', 'wages', 'negative', 8, 8, 2, 2),
      edgeRow('cell', 'a', 'wages', 'neutral', 12, 12, 12, 12),
      edgeRow('cell', 'b', 'wages', 'negative', 9, 9, 9, 3),
      edgeRow('cell', 'b', 'wages', 'neutral', 11, 11, 11, 11),
    ];
    const document = buildSummaryDocument(input(rows));
    const cell = (unit: string, sentiment: string) => document.cells.find((c) => c.unit === unit && c.sentiment === sentiment);
    expect(cell('HN', 'negative')).toMatchObject({ members: null, suppressed: true });
    // Its complement in HN's row is hidden too, so HN × wages minus the shown cells reveals nothing.
    expect(cell('HN', 'neutral')).toMatchObject({ suppressed: true });
    // And in the wages × negative column, so that it cannot be read as the column's total minus HCM's.
    expect(cell('HCM', 'negative')).toMatchObject({ suppressed: true });
  });
  it('shows members but not messages when only a middle week is a group below k (left + right + whole would isolate it)', () => {
    const rows = [
      edgeRow('total', null, null, null, 20, 10, 10, 3),
      edgeRow('child', 'a', null, null, 20, 10, 10, 3),
      edgeRow('topic', null, 'wages', null, 20, 10, 10, 3),
      edgeRow('sentiment', null, null, 'neutral', 20, 10, 10, 3),
      edgeRow('child_topic', 'a', 'wages', null, 20, 10, 10, 3),
      edgeRow('cell', 'a', 'wages', 'neutral', 20, 10, 10, 3),
    ];
    const document = buildSummaryDocument(input(rows));
    expect(document.cells[0]).toMatchObject({ members: 20, messages: null, suppressed: false });
  });
});
