import { foldDiacritics } from '../text/vietnamese-fold.js';
import type { UnitLevel } from './hierarchy.js';

/** A unit as the search sees it: its name, and the province federation above it (if any). */
export interface SearchableUnit {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  /** The `province_or_sector` unit above (or the unit itself when it is one). */
  provinceId: string | null;
}

export interface UnitMatch {
  unit: SearchableUnit;
  /** 0–1: how well the member's words and the unit's name cover each other. */
  score: number;
  /** 0–1: how much of the member's words (place and filler aside) the name accounts for; low = other words too. */
  queryCoverage: number;
}

export interface UnitSearchResult {
  /** Best first, at most `limit`, only those above the threshold. */
  matches: UnitMatch[];
  /** The province federation the member named ("Bình Dương", "tp hcm", "Sài Gòn"), if any. */
  province: SearchableUnit | null;
  /** True when the text had words that could name a company (beyond the province and filler). */
  namedSomething: boolean;
}

/**
 * Abbreviations members type, expanded before anything else (folded, lower case). Multi-word places become one
 * canonical phrase, so "tp hcm", "tphcm", "hcm", "sài gòn", "sg" and "Thành phố Hồ Chí Minh" are the same place.
 */
const PHRASES: readonly [RegExp, string][] = [
  [/\b(?:thanh pho|tp)?\s*(?:ho chi minh|hochiminh|hcm|sai gon|saigon|sg)\b/g, ' ho chi minh '],
  [/\btphcm\b/g, ' ho chi minh '],
  [/\b(?:thanh pho|tp)?\s*(?:ha noi|hanoi|hn)\b/g, ' ha noi '],
  [/\b(?:thanh pho|tp)?\s*(?:da nang|danang)\b/g, ' da nang '],
  [/\b(?:thanh pho|tp)?\s*(?:hai phong|haiphong)\b/g, ' hai phong '],
  [/\b(?:thanh pho|tp)?\s*(?:can tho|cantho)\b/g, ' can tho '],
  [/\bbr\s*vt\b|\bbrvt\b|\bvung tau\b/g, ' ba ria vung tau '],
  [/\bc\.?\s?ty\b|\bcty\b|\bcong ty\b/g, ' cong ty '],
  [/\bcp\b/g, ' co phan '],
  [/\bkcn\b/g, ' khu cong nghiep '],
  [/\bkcx\b/g, ' khu che xuat '],
  [/\bcdcs\b/g, ' cong doan co so '],
  [/\bldld\b/g, ' lien doan lao dong '],
  [/\bvn\b/g, ' viet nam '],
];

/** Phrases that do not tell one union from another: legal forms, "công đoàn", "khu công nghiệp". */
const GENERIC_PHRASES = /\b(?:lien doan lao dong|cong doan co so|cong doan cac|cong doan|cong ty|co phan|trach nhiem huu han|mot thanh vien|khu cong nghiep|khu che xuat|thanh pho|viet nam|nha may|xi nghiep|chi nhanh|tap doan)\b/g;

/** Single words of the same kind, and the filler of an answer ("em làm ở…", "thuộc tỉnh…"). */
const FILLER = new Set('tnhh mtv cp cs va cac toi em minh la lam o tai cua voi thuoc tinh tp quan huyen thi xa phuong day dang demo'.split(' '));

/** Prefixes of province federation names, left out to get the place itself ("Liên đoàn Lao động tỉnh Bình Dương"). */
const PROVINCE_PREFIX = /^(?:lien doan lao dong|cong doan nganh|cong doan)\s+(?:tinh|thanh pho|tp)?\s*/;

/** Folded, lower-case, abbreviations expanded, punctuation gone: the form every comparison uses. */
export function canonicalOrgText(text: string): string {
  let folded = ` ${foldDiacritics(text).toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  for (const [pattern, replacement] of PHRASES) folded = folded.replace(pattern, replacement);
  return folded.replace(/\s+/g, ' ').trim();
}

const tokensOf = (canonical: string) => (canonical ? canonical.split(' ') : []);

/** Edit distance with adjacent transpositions, stopping early beyond `max` (typos: "thang lonh", "song hogn"). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? max + 1;
}

/** How close two syllables are: 1 the same, 0.8 one typo away (syllables of 4+ letters), else 0. */
function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 4 || b.length < 4) return 0;
  return editDistance(a, b, 1) <= 1 ? 0.8 : 0;
}

interface IndexedUnit {
  unit: SearchableUnit;
  /** Distinct words of the name (for weights). */
  tokens: string[];
  /** The name's words in order (for word pairs). */
  ordered: string[];
}

/** Offer a unit only when the words cover each other at least this well. */
export const UNIT_MATCH_THRESHOLD = 0.45;
const RELATIVE_CUTOFF = 0.85;
/** Units fully scored per query, the best by the cheap sum of shared words' weights. */
const CANDIDATES = 300;
/** How much word order counts (see pairsInOrder). */
const ORDER_WEIGHT = 0.4;

/**
 * Finds unions by what members know: their company's name and province, with or without diacritics, with
 * abbreviations ("cty", "tp hcm") and a typo per word. The score is the harmonic mean of how much of the
 * member's words the unit's name covers and how much of the name the words cover, each word weighted by how
 * rare it is among unit names (so "Thăng Long" counts more than "Điện tử"); a unit in another province than the
 * one named counts half.
 */
export function createUnitSearch(units: readonly SearchableUnit[]) {
  const provinces = units.filter((u) => u.level === 'province_or_sector');
  const places = provinces
    .map((unit) => ({ unit, place: canonicalOrgText(unit.name).replace(PROVINCE_PREFIX, '').trim() }))
    .filter((p) => p.place.length > 0)
    // Longest first, so "ba ria vung tau" wins over a shorter place inside it.
    .sort((a, b) => b.place.length - a.place.length);
  // A place counts as the province only as a whole phrase: "Long" of "Thăng Long" is not "Long An".
  const withoutPlaces = (canonical: string) => places.reduce((text, p) => text.replaceAll(` ${p.place} `, ' '), ` ${canonical} `);
  const nameTokens = (canonical: string) => tokensOf(withoutPlaces(canonical.replace(GENERIC_PHRASES, ' ')).replace(/\s+/g, ' ').trim()).filter((t) => !FILLER.has(t));

  const indexed: IndexedUnit[] = units
    .filter((u) => u.level !== 'national')
    .map((unit) => {
      const ordered = nameTokens(canonicalOrgText(unit.name));
      return { unit, tokens: [...new Set(ordered)], ordered };
    });
  const documentFrequency = new Map<string, number>();
  for (const entry of indexed) for (const token of entry.tokens) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  const weight = (token: string) => Math.log(1 + (indexed.length + 1) / ((documentFrequency.get(token) ?? 0) + 0.5));
  const vocabulary = [...documentFrequency.keys()];
  // Word → the units whose name has it: a query scores only the units that share a word (or a near typo) with it,
  // and fully only the best CANDIDATES of those by a cheap sum of weights.
  const postings = new Map<string, number[]>();
  indexed.forEach((entry, index) => {
    for (const token of entry.tokens) {
      const list = postings.get(token);
      if (list) list.push(index);
      else postings.set(token, [index]);
    }
  });

  function findProvince(canonical: string): SearchableUnit | null {
    const padded = ` ${canonical} `;
    return places.find((p) => padded.includes(` ${p.place} `))?.unit ?? null;
  }

  function score(query: string[], entry: IndexedUnit): { score: number; precision: number } {
    if (entry.tokens.length === 0) return { score: 0, precision: 0 };
    let queryWeight = 0;
    let queryMatched = 0;
    const unitMatched = new Map<string, number>();
    for (const token of query) {
      const w = weight(token);
      queryWeight += w;
      let best = 0;
      let bestToken: string | null = null;
      for (const candidate of entry.tokens) {
        const similarity = tokenSimilarity(token, candidate);
        if (similarity > best) [best, bestToken] = [similarity, candidate];
      }
      if (bestToken) {
        queryMatched += w * best;
        unitMatched.set(bestToken, Math.max(unitMatched.get(bestToken) ?? 0, best));
      }
    }
    const unitWeight = entry.tokens.reduce((sum, token) => sum + weight(token), 0);
    const covered = [...unitMatched].reduce((sum, [token, similarity]) => sum + weight(token) * similarity, 0);
    const precision = queryWeight > 0 ? queryMatched / queryWeight : 0;
    const recall = unitWeight > 0 ? covered / unitWeight : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { score: f1 * (1 - ORDER_WEIGHT + ORDER_WEIGHT * pairsInOrder(query, entry.ordered)), precision };
  }

  /**
   * How well the member's matched words keep the name's order: of the matched words, the share whose next word
   * in the text is the name's next word too. Names are typed as phrases ("may sông hồng"), while a message that
   * merely contains some of the name's syllables ("tháng", "lương") scatters them. One matched word: neutral.
   */
  function pairsInOrder(query: string[], name: string[]): number {
    const position = query.map((token) => {
      let best = 0;
      let at = -1;
      name.forEach((candidate, index) => {
        const similarity = tokenSimilarity(token, candidate);
        if (similarity > best) [best, at] = [similarity, index];
      });
      return at;
    });
    const matched = position.filter((p) => p >= 0).length;
    if (matched < 2) return 1;
    let kept = 0;
    for (let i = 0; i + 1 < position.length; i++) {
      const here = position[i] as number;
      if (here >= 0 && position[i + 1] === here + 1) kept++;
    }
    return kept / (matched - 1);
  }

  return {
    search(text: string, options: { limit?: number; levels?: readonly UnitLevel[] } = {}): UnitSearchResult {
      const canonical = canonicalOrgText(text);
      const province = findProvince(canonical);
      const query = nameTokens(canonical);
      if (query.length === 0) return { matches: [], province, namedSomething: false };
      const levels = options.levels ?? ['grassroots', 'upper_grassroots'];
      const rough = new Float64Array(indexed.length);
      const touched: number[] = [];
      for (const token of new Set(query)) {
        const seen = new Map<number, number>();
        for (const word of vocabulary) {
          const similarity = tokenSimilarity(token, word);
          if (similarity === 0) continue;
          for (const index of postings.get(word) ?? []) seen.set(index, Math.max(seen.get(index) ?? 0, similarity * weight(word)));
        }
        for (const [index, value] of seen) {
          if (rough[index] === 0) touched.push(index);
          rough[index] = (rough[index] ?? 0) + value;
        }
      }
      // The province named counts already here, so its units are among the candidates even for a common name.
      const roughOf = (index: number) => (rough[index] ?? 0) * (province && (indexed[index] as IndexedUnit).unit.provinceId === province.id ? 2 : 1);
      const candidates = touched
        .filter((index) => levels.includes((indexed[index] as IndexedUnit).unit.level))
        .sort((a, b) => roughOf(b) - roughOf(a))
        .slice(0, CANDIDATES);
      const matches = candidates
        .map((index) => indexed[index] as IndexedUnit)
        .map((entry) => {
          const raw = score(query, entry);
          const elsewhere = province && entry.unit.provinceId !== province.id;
          return { unit: entry.unit, score: elsewhere ? raw.score / 2 : raw.score, queryCoverage: raw.precision };
        })
        .filter((m) => m.score >= UNIT_MATCH_THRESHOLD)
        .sort((a, b) => b.score - a.score || a.unit.name.localeCompare(b.unit.name));
      // Only those nearly as good as the best: an exact name is not offered next to a one-typo look-alike.
      const best = matches[0]?.score ?? 0;
      return { matches: matches.filter((m) => m.score >= best * RELATIVE_CUTOFF).slice(0, options.limit ?? 3), province, namedSomething: true };
    },
  };
}

export type UnitSearch = ReturnType<typeof createUnitSearch>;
