import { byGrowth, byNegativeGrowth, orderUnits, type GrowthFigures } from './growth-order.js';

const unit = (name: string, figures: Partial<GrowthFigures>): GrowthFigures => ({ name, suppressed: false, members: 10, previous_members: 10, change: 0, negative_share_change: 0, ...figures });

describe('units ordered by growth', () => {
  const rows = [
    unit('An Giang', { members: 20, previous_members: 10, change: 1, negative_share_change: -0.1 }),
    unit('Bắc Ninh', { members: 12, previous_members: 0, change: null, negative_share_change: null }),
    unit('Cà Mau', { suppressed: true, members: null, previous_members: null, change: null, negative_share_change: null }),
    unit('Đà Nẵng', { members: 30, previous_members: 0, change: null, negative_share_change: null }),
    unit('Gia Lai', { members: 9, previous_members: 12, change: -0.25, negative_share_change: 0.2 }),
    unit('Hà Nam', { members: 8, previous_members: null, change: null, negative_share_change: null }),
  ];

  it('puts new units first, then the largest rise, then units without a change in name order', () => {
    expect(byGrowth(rows).map((row) => row.name)).toEqual(['Đà Nẵng', 'Bắc Ninh', 'An Giang', 'Gia Lai', 'Cà Mau', 'Hà Nam']);
  });

  it('orders by the rise of the negative share, hidden changes last by name', () => {
    expect(byNegativeGrowth(rows).map((row) => row.name)).toEqual(['Gia Lai', 'An Giang', 'Bắc Ninh', 'Cà Mau', 'Đà Nẵng', 'Hà Nam']);
  });

  it('never places a unit without a published change by a hidden figure', () => {
    // Two hidden units whose (unpublished) figures differ must sort the same way as if they were equal: by name.
    const hidden = [unit('Yên Bái', { suppressed: true, members: null, change: null }), unit('Phú Thọ', { suppressed: true, members: null, change: null })];
    expect(byGrowth(hidden).map((row) => row.name)).toEqual(['Phú Thọ', 'Yên Bái']);
  });

  it("keeps the summary's own order for 'negative'", () => {
    expect(orderUnits(rows, 'negative')).toEqual(rows);
  });
});
