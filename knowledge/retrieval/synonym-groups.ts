import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../core/errors/zod-issues.js';

/** Member words and the legal words they stand for (data/synonyms.vi.json explains the matching rules). */
export interface SynonymGroup {
  member: string[];
  legal: string[];
  /** Weight of the added legal terms relative to the member's own words. */
  weight?: number;
}

const synonymFileSchema = z.object({
  description: z.string().optional(),
  groups: z
    .array(
      z.object({
        member: z.array(z.string().trim().min(1)).min(1),
        legal: z.array(z.string().trim().min(1)).min(1),
        weight: z.number().positive().max(2).optional(),
      }),
    )
    .min(1),
});

export function parseSynonymGroups(value: unknown): SynonymGroup[] {
  const parsed = synonymFileSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('CONFIG_INVALID', 'invalid synonym list', { fields: fieldIssuesFromZod(parsed.error, 'synonyms') });
  }
  return parsed.data.groups;
}

/** The synonym list shipped with the project. Read from disk so officers can extend it without code. */
export function loadDefaultSynonymGroups(): SynonymGroup[] {
  const url = new URL('./data/synonyms.vi.json', import.meta.url);
  return parseSynonymGroups(JSON.parse(readFileSync(url, 'utf8')));
}
