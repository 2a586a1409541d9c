// k-fold cross-validation of the NLU on intents/data/train + dev (never test): `node --import tsx
// intents/scripts/cross-validate.ts [folds]`. One JSON line per head with typed and diacritic-stripped figures.
import { crossValidateNlu } from '../classifier/cross-validation.js';
import { readNluSplit } from '../classifier/training-data.js';

const folds = Number(process.argv[2] ?? 5);
const examples = [...((await readNluSplit('intents/data', 'train'))?.examples ?? []), ...((await readNluSplit('intents/data', 'dev'))?.examples ?? [])];
const started = performance.now();
const report = crossValidateNlu(examples, {}, folds);
for (const [head, { accented, stripped }] of Object.entries(report.heads)) {
  console.log(
    JSON.stringify({
      head,
      folds,
      examples: report.examples,
      accuracy: accented.accuracy,
      macro_f1: accented.macro_f1,
      weighted_f1: accented.weighted_f1,
      stripped_accuracy: stripped.accuracy,
      stripped_macro_f1: stripped.macro_f1,
    }),
  );
}
console.log(JSON.stringify({ seconds: Math.round((performance.now() - started) / 100) / 10 }));
