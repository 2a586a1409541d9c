import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../core/errors/app-error.js';
import { parseLawCorpus, type ParsedLawCorpus } from './parse-law-corpus.js';

/** `laws.json` is picked up only when it sits beside the article file (the corpus layout). */
export const LAW_METADATA_FILE_NAME = 'laws.json';

/** Reads and parses a corpus file plus its sibling `laws.json`, if any. Throws KNOWLEDGE_IMPORT_INVALID. */
export async function readLawCorpus(file: string): Promise<ParsedLawCorpus> {
  const articlesJsonl = await readText(file, true);
  const lawsJson = await readText(join(dirname(file), LAW_METADATA_FILE_NAME), false);
  return parseLawCorpus({ articlesJsonl: articlesJsonl ?? '', lawsJson });
}

async function readText(path: string, required: boolean): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!required && code === 'ENOENT') return null;
    throw new AppError('KNOWLEDGE_IMPORT_INVALID', `cannot read ${basename(path)}: ${code ?? 'unknown error'}`, {
      cause: error,
      fields: [{ path: 'file', message: `cannot read ${path}` }],
    });
  }
}
