/**
 * Text that any store, log or JSON column accepts. Members (and attackers) can send anything: a NUL
 * (`\u0000`) is refused by PostgreSQL in text and jsonb, a lone UTF-16 surrogate (`\ud800`) is refused in
 * jsonb and garbles logs. Refusing such a message would make the platform redeliver it forever (Zalo then
 * disables the webhook), so the edge cleans instead: other control characters go too (tab, line feed and
 * carriage return stay), lone surrogates become U+FFFD.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function safeText(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(CONTROL, '');
}

/** Whether `safeText` would change the text: for edges that refuse (422) instead of cleaning. */
export function isSafeText(text: string): boolean {
  CONTROL.lastIndex = 0;
  LONE_SURROGATE.lastIndex = 0;
  return !CONTROL.test(text) && !LONE_SURROGATE.test(text);
}

/** Every string inside a JSON-like value (object keys included) passed through `safeText`; dates and other values kept. */
export function safeDeep<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => safeDeep(item)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[safeText(key)] = safeDeep(item);
    return out as T;
  }
  return value;
}
