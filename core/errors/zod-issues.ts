import type { z } from 'zod';
import { AppError, type FieldIssue } from './app-error.js';

/** Turns zod issues into named fields so that a 422 says which field is wrong. */
export function fieldIssuesFromZod(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return { path: path === '' ? '(root)' : path, message: issue.message };
  });
}

/** Parses `input` with `schema` or throws VALIDATION_FAILED naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldIssuesFromZod(result.error, prefix);
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `invalid input: ${summary}`, { fields });
}
