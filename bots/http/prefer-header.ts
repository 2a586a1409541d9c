/** Longer `Prefer` headers are not read at all: no client of ours sends more than a few preferences. */
const MAX_PREFER_CHARS = 1_000;

/**
 * Whether a request's `Prefer` header(s) ask for `respond-async` (RFC 7240 §4.1). Preferences are comma-separated,
 * each a token with an optional `=value` and `;` parameters; tokens are case-insensitive. Anything unreadable is
 * ignored — a preference never turns a request into an error, so the synchronous answer stays the default.
 */
export function prefersRespondAsync(header: string | readonly string[] | undefined): boolean {
  if (header === undefined) return false;
  const text = Array.isArray(header) ? header.join(',') : String(header);
  if (text.length > MAX_PREFER_CHARS) return false;
  return text.split(',').some((preference) => {
    const token = preference.split(';')[0]?.split('=')[0]?.trim().toLowerCase();
    return token === 'respond-async';
  });
}
