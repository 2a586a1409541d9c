import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time string comparison for signatures and secret tokens. Both sides are hashed first, so the
 * time taken does not depend on where they differ nor on their lengths.
 */
export function safeEqual(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && received.length === expected.length;
}
