/** A khoản of an article with the điểm (a, b, c...) and continuation lines that belong to it. */
export interface ClausePassage {
  /** `"1"`, `"2"`... or null for the lead-in text before the first khoản (or an article without khoản). */
  clauseNo: string | null;
  text: string;
}

/** A khoản starts a line with its number and a dot: `1. Người lao động...`. Points (`a)`) never match. */
const CLAUSE_START = /^(\d{1,3})\.\s/;

/**
 * Splits article text (one paragraph per line, as the corpus stores it) into clause passages. The numbers
 * must increase by one, so a line that happens to start with a year or an amount is not taken for a khoản.
 */
export function splitIntoClauses(articleText: string): ClausePassage[] {
  const lines = articleText.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const passages: ClausePassage[] = [];
  let current: { clauseNo: string | null; lines: string[] } | null = null;
  let expected = 1;

  for (const line of lines) {
    const match = CLAUSE_START.exec(line);
    const number = match ? Number(match[1]) : NaN;
    if (number === expected) {
      if (current) passages.push(finish(current));
      current = { clauseNo: String(number), lines: [line] };
      expected += 1;
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { clauseNo: null, lines: [line] };
    }
  }
  if (current) passages.push(finish(current));
  return passages;
}

function finish(passage: { clauseNo: string | null; lines: string[] }): ClausePassage {
  return { clauseNo: passage.clauseNo, text: passage.lines.join('\n') };
}
