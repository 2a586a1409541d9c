import type { Entity } from '../../core/nlu/nlu-result.js';
import { foldDiacritics, hasDiacritics } from '../../core/text/vietnamese-fold.js';
import type { AlignedFold } from '../normalize/aligned-fold.js';
import { canonicalizeTones } from '../normalize/tone-placement.js';
import { entityFromFoldedSpan } from './entity-span.js';
import { PROVINCES, STRICT_PROVINCE_NAMES, type ProvinceEntry } from './provinces.vi.js';

/**
 * Province mentions, old or new names, with or without diacritics. The value is the key of the unit in force
 * since 1 July 2025; `meta.oldName` says which former unit the member named.
 */

interface AliasTarget {
  province: ProvinceEntry;
  typed: string;
  oldName?: string;
  strict: boolean;
}

const foldKey = (name: string): string => foldDiacritics(name).toLowerCase().replace(/[\s\-–.]+/g, ' ').trim();
const accentKey = (name: string): string => canonicalizeTones(name.normalize('NFC').toLowerCase()).replace(/[\s\-–.]+/g, ' ').trim();
const strictKeys = new Set(STRICT_PROVINCE_NAMES.map(accentKey));

function buildAliasIndex(): Map<string, AliasTarget> {
  const index = new Map<string, AliasTarget>();
  const add = (name: string, province: ProvinceEntry, options: { oldName?: string; strict?: boolean } = {}): void => {
    const key = foldKey(name);
    if (index.has(key)) return;
    const strict = options.strict === true || strictKeys.has(accentKey(name));
    const target: AliasTarget = { province, typed: name, strict };
    if (options.oldName !== undefined) target.oldName = options.oldName;
    index.set(key, target);
  };
  for (const province of PROVINCES) {
    // Strict aliases first: "Huế" the alias must win over any looser spelling of the same folded key.
    for (const alias of province.strictAliases ?? []) add(alias, province, { strict: true });
    add(province.name, province);
    for (const former of province.formerUnits) add(former, province, { oldName: former });
    for (const alias of province.aliases) add(alias, province);
  }
  return index;
}

const ALIASES = buildAliasIndex();
const ALIAS_PATTERN = new RegExp(
  `(?<![a-z0-9])(?:${[...ALIASES.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.replace(/\./g, '\\.').replace(/ /g, '[\\s\\-–.]*'))
    .join('|')})(?![a-z0-9])`,
  'g',
);

/** "Hoà Bình" the province, not "hoà bình" (peace): a capital, and the diacritics unless none were typed. */
function strictMatchHolds(typed: string, alias: string, unaccentedMessage: boolean): boolean {
  const first = typed.charAt(0);
  if (first === first.toLowerCase()) return false;
  return unaccentedMessage || accentKey(typed) === accentKey(alias);
}

/**
 * The first two syllables of every alias (or the one syllable of one-word aliases): a message whose words
 * contain none of them cannot mention a province, and the long alias pattern need not run.
 */
const ALIAS_OPENINGS = new Set(
  [...ALIASES.keys()].map((key) => {
    const words = key.split(' ');
    return words.length === 1 ? (words[0] as string) : `${words[0] as string} ${words[1] as string}`;
  }),
);

const ALIAS_FIRST_WORDS = new Set([...ALIAS_OPENINGS].map((opening) => opening.split(' ')[0] as string));

function mayMentionProvince(folded: string): boolean {
  const words = folded.match(/[a-z]+/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (!ALIAS_FIRST_WORDS.has(word)) continue;
    if (ALIAS_OPENINGS.has(word)) return true;
    if (i + 1 < words.length && ALIAS_OPENINGS.has(`${word} ${words[i + 1] as string}`)) return true;
  }
  return false;
}

export function findProvinces(view: AlignedFold): Entity[] {
  const found: Entity[] = [];
  if (!mayMentionProvince(view.folded)) return found;
  const unaccentedMessage = !hasDiacritics(view.original);
  ALIAS_PATTERN.lastIndex = 0;
  for (let match = ALIAS_PATTERN.exec(view.folded); match !== null; match = ALIAS_PATTERN.exec(view.folded)) {
    const target = ALIASES.get(match[0].replace(/[\s\-–.]+/g, ' ').trim());
    if (target === undefined) continue;
    const entity = entityFromFoldedSpan(view, 'province', match.index, match.index + match[0].length, target.province.key, {
      name: target.province.name,
    });
    if (target.strict && !strictMatchHolds(entity.text, target.typed, unaccentedMessage)) continue;
    if (target.oldName !== undefined && entity.meta !== undefined) entity.meta.oldName = target.oldName;
    found.push(entity);
  }
  return found;
}
