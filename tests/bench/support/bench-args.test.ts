import { answerEvalSets, BenchArgumentError, parseBenchArgs } from './bench-args.js';

describe('parseBenchArgs', () => {
  it('keeps bare words as the bench files to run and forwards --set', () => {
    expect(parseBenchArgs(['answers', '--set', 'dev'])).toEqual({ only: ['answers'], forwarded: ['--set', 'dev'] });
    expect(parseBenchArgs(['--set=dev', 'answers'])).toEqual({ only: ['answers'], forwarded: ['--set', 'dev'] });
    expect(parseBenchArgs([])).toEqual({ only: [], forwarded: [] });
  });

  it('hands other flags on to the bench files', () => {
    expect(parseBenchArgs(['nlu', '--quick'])).toEqual({ only: ['nlu'], forwarded: ['--quick'] });
  });

  it('refuses a missing or unknown set instead of printing the locked figures', () => {
    expect(() => parseBenchArgs(['answers', '--set'])).toThrow(BenchArgumentError);
    expect(() => parseBenchArgs(['answers', '--set', 'blind'])).toThrow(BenchArgumentError);
    expect(() => answerEvalSets(['--set', 'Dev'])).toThrow(BenchArgumentError);
  });
});

describe('answerEvalSets', () => {
  it('prints only the set asked for', () => {
    expect(answerEvalSets(['--set', 'dev'])).toEqual(['dev']);
    expect(answerEvalSets(['--set=dev'])).toEqual(['dev']);
  });

  it('prints both sets when none is named (the lead\'s run)', () => {
    expect(answerEvalSets([])).toEqual(['dev', 'locked']);
  });
});
