import { readFileSync } from 'node:fs';
import type { FaqEntry } from '../../core/knowledge/faq.js';
import { systemClock, type Clock } from '../../core/ports/clock.js';
import { importFaqJson } from './faq-io.js';

/** Where the curated starter pack lives, beside this module (shipped with the code, not with the corpus). */
export const STARTER_PACK_URL = new URL('./starter-pack.vi.json', import.meta.url);

/** The validated starter pack; a broken pack fails the boot loudly (KNOWLEDGE_IMPORT_INVALID) instead of answering wrongly. */
export function loadStarterPack(clock: Clock = systemClock): FaqEntry[] {
  return importFaqJson(readFileSync(STARTER_PACK_URL, 'utf8'), clock);
}
