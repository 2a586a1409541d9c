import { AppError, type FieldIssue } from '../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../core/errors/zod-issues.js';
import type { FaqEntry } from '../../core/knowledge/faq.js';
import { systemClock, type Clock } from '../../core/ports/clock.js';
import { FaqEntryInputSchema, FaqFileSchema } from './faq-schema.js';

/**
 * Validates a whole batch and rejects it as a unit: an import that half-applies leaves officers guessing which
 * entries made it. Every bad field is named (`entries.3.citations.0.articleNo`).
 */
export function parseFaqEntries(input: unknown, clock: Clock = systemClock): FaqEntry[] {
  const file = FaqFileSchema.safeParse(input);
  if (!file.success) {
    throw new AppError('KNOWLEDGE_IMPORT_INVALID', 'FAQ file must be an array of entries or { entries: [...] }', {
      fields: fieldIssuesFromZod(file.error),
    });
  }
  const rawEntries = Array.isArray(file.data) ? file.data : file.data.entries;
  const now = clock.now().toISOString();
  const issues: FieldIssue[] = [];
  const entries: FaqEntry[] = [];
  const seenIds = new Map<string, number>();

  rawEntries.forEach((raw, index) => {
    const parsed = FaqEntryInputSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...fieldIssuesFromZod(parsed.error, `entries.${index}`));
      return;
    }
    const firstIndex = seenIds.get(parsed.data.id);
    if (firstIndex !== undefined) {
      issues.push({ path: `entries.${index}.id`, message: `trùng mã với entries.${firstIndex}` });
      return;
    }
    seenIds.set(parsed.data.id, index);
    entries.push({ ...parsed.data, updatedAt: parsed.data.updatedAt ?? now });
  });

  if (issues.length > 0) {
    const summary = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new AppError('KNOWLEDGE_IMPORT_INVALID', `invalid FAQ entries: ${summary}`, { fields: issues });
  }
  return entries;
}

/** Parses JSON text (an upload, a file) into validated entries. */
export function importFaqJson(text: string, clock: Clock = systemClock): FaqEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new AppError('KNOWLEDGE_IMPORT_INVALID', 'FAQ file is not valid JSON', {
      cause,
      fields: [{ path: '(root)', message: 'không phải JSON hợp lệ' }],
    });
  }
  return parseFaqEntries(data, clock);
}

/** The export envelope; `importFaqJson` reads it back unchanged. */
export function exportFaqJson(entries: readonly FaqEntry[], clock: Clock = systemClock): string {
  const sorted = [...entries].sort((a, b) => a.id.localeCompare(b.id));
  return `${JSON.stringify({ format: 'congdoan-faq', version: 1, exportedAt: clock.now().toISOString(), entries: sorted }, null, 2)}\n`;
}
