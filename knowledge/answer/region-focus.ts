import { namedWageRegions, WAGE_REGION_ROMAN } from '../../core/text/wage-region.js';

/**
 * An answer listing every minimum-wage region ("- Vùng I: 5.310.000 đồng/tháng …") to a member who named one
 * region leads with that region's line, so the figure they asked for comes first and the rest stays for context.
 * Nothing is invented: the lead repeats the answer's own line. Several or no regions named: unchanged.
 */
export function leadWithNamedRegion(answer: string, question: string): string {
  const regions = namedWageRegions(question);
  if (regions.length !== 1) return answer;
  const roman = WAGE_REGION_ROMAN[(regions[0] as number) - 1] as string;
  const line = answer.split('\n').find((candidate) => new RegExp(`^\\s*-\\s*Vùng ${roman}\\s*:`, 'u').test(candidate));
  if (!line) return answer;
  const figures = line.replace(/^\s*-\s*Vùng [IV]+\s*:\s*/u, '').replace(/[;.]\s*$/u, '');
  return `Vùng ${roman}: ${figures}.\n\n${answer}`;
}
