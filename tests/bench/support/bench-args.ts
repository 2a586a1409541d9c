/**
 * The benchmark runner's arguments: bare words pick the bench files to run (`npm run bench -- answers`), options
 * (`--set dev`, `--quick`) are handed to each bench run. The answers bench prints the locked evaluation by default, which only the lead looks
 * at; `--set dev` lets everyone else run it and see the dev figures only (issue #11).
 */
export type AnswerEvalSet = 'dev' | 'locked';

export class BenchArgumentError extends Error {
  readonly code = 'BENCH_BAD_ARGUMENT';
}

export interface BenchArgs {
  /** Parts of bench file names to run; empty = all. */
  only: string[];
  /** The options handed to every bench run as its own arguments. */
  forwarded: string[];
}

const SETS: readonly AnswerEvalSet[] = ['dev', 'locked'];

function parseSet(value: string | undefined): AnswerEvalSet {
  const set = SETS.find((known) => known === value);
  if (!set) throw new BenchArgumentError(`--set takes ${SETS.join(' or ')}, got ${value ?? 'nothing'}`);
  return set;
}

/** Splits `npm run bench -- answers --set dev` into the files to run and the options forwarded to them. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const only: string[] = [];
  const forwarded: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--set') {
      forwarded.push('--set', parseSet(argv[i + 1]));
      i += 1;
    } else if (arg.startsWith('--set=')) {
      forwarded.push('--set', parseSet(arg.slice('--set='.length)));
    } else if (arg.startsWith('-')) {
      // Other flags are the bench files' own (`--quick` of nlu.bench.ts): handed on as they are.
      forwarded.push(arg);
    } else {
      only.push(arg);
    }
  }
  return { only, forwarded };
}

/** The answer-evaluation sets a bench run prints: both unless `--set` names one. */
export function answerEvalSets(argv: readonly string[]): readonly AnswerEvalSet[] {
  const index = argv.findIndex((arg) => arg === '--set' || arg.startsWith('--set='));
  if (index < 0) return SETS;
  const arg = argv[index] as string;
  return [parseSet(arg === '--set' ? argv[index + 1] : arg.slice('--set='.length))];
}
