import { canonicalRegionSyllables, namedWageRegions, wageRegionNumber } from './wage-region.js';

describe('wage regions', () => {
  it('writes the word after "vung" as its digit, roman or spelled out', () => {
    expect(canonicalRegionSyllables(['luong', 'vung', 'iii', 'va', 'vung', 'i'])).toEqual(['luong', 'vung', '3', 'va', 'vung', '1']);
    expect(canonicalRegionSyllables(['vung', 'hai', 'vung', 'iv', 'vung', '2'])).toEqual(['vung', '2', 'vung', '4', 'vung', '2']);
  });

  it('leaves the same words elsewhere alone', () => {
    expect(canonicalRegionSyllables(['i', 'ba', 'vung', 'sau'])).toEqual(['i', 'ba', 'vung', 'sau']);
  });

  it('finds the regions a question names, typed or not, and tells III from I', () => {
    expect(namedWageRegions('Lương tối thiểu vùng III là bao nhiêu?')).toEqual([3]);
    expect(namedWageRegions('luong toi thieu vung i')).toEqual([1]);
    expect(namedWageRegions('vùng 2 và Vùng IV, lại vùng 2')).toEqual([2, 4]);
    expect(namedWageRegions('lương tối thiểu là bao nhiêu')).toEqual([]);
    expect(wageRegionNumber('iv')).toBe(4);
    expect(wageRegionNumber('v')).toBeUndefined();
  });
});
