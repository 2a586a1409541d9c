// Unit names are long ("Liên đoàn Lao động thành phố Hồ Chí Minh", "Công đoàn cấp trên cơ sở số 1 – Hà Nội"); where a
// chart axis or a phone row has room for ~20 characters, union staff write the abbreviations they use on paper
// (LĐLĐ, CĐ, CĐCS, TP.), so the distinctive part of the name — the place or the company — stays visible.
const ABBREVIATIONS: [RegExp, string][] = [
  [/^Tổng Liên đoàn Lao động Việt Nam$/iu, 'Tổng LĐLĐ Việt Nam'],
  [/^Liên đoàn Lao động (tỉnh|thành phố) /iu, 'LĐLĐ '],
  [/^Liên đoàn Lao động /iu, 'LĐLĐ '],
  [/^Công đoàn cấp trên cơ sở /iu, 'CĐ cấp trên '],
  [/^Công đoàn cơ sở /iu, 'CĐCS '],
  [/^Công đoàn /iu, 'CĐ '],
  // Already abbreviated, as many unions write their own name (and the demo organisation does): the legal form and
  // "thành phố" still go, or every union of a branch reads "CĐCS Công ty TNHH …" in a label cut at its end.
  [/^CĐCS /iu, 'CĐCS '],
];

// The legal form of a company ("Công ty TNHH", "Công ty Cổ phần") starts most grassroots unions' names and tells
// them apart least; in a tight label it would push the distinctive part out of sight.
const LEGAL_FORM = /^CĐCS (Công ty|Cty) (TNHH( MTV| một thành viên)?|Cổ phần|CP)? ?/iu;

/** The abbreviated form of a union's name for tight spaces; the full name belongs in tooltips and tables. */
export function shortUnitName(name: string): string {
  const trimmed = name.trim();
  for (const [pattern, replacement] of ABBREVIATIONS) {
    if (pattern.test(trimmed)) return trimmed.replace(pattern, replacement).replace(/(?<=^|[\s(])thành phố(?=\s|$)/iu, 'TP.').replace(LEGAL_FORM, 'CĐCS ');
  }
  return trimmed;
}

/**
 * Labels of units listed together without the place in brackets that all of them share ("(TP. Hồ Chí Minh)" under
 * one city's upper-grassroots union): the heading above already says where they are, and the part that tells them
 * apart comes into the label's width. Names that do not all share one are returned as they are.
 */
export function withoutSharedPlace(names: readonly string[]): string[] {
  const place = (name: string) => / \([^()]+\)$/u.exec(name)?.[0];
  const shared = place(names[0] ?? '');
  if (names.length < 2 || !shared || !names.every((name) => place(name) === shared && name.length > shared.length)) return [...names];
  return names.map((name) => name.slice(0, -shared.length));
}
