import type { Entity } from '../../core/nlu/nlu-result.js';
import type { AlignedFold } from '../normalize/aligned-fold.js';
import { parseNumberText } from '../normalize/number-forms.js';
import { entityFromFoldedSpan } from './entity-span.js';

/** Lengths of time: `45 ngày`, `3 tháng`, `2 năm`, `8 tiếng`, `nửa tháng`, `hai tuần`, `1 tháng rưỡi`. */

const UNITS: Readonly<Record<string, string>> = {
  nam: 'year',
  thang: 'month',
  tuan: 'week',
  ngay: 'day',
  gio: 'hour',
  tieng: 'hour',
  phut: 'minute',
};

/** Number words, folded. `năm` (five) and `sáu` (six) fold to `nam`/`sau` (year/after): accented only. */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, nua: 0.5, vai: 2,
};
const ACCENTED_ONLY_WORDS: Readonly<Record<string, string>> = { nam: 'năm', sau: 'sáu', tu: 'tư', vai: 'vài' };

const DURATION = new RegExp(
  String.raw`(?<![a-z0-9.,])(\d+(?:[.,]\d+)?|${Object.keys(NUMBER_WORDS).join('|')})\s?(${Object.keys(UNITS).join('|')})(?![a-z0-9])(\s?ruoi(?![a-z]))?`,
  'g',
);
// "ngày 15 tháng 3", "tháng 3 năm 2025", "vùng 2": the number belongs to a date or a label, not a length.
const LABEL_BEFORE = /(?:ngay|thang|nam|mung|hom|vung|dieu|khoan|lan|so|tuan|thu|luc|den|tu)\s$/;
// "8 giờ sáng" is a time of day.
const TIME_OF_DAY_AFTER = /^\s(?:sang|trua|chieu|toi|dem|kem|dung|ruoi sang)(?![a-z])/;

export function findDurations(view: AlignedFold): Entity[] {
  const { folded } = view;
  const found: Entity[] = [];
  DURATION.lastIndex = 0;
  for (let match = DURATION.exec(folded); match !== null; match = DURATION.exec(folded)) {
    const [whole, amountText = '', unitWord = '', half] = match;
    if (LABEL_BEFORE.test(folded.slice(Math.max(0, match.index - 6), match.index))) continue;
    const end = match.index + whole.length;
    if ((unitWord === 'gio' || unitWord === 'tieng') && TIME_OF_DAY_AFTER.test(folded.slice(end, end + 12))) continue;
    let amount = /\d/.test(amountText) ? parseNumberText(amountText) : (NUMBER_WORDS[amountText] ?? null);
    const accentedForm = ACCENTED_ONLY_WORDS[amountText];
    if (accentedForm !== undefined) {
      const typed = view.original.slice(view.origin[match.index], (view.origin[match.index + amountText.length - 1] ?? 0) + 1);
      if (typed.normalize('NFC').toLowerCase() !== accentedForm) continue;
    }
    if (amount === null || amount === 0) continue;
    if (half !== undefined) amount += 0.5;
    const unit = UNITS[unitWord] as string;
    found.push(entityFromFoldedSpan(view, 'duration', match.index, end, amount, { unit }));
  }
  return found;
}
