import { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/**
 * The inbox list's keyset cursor: the sort key of the last row of a page. Opaque to clients (base64url JSON),
 * so the order can change without breaking them; a cursor that does not decode is a 422, never a full scan.
 */
const CursorSchema = z.object({ k: z.union([z.number(), z.string()]), t: z.string(), id: z.uuid() });
export type ListCursor = z.infer<typeof CursorSchema>;

export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeListCursor(raw: string): ListCursor {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    if (parsed.success && !Number.isNaN(Date.parse(parsed.data.t))) return parsed.data;
  } catch {
    // falls through to the typed error
  }
  throw new AppError('VALIDATION_FAILED', 'cursor is not a cursor this server gave out', { fields: [{ path: 'query.cursor', message: 'invalid cursor' }] });
}
