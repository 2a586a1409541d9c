import { canDeleteFaqEntry, canOverride, canReadFaqEntry, canWriteFaqEntry, unitIdsOfPath, type FaqActor } from './faq-ownership.js';

const national = '/tld/';
const hanoi = '/tld/hn/';
const grassroots = '/tld/hn/kcn/a1/';
const hcm = '/tld/hcm/';
const actor = (role: FaqActor['role'], unitPath: string): FaqActor => ({ role, unitPath, isNational: unitPath === national });

describe('FAQ ownership rules', () => {
  it('lets everyone read national entries, entries above them and local entries below them, not another branch', () => {
    expect(canReadFaqEntry(actor('officer', grassroots), null)).toBe(true);
    expect(canReadFaqEntry(actor('officer', grassroots), hanoi)).toBe(true);
    expect(canReadFaqEntry(actor('officer', hanoi), grassroots)).toBe(true);
    expect(canReadFaqEntry(actor('leader', hcm), grassroots)).toBe(false);
  });

  it('keeps national entries to the national level and local ones to their subtree', () => {
    expect(canWriteFaqEntry(actor('leader', grassroots), null)).toBe(false);
    expect(canWriteFaqEntry(actor('leader', national), null)).toBe(true);
    expect(canWriteFaqEntry(actor('leader', hanoi), grassroots)).toBe(true);
    expect(canWriteFaqEntry(actor('leader', grassroots), hanoi)).toBe(false);
    expect(canWriteFaqEntry(actor('admin', hcm), grassroots)).toBe(false);
    expect(canWriteFaqEntry(actor('officer', grassroots), grassroots)).toBe(false);
  });

  it('lets only admins of the owning level or above delete', () => {
    expect(canDeleteFaqEntry(actor('leader', national), null)).toBe(false);
    expect(canDeleteFaqEntry(actor('admin', national), null)).toBe(true);
    expect(canDeleteFaqEntry(actor('admin', grassroots), null)).toBe(false);
    expect(canDeleteFaqEntry(actor('admin', hanoi), grassroots)).toBe(true);
  });

  it('allows overrides only from below on the same branch', () => {
    expect(canOverride(null, grassroots)).toBe(true);
    expect(canOverride(hanoi, grassroots)).toBe(true);
    expect(canOverride(hanoi, hanoi)).toBe(false);
    expect(canOverride(hanoi, hcm)).toBe(false);
    expect(canOverride(null, null)).toBe(false);
  });

  it('reads unit ids off a path', () => {
    expect(unitIdsOfPath('/a/b/c/')).toEqual(['a', 'b', 'c']);
    expect(unitIdsOfPath(null)).toEqual([]);
  });
});
