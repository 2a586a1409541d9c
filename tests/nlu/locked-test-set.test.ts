import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromProjectRoot } from '../../bots/project-root.js';

/**
 * The locked test set (intents/data/test) is what the published NLU figures come from, so nothing may be tuned
 * on it: no threshold, rule, lexicon, synonym or teencode entry, feature weight or training line is chosen by
 * looking at how the model does on it (intents/README.md, "The locked test set"). This hash makes any edit to
 * it visible: changing a test file fails here, and updating the hash is a reviewed change of its own, allowed
 * only to ADD messages written before any model saw them (or to fix a label by the rules of
 * shared/notes/labels.md, said in the commit message), never to drop the ones the model gets wrong.
 *
 * The hash covers every *.jsonl file's name and bytes in name order (sha256 of name \0 content \0 ...).
 */
const LOCKED_TEST_SET_SHA256 = '99c9813037f4cbe03d1834c44f6890f8237de6b07b9fb3a41d47bc0b4c6359ae';

function hashFolder(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.jsonl')).sort()) {
    hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  }
  return hash.digest('hex');
}

describe('the locked NLU test set', () => {
  it('has not changed since it was locked', () => {
    expect(hashFolder(fromProjectRoot('intents/data/test'))).toBe(LOCKED_TEST_SET_SHA256);
  });
});
