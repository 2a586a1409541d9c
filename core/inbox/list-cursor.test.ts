import { randomUUID } from 'node:crypto';
import { decodeListCursor, encodeListCursor } from './list-cursor.js';

describe('inbox list cursor', () => {
  it('round-trips and refuses anything it did not make', () => {
    const cursor = { k: 1, t: '2026-12-03T10:00:00.000Z', id: randomUUID() };
    expect(decodeListCursor(encodeListCursor(cursor))).toEqual(cursor);
    for (const bad of ['', 'garbage', Buffer.from('{"k":1}').toString('base64url'), encodeListCursor({ ...cursor, t: 'yesterday' })]) {
      expect(() => decodeListCursor(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });
});
