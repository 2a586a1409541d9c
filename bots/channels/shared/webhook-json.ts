import type { z } from 'zod';
import type { WebhookRequest } from '../../../core/channels/channel-adapter.js';
import { AppError } from '../../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../../core/errors/zod-issues.js';
import { parseJsonKeepingBigIntegers } from './lossless-json.js';

/** Parses a webhook's raw body: not JSON → MALFORMED_BODY, JSON of the wrong shape → CHANNEL_DECODE_FAILED (both 400). */
export function parseWebhookJson<S extends z.ZodType>(request: WebhookRequest, schema: S, what: string): z.infer<S> {
  let json: unknown;
  try {
    json = parseJsonKeepingBigIntegers(request.rawBody.toString('utf8'));
  } catch (error) {
    throw new AppError('MALFORMED_BODY', `the ${what} body is not valid JSON`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const fields = fieldIssuesFromZod(parsed.error, 'body');
  throw new AppError('CHANNEL_DECODE_FAILED', `malformed ${what}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
}

/** Platform timestamps arrive as seconds or milliseconds, numbers or strings; anything unusable becomes `fallback`. */
export function platformTime(value: string | number | undefined, fallback: Date): Date {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return fallback;
  // Before 2001-09-09 in milliseconds is 10 digits; anything that small is seconds.
  const date = new Date(n < 1e11 ? n * 1000 : n);
  // Beyond the range of a Date (e.g. 1e30) there is no time at all.
  return Number.isFinite(date.getTime()) ? date : fallback;
}
