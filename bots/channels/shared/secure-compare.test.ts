import { safeEqual } from './secure-compare.js';

describe('safeEqual', () => {
  it('accepts equal strings and rejects any difference', () => {
    expect(safeEqual('sha256=abc', 'sha256=abc')).toBe(true);
    expect(safeEqual('sha256=abd', 'sha256=abc')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
    expect(safeEqual('abc', 'abc ')).toBe(false);
  });
});
