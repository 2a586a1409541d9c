import * as chrono from 'chrono-node';
import type { Entity } from '../../core/nlu/nlu-result.js';
import { hasDiacritics } from '../../core/text/vietnamese-fold.js';
import type { AlignedFold } from '../normalize/aligned-fold.js';
import { entityFromFoldedSpan } from './entity-span.js';
import { RELATIVE_DATE_WORDS } from './relative-dates.vi.js';

/**
 * Dates: explicit ones by our own patterns on the folded view (`15/3/2025`, `ngay 15 thang 3`, `tháng 3/2025`),
 * relative words from a table (`hôm qua`, `tuan truoc`), and chrono's Vietnamese parser on accented text for
 * the rest (`3 ngày nữa`, `5 năm trước`, `chủ nhật này`). Values are ISO dates in Vietnam's calendar (UTC+7,
 * no daylight saving), computed from the `now` the caller passes, never from a hidden clock.
 */

const VIETNAM_OFFSET_MINUTES = 7 * 60;
const FULL_DATE = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)/g;
const WORDED_DATE = /(?<![a-z0-9])(?:ngay|mung|hom)\s+(\d{1,2})\s*(?:thang\s+|\/|-)(\d{1,2})(?:\s*(?:nam\s+|\/|-)(\d{4}))?(?![\d/])/g;
const SHORT_DATE = /(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?![\d/])/g;
// A bare d/m is a date only after a word that introduces one ("từ 15/3"), never in "làm 6/7 ngày".
const SHORT_DATE_CONTEXT = /(?:ngay|mung|tu|den|hom|truoc|sau|toi|luc|vao|nay|ke tu)\s$/;
const MONTH_YEAR = /(?<![a-z0-9])thang\s+(\d{1,2})\s*(?:\/|-|nam\s+)(\d{4})(?![\d])/g;
const RELATIVE = new RegExp(`(?<![a-z0-9])(?:${RELATIVE_DATE_WORDS.map((w) => w.phrase.replace(/ /g, '\\s+')).join('|')})(?![a-z0-9])`, 'g');
/** chrono results worth keeping: they must name a day relative to now, not just a time of day. */
const CHRONO_CUES = /(hôm|mai|kia|tuần|tháng|năm|thứ|chủ nhật|nữa|trước|sau|ngày)/;
/**
 * What chrono adds to our own patterns and table ("3 ngày nữa", "5 năm trước", "chủ nhật này"). Checked first:
 * chrono costs tens of microseconds per message, and most messages have nothing for it.
 */
const CHRONO_WORTHWHILE = /\d+\s*(?:ngày|tuần|tháng|năm)\s+(?:nữa|trước|sau|tới)|chủ nhật/i;

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function vietnamToday(now: Date): CalendarDay {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

function shift(base: CalendarDay, days = 0, months = 0, years = 0): CalendarDay {
  const date = new Date(Date.UTC(base.year + years, base.month - 1 + months, base.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDay = (d: CalendarDay): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** Without a year, a member means the nearest such day, usually a past one: more than 2 months ahead → last year. */
function inferYear(month: number, day: number, today: CalendarDay): number {
  const candidate = Date.UTC(today.year, month - 1, day);
  const twoMonthsAhead = Date.UTC(today.year, today.month + 1, today.day);
  return candidate > twoMonthsAhead ? today.year - 1 : today.year;
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function explicitDates(view: AlignedFold, today: CalendarDay): Entity[] {
  const { folded } = view;
  const found: Entity[] = [];
  const push = (start: number, end: number, year: number, month: number, day: number, yearInferred: boolean): void => {
    if (!isValidDay(year, month, day)) return;
    found.push(entityFromFoldedSpan(view, 'date', start, end, isoDay({ year, month, day }), { granularity: 'day', yearInferred }));
  };
  for (const match of folded.matchAll(FULL_DATE)) {
    push(match.index, match.index + match[0].length, fullYear(match[4] ?? ''), Number(match[3]), Number(match[1]), false);
  }
  for (const match of folded.matchAll(WORDED_DATE)) {
    const month = Number(match[2]);
    const day = Number(match[1]);
    const year = match[3] === undefined ? inferYear(month, day, today) : Number(match[3]);
    push(match.index, match.index + match[0].length, year, month, day, match[3] === undefined);
  }
  for (const match of folded.matchAll(SHORT_DATE)) {
    if (!SHORT_DATE_CONTEXT.test(folded.slice(Math.max(0, match.index - 8), match.index))) continue;
    const month = Number(match[2]);
    const day = Number(match[1]);
    push(match.index, match.index + match[0].length, inferYear(month, day, today), month, day, true);
  }
  for (const match of folded.matchAll(MONTH_YEAR)) {
    const month = Number(match[1]);
    if (month < 1 || month > 12) continue;
    found.push(
      entityFromFoldedSpan(view, 'date', match.index, match.index + match[0].length, `${match[2]}-${pad(month)}`, { granularity: 'month' }),
    );
  }
  return found;
}

function relativeDates(view: AlignedFold, today: CalendarDay): Entity[] {
  const found: Entity[] = [];
  for (const match of view.folded.matchAll(RELATIVE)) {
    const phrase = match[0].replace(/\s+/g, ' ');
    const word = RELATIVE_DATE_WORDS.find((w) => w.phrase === phrase);
    if (word === undefined) continue;
    const day = shift(today, word.days, word.months, word.years);
    found.push(
      entityFromFoldedSpan(view, 'date', match.index, match.index + match[0].length, isoDay(day), { granularity: word.granularity, relative: true }),
    );
  }
  return found;
}

function chronoDates(view: AlignedFold, now: Date): Entity[] {
  const text = view.original;
  // chrono reports offsets in the string it was given; only composed text keeps them equal to the original's.
  if (!CHRONO_WORTHWHILE.test(text) || !hasDiacritics(text) || text !== text.normalize('NFC')) return [];
  const found: Entity[] = [];
  for (const result of chrono.vi.parse(text, { instant: now, timezone: VIETNAM_OFFSET_MINUTES })) {
    const lower = result.text.toLowerCase();
    if (!CHRONO_CUES.test(lower) || /\d\/\d/.test(lower) || lower.startsWith('trong ')) continue;
    // chrono reads "thứ hai tuần sau" as "hai tuần sau"; a weekday it cut in half is not a date we trust.
    if (/thứ\s*$/i.test(text.slice(Math.max(0, result.index - 5), result.index))) continue;
    const year = result.start.get('year');
    const month = result.start.get('month');
    const day = result.start.get('day');
    if (year === null || month === null || day === null) continue;
    const granularity = result.start.isCertain('day') ? 'day' : result.start.isCertain('month') ? 'month' : 'approximate';
    found.push({
      type: 'date',
      text: result.text,
      start: result.index,
      end: result.index + result.text.length,
      value: isoDay({ year, month, day }),
      meta: { granularity, relative: true },
    });
  }
  return found;
}

/** Explicit dates first, then the relative table, then chrono: the caller keeps the first of overlapping spans. */
export function findDates(view: AlignedFold, now: Date): Entity[] {
  const today = vietnamToday(now);
  const explicit = /\d/.test(view.folded) ? explicitDates(view, today) : [];
  return [...explicit, ...relativeDates(view, today), ...chronoDates(view, now)];
}

