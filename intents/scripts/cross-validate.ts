// k-fold cross-validation of the NLU on intents/data/train: `node --import tsx intents/scripts/cross-validate.ts [folds]`.
// Prints one JSON line per head with accented and diacritic-stripped out-of-fold figures.
import { crossValidateNlu } from '../classifier/cross-validation.js';
import { readNluTrainingSet } from '../classifier/training-data.js';

const folds = Number(process.argv[2] ?? 5);
const data = await readNluTrainingSet('intents/data');
const started = performance.now();
const report = crossValidateNlu(data.examples, {}, folds);
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
