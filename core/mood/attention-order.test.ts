import { byAttention, type AttentionFigures } from './attention-order.js';

const unit = (name: string, figures: Partial<AttentionFigures>): AttentionFigures => ({ name, suppressed: false, members: 10, mood_index: 0, negative_share: 0.2, ...figures });

describe('units in the order a leader looks at them', () => {
  it('puts the highest negative share first, then the lowest mood index, then the most members', () => {
    const rows = [
      unit('Huế', { negative_share: 0.1 }),
      unit('Hà Nội', { negative_share: 0.6, mood_index: -20 }),
      unit('Cần Thơ', { negative_share: 0.6, mood_index: -40 }),
      unit('Đà Nẵng', { negative_share: 0.6, mood_index: -40, members: 50 }),
    ];
    expect(byAttention(rows).map((row) => row.name)).toEqual(['Đà Nẵng', 'Cần Thơ', 'Hà Nội', 'Huế']);
  });

  it('ranks by mood index when there is no negative share (stored reports), an unknown share after known ones', () => {
    const stored = [unit('A', { negative_share: undefined, mood_index: 10 }), unit('B', { negative_share: undefined, mood_index: -30 })];
    expect(byAttention(stored).map((row) => row.name)).toEqual(['B', 'A']);
    const mixed = [unit('không rõ', { negative_share: null, mood_index: -90 }), unit('rõ', { negative_share: 0.05, mood_index: 50 })];
    expect(byAttention(mixed).map((row) => row.name)).toEqual(['rõ', 'không rõ']);
  });

  it('puts hidden units after every unit with figures, in name order whatever their (hidden) figures, and silent units last', () => {
    const rows = [
      unit('Không ai nhắn', { members: 0, mood_index: null, negative_share: null }),
      unit('Ẩn B', { suppressed: true, members: null, mood_index: null, negative_share: null }),
      unit('Ẩn A', { suppressed: true, members: null, mood_index: null, negative_share: null }),
      unit('Có số liệu', { negative_share: 0 }),
    ];
    expect(byAttention(rows).map((row) => row.name)).toEqual(['Có số liệu', 'Ẩn A', 'Ẩn B', 'Không ai nhắn']);
  });

  it('leaves its input as it was', () => {
    const rows = [unit('B', { negative_share: 0.1 }), unit('A', { negative_share: 0.9 })];
    byAttention(rows);
    expect(rows.map((row) => row.name)).toEqual(['B', 'A']);
  });
});
