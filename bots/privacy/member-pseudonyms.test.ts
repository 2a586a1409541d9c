import { randomBytes, randomUUID } from 'node:crypto';
import { createMemberPseudonyms } from './member-pseudonyms.js';

describe('member pseudonyms', () => {
  const key = randomBytes(32);

  it('is stable for one member and key, whatever the case of the id', () => {
    const pseudonyms = createMemberPseudonyms(key);
    const id = randomUUID();
    expect(pseudonyms.of(id)).toBe(pseudonyms.of(id.toUpperCase()));
    expect(createMemberPseudonyms(Buffer.from(key)).of(id)).toBe(pseudonyms.of(id));
  });

  it('is a uuid unlike the member id, different per member and per key', () => {
    const pseudonyms = createMemberPseudonyms(key);
    const ids = Array.from({ length: 2000 }, () => randomUUID());
    const seen = new Set(ids.map((id) => pseudonyms.of(id)));
    expect(seen.size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) {
      expect(pseudonyms.of(id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(pseudonyms.of(id)).not.toBe(id);
    }
    const other = createMemberPseudonyms(randomBytes(32));
    expect(ids.filter((id) => other.of(id) === pseudonyms.of(id))).toEqual([]);
  });

  it('refuses a short key', () => {
    expect(() => createMemberPseudonyms(randomBytes(16))).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
