import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonlLines, readJsonlFolder } from './jsonl-folder.js';

const schema = z.object({ n: z.number() }).strict();

describe('parseJsonlLines', () => {
  it('skips blank lines and names the file and line of a bad one', () => {
    expect(parseJsonlLines('{"n":1}\n\n{"n":2}\r\n', schema, 'a.jsonl')).toEqual([{ n: 1 }, { n: 2 }]);
    expect(() => parseJsonlLines('{"n":1}\nnot json', schema, 'a.jsonl')).toThrow(/a\.jsonl: line 2 is invalid/u);
  });
});

describe('readJsonlFolder', () => {
  it('reads every .jsonl in file-name order, and a missing folder as none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsonl-folder-'));
    writeFileSync(join(dir, 'b.jsonl'), '{"n":2}\n');
    writeFileSync(join(dir, 'a.jsonl'), '{"n":1}\n');
    writeFileSync(join(dir, 'c.txt'), '{"n":3}\n');
    expect(readJsonlFolder(dir, (text, source) => parseJsonlLines(text, schema, source).map(({ n }) => `${source}:${n}`))).toEqual(['a.jsonl:1', 'b.jsonl:2']);
    expect(readJsonlFolder(join(dir, 'missing'), () => [1])).toEqual([]);
  });
});
