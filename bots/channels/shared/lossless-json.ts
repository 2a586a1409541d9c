/**
 * JSON.parse that keeps big integers exact. Zalo and Meta send some ids as JSON numbers (`app_id` in
 * Messenger echoes, ids in older Zalo payloads) that can exceed 2^53; parsed as numbers they silently
 * change. Integer literals of 16 digits or more outside strings become strings before parsing.
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  return JSON.parse(quoteBigIntegers(text));
}

const MIN_DIGITS = 16;

export function quoteBigIntegers(text: string): string {
  let out = '';
  let index = 0;
  let inString = false;
  while (index < text.length) {
    const char = text[index] as string;
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text[index + 1] ?? '';
        index += 2;
        continue;
      }
      if (char === '"') inString = false;
      index++;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
      index++;
      continue;
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      const match = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(index));
      const literal = match?.[0] ?? char;
      const isBigInteger = /^-?\d+$/.test(literal) && literal.replace('-', '').length >= MIN_DIGITS;
      out += isBigInteger ? `"${literal}"` : literal;
      index += literal.length;
      continue;
    }
    out += char;
    index++;
  }
  return out;
}
