import { mapLawStatus } from './law-status.js';

describe('mapLawStatus', () => {
  it.each([
    ['in_force', 'in_force'],
    ['In force', 'in_force'],
    ['in_force_as_of_source', 'in_force'],
    ['Còn hiệu lực', 'in_force'],
    ['expired', 'expired'],
    ['Hết hiệu lực', 'expired'],
    ['partially_amended', 'partly_amended'],
    ['Hết hiệu lực một phần', 'partly_amended'],
    ['draft', 'unknown'],
    [null, 'unknown'],
  ] as const)('%s → %s', (raw, expected) => {
    expect(mapLawStatus(raw)).toBe(expected);
  });
});
