import { childPath, isValidParentLevel, isWithinScope, UnitCodeSchema } from './hierarchy.js';

describe('union hierarchy rules', () => {
  it('accepts only the level directly above as parent', () => {
    expect(isValidParentLevel('national', null)).toBe(true);
    expect(isValidParentLevel('province_or_sector', 'national')).toBe(true);
    expect(isValidParentLevel('grassroots', 'upper_grassroots')).toBe(true);
    expect(isValidParentLevel('grassroots', 'province_or_sector')).toBe(false);
    expect(isValidParentLevel('grassroots', null)).toBe(false);
    expect(isValidParentLevel('national', 'national')).toBe(false);
  });

  it('scopes by materialized path', () => {
    const root = childPath(null, 'a');
    const province = childPath(root, 'b');
    const other = childPath(root, 'c');
    expect(isWithinScope(province, root)).toBe(true);
    expect(isWithinScope(province, province)).toBe(true);
    expect(isWithinScope(other, province)).toBe(false);
    expect(isWithinScope(root, province)).toBe(false);
  });

  it('normalises and validates unit codes', () => {
    expect(UnitCodeSchema.parse(' hn-kcn01 ')).toBe('HN-KCN01');
    expect(UnitCodeSchema.safeParse('a').success).toBe(false);
    expect(UnitCodeSchema.safeParse('có dấu').success).toBe(false);
  });
});
