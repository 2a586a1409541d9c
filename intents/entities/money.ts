import type { Entity } from '../../core/nlu/nlu-result.js';
import type { AlignedFold } from '../normalize/aligned-fold.js';
import { MONEY_UNIT_MULTIPLIERS, moneyValue, parseNumberText } from '../normalize/number-forms.js';
import { entityFromFoldedSpan } from './entity-span.js';

/**
 * Amounts of money in VND: `5tr`, `5 triệu`, `4tr7`, `500k`, `2 củ`, `1,5 tỷ`, `2 triệu 500 nghìn`,
 * `3 triệu rưỡi`, `5.000.000đ`, `5000000 vnd`, and a bare `5.000.000` after a pay word (`lương 5.000.000`).
 */

const NUMBER = String.raw`\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d{1,3}(?: \d{3})+(?! ?\d)|\d+(?:[.,]\d+)?`;
// Longest units first; `d` is only a unit when the member typed `đ` (checked below).
const UNIT = String.raw`trieu|tr|ty|ti|cu|lit|xi|nghin|ngan|k|dong|vnd|vnđ|d`;
// A digit may follow the unit: `4tr7` is 4.7 million.
const AMOUNT = new RegExp(String.raw`(?<![\d.,])(${NUMBER})\s?(${UNIT})(?![a-z])`, 'g');
const REMAINDER_WITH_UNIT = new RegExp(String.raw`\s?(${NUMBER})\s?(${UNIT})(?![a-z0-9])`, 'y');
const BARE_REMAINDER = /\s?(\d{1,3})(?!\d|[.,]\d)(?!\s?(?:nam|thang|ngay|tuan|gio|tieng|phut|nguoi|lan|ca|%|\/))/y;
const HALF = /\s?ruoi(?![a-z])/y;
const CURRENCY_WORD = /\s?(?:dong|vnd|vnđ)(?![a-z0-9])/y;
const PAY_CONTEXT = /(?:luong|thuong|tien|phu cap|tro cap|thu nhap|muc|khoan|tra|no|dong|phat|tru|chi|gia)[^.!?\n]{0,20}$/;
const GROUPED_AMOUNT = /(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+(?![.,]?\d)/g;

function multiplierOf(view: AlignedFold, unit: string, unitStart: number): number | null {
  // `5d` folded could be `5 ngày`-style shorthand; only the real đồng sign counts.
  if (unit === 'd') {
    const typed = view.original[view.origin[unitStart] as number] ?? '';
    if (typed !== 'đ' && typed !== 'Đ') return null;
  }
  return MONEY_UNIT_MULTIPLIERS[unit === 'vnđ' ? 'vnd' : unit] ?? null;
}

export function findMoney(view: AlignedFold): Entity[] {
  const { folded } = view;
  const found: Entity[] = [];
  const claimed: Array<[number, number]> = [];
  AMOUNT.lastIndex = 0;
  for (let match = AMOUNT.exec(folded); match !== null; match = AMOUNT.exec(folded)) {
    const [whole, numberText = '', unit = ''] = match;
    const amount = parseNumberText(numberText);
    const multiplier = multiplierOf(view, unit, match.index + whole.length - unit.length);
    if (amount === null || multiplier === null) continue;
    let end = match.index + whole.length;
    let value = amount * multiplier;
    let remainder: string | undefined;
    let half = false;
    REMAINDER_WITH_UNIT.lastIndex = end;
    const compound = multiplier >= 1e3 ? REMAINDER_WITH_UNIT.exec(folded) : null;
    const smallerAmount = compound ? parseNumberText(compound[1] ?? '') : null;
    const smallerMultiplier = compound ? MONEY_UNIT_MULTIPLIERS[compound[2] ?? ''] : undefined;
    if (compound && smallerAmount !== null && smallerMultiplier !== undefined && smallerMultiplier < multiplier) {
      // "2 triệu 500 nghìn", "1 tỷ 200 triệu"
      value += smallerAmount * smallerMultiplier;
      end = REMAINDER_WITH_UNIT.lastIndex;
    } else {
      BARE_REMAINDER.lastIndex = end;
      const bare = multiplier >= 1e3 ? BARE_REMAINDER.exec(folded) : null;
      if (bare) {
        remainder = bare[1];
        end = BARE_REMAINDER.lastIndex;
      }
      HALF.lastIndex = end;
      if (remainder === undefined && HALF.exec(folded)) {
        half = true;
        end = HALF.lastIndex;
      }
      value = moneyValue(amount, multiplier, remainder, half);
    }
    CURRENCY_WORD.lastIndex = end;
    if (multiplier > 1 && CURRENCY_WORD.exec(folded)) end = CURRENCY_WORD.lastIndex;
    found.push(entityFromFoldedSpan(view, 'money', match.index, end, Math.round(value), { currency: 'VND' }));
    claimed.push([match.index, end]);
    AMOUNT.lastIndex = end;
  }
  GROUPED_AMOUNT.lastIndex = 0;
  for (let match = GROUPED_AMOUNT.exec(folded); match !== null; match = GROUPED_AMOUNT.exec(folded)) {
    const start = match.index;
    const end = start + match[0].length;
    if (claimed.some(([from, to]) => start < to && from < end)) continue;
    if (!PAY_CONTEXT.test(folded.slice(Math.max(0, start - 40), start))) continue;
    const value = parseNumberText(match[0]);
    if (value !== null) found.push(entityFromFoldedSpan(view, 'money', start, end, value, { currency: 'VND' }));
  }
  return found;
}
