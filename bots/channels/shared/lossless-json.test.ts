import { parseJsonKeepingBigIntegers, quoteBigIntegers } from './lossless-json.js';

describe('lossless JSON', () => {
  it('keeps integers beyond 2^53 exact by turning them into strings', () => {
    const parsed = parseJsonKeepingBigIntegers('{"app_id": 9007199254740993, "n": 42, "x": -1234567890123456789}') as Record<string, unknown>;
    expect(parsed.app_id).toBe('9007199254740993');
    expect(parsed.n).toBe(42);
    expect(parsed.x).toBe('-1234567890123456789');
  });

  it('leaves digits inside strings, escapes and decimals alone', () => {
    const text = '{"text":"mã: 12345678901234567 \\" 98765432109876543","pi":3.14159265358979323,"e":1e21}';
    expect(quoteBigIntegers(text)).toBe(text);
    expect((parseJsonKeepingBigIntegers(text) as { text: string }).text).toBe('mã: 12345678901234567 " 98765432109876543');
  });

  it('handles arrays and nested objects', () => {
    expect(parseJsonKeepingBigIntegers('[1234567890123456789,{"a":[2,1111111111111111]}]')).toEqual(['1234567890123456789', { a: [2, '1111111111111111'] }]);
  });
});
