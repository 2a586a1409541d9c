import { packRows, unpackRows } from './packed-rows.js';

describe('packed rows', () => {
  it('gives back the very rows it packed, texts, numbers and nulls alike', () => {
    const rows = [
      { level: 'cell', child: 'a-1', topic: 'wages', members: 7, weight: 12.5, channel: null },
      { level: 'total', child: null, topic: null, members: 0, weight: -0.25, channel: 'zalo' },
      { level: 'cell', child: 'a-1', topic: 'safety', members: 123456789, weight: 1e-7, channel: 'zalo' },
    ];
    const packed = packRows(rows);
    expect(packed.texts[0]).toEqual(['cell', 'total']);
    expect(unpackRows(JSON.parse(JSON.stringify(packed)))).toEqual(rows);
    expect(JSON.stringify(unpackRows(packed))).toBe(JSON.stringify(rows));
    expect(unpackRows(packRows([]))).toEqual([]);
  });

  it('refuses a value that is neither text nor a number', () => {
    expect(() => packRows([{ a: 1 }, { a: true }])).toThrow(TypeError);
  });
});
