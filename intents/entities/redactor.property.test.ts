import fc from 'fast-check';
import { createRedactor } from './redactor.js';

/**
 * Property tests of the redactor (issue #13 finding 10): whatever the surrounding words, separators and keyboard
 * (ASCII or full-width digits), a personal phone or e-mail never survives, and machine ids never lose a digit.
 */
const redactor = createRedactor();
const FILLER = ['em', 'lương', 'tháng này', 'chưa nhận', 'công ty', 'nhé', 'ạ', 'gọi', 'liên hệ', 'cảm ơn', 'hỏi', 'về bảo hiểm', 'ca đêm', 'Bình Dương', 'xin chào'];
const words = fc.array(fc.constantFrom(...FILLER), { maxLength: 6 }).map((list) => list.join(' '));
const toFullWidth = (text: string) => text.replace(/[0-9@.]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

// Vietnamese mobile prefixes in service (Viettel, Vinaphone, Mobifone, Vietnamobile, Gmobile).
const MOBILE_PREFIXES = ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098', '081', '082', '083', '084', '085', '088', '091', '094', '070', '076', '077', '078', '079', '089', '090', '093', '056', '058', '092', '059', '099'];
const phone = fc.tuple(fc.constantFrom(...MOBILE_PREFIXES), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 })).map(([prefix, rest]) => prefix + rest.join(''));
const grouping = fc.constantFrom(
  (d: string) => d,
  (d: string) => `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`,
  (d: string) => `${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`,
  (d: string) => `${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)}`,
  (d: string) => `+84 ${d.slice(1, 4)} ${d.slice(4, 7)} ${d.slice(7)}`,
);

const localPart = fc.tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.integer({ min: 10, max: 9999 })).map(([name, n]) => `${name}${n}`);
const domain = fc.constantFrom('gmail.com', 'yahoo.com', 'congty.vn', 'outlook.com.vn', 'hotmail.com');
const obfuscation = fc.constantFrom(
  (local: string, host: string) => `${local}@${host}`,
  (local: string, host: string) => `${local} [at] ${host}`,
  (local: string, host: string) => `${local}[at]${host}`,
  (local: string, host: string) => `${local}(a)${host}`,
  (local: string, host: string) => `${local} (at) ${host.replaceAll('.', ' (dot) ')}`,
  (local: string, host: string) => `${local} @ ${host.replaceAll('.', ' . ')}`,
  (local: string, host: string) => `${local} at ${host.replaceAll('.', ' dot ')}`,
  (local: string, host: string) => `${local} a còng ${host.replaceAll('.', ' chấm ')}`,
  (local: string, host: string) => `${local}＠${host.replaceAll('.', '．')}`,
);

describe('redactor properties', () => {
  it('never lets a personal mobile number through, in ASCII or full-width digits, whatever its grouping', () => {
    fc.assert(
      fc.property(words, phone, grouping, fc.boolean(), words, (before, digits, group, wide, after) => {
        const written = wide ? toFullWidth(group(digits)) : group(digits);
        const output = redactor.redact(`${before} sđt ${written} ${after}`);
        const digitsLeft = toAscii(output).replace(/\D/g, '');
        expect(digitsLeft).not.toContain(digits.slice(1));
        // A number the numbering plan does not know yet is hidden as a long number: still hidden.
        expect(output).toMatch(/\[(?:SĐT|SỐ)\]/);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets an e-mail address through, however it is disguised', () => {
    fc.assert(
      fc.property(words, localPart, domain, obfuscation, words, (before, local, host, disguise, after) => {
        const output = redactor.redact(`${before} mail ${disguise(local, host)} ${after}`);
        expect(output).not.toContain(local);
        expect(output).toContain('[EMAIL]');
      }),
      { numRuns: 300 },
    );
  });

  it('leaves UUIDs and hex ids in log lines exactly as they were', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.constantFrom('conversation', 'message', 'job', 'member'), fc.constantFrom('failed', 'sent', 'retried', ''), (id, noun, verb) => {
        const line = `${noun} ${id} ${verb}`.trim();
        expect(redactor.redact(line)).toBe(line);
        expect(redactor.redact(`{"conversationId":"${id}"}`)).toBe(`{"conversationId":"${id}"}`);
      }),
      { numRuns: 300 },
    );
  });

  it('is total and stable on any text: no throw, and redacting twice changes nothing more', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const once = redactor.redact(text);
        expect(redactor.redact(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

function toAscii(text: string): string {
  return text.replace(/[\uff10-\uff19]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}
