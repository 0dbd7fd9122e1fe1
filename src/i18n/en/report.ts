/** What the terminal, the PDF reports, the class summary, the template and the gradebooks say, in English. */
import type { Context, Said } from '../types.js';

const files = (count: number) => `${count} file${count === 1 ? '' : 's'}`;

export const report = {
  'status.correct': () => 'correct',
  'status.follow-through': () => 'follow-through',
  'status.incorrect': () => 'incorrect',
  'status.missing': () => 'missing',
  'status.unreadable': () => 'unreadable',
  /** `80 correct`: how many steps have a status. */
  'status.count': (p: { count: number; status: Said }, c: Context) => `${p.count} ${c.say(p.status)}`,
  /** `status.count`s, already said, in a row. */
  'status.list': (p: { counts: readonly string[] }) => p.counts.join(', '),

  'terminal.fileUnreadable': (p: { file: string; error: Said | string }, c: Context) => `${p.file}: could not read: ${c.say(p.error)}`,
  /** One line per graded file: `counts` are `status.count`s, already said. */
  'terminal.summary': (p: { file: string; score: string; counts: readonly string[]; problems: readonly string[] }) => {
    const problems = p.problems.length === 0 ? '' : ` · ${p.problems.length === 1 ? 'problem' : `${p.problems.length} problems`}: ${p.problems.join('; ')}`;
    return `${p.file}: ${p.score} · ${p.counts.join(', ')}${problems}`;
  },
  /** Whose result and its score: the self-check's first line, Gradescope's output. */
  'terminal.score': (p: { who: string; score: string }) => `${p.who}: ${p.score}`,
  'terminal.expected': (p: { value: string }) => `expected ${p.value}`,
  'report.couldNotRead': (p: { error: Said | string }, c: Context) => `could not read the file: ${c.say(p.error)}`,

  /** A section of the homework: a layer's forward or backward steps. */
  'section.heading': (p: { layer: string; backward: boolean }, c: Context) => `${p.layer} · ${p.backward ? c.t.backward : c.t.forward}`,
  /** The loss's own section (its layer is named Loss). */
  'section.loss': () => 'Loss · forward',

  'report.noStudent': () => 'student not named in the file',
  'report.file': (p: { file: string }) => `file: ${p.file}`,
  'report.graded': (p: { date: string }) => `graded: ${p.date}`,
  'report.score': () => 'score',
  'report.subtotal': () => 'subtotal',
  'report.scoreBySection': () => 'Score by section',
  'report.network': () => 'The network, step by step',
  'report.everyStep': () => 'Every step, as marked',
  'report.column.step': () => 'step',
  'report.column.formula': () => 'formula; then with your numbers',
  'report.column.written': () => 'you wrote',
  'report.column.expected': () => 'expected',
  'report.column.points': () => 'points',
  'report.numbersHidden': (p: { steps: readonly string[] }) => `(your numbers: not shown, as it reads ${p.steps.join(', ')}, which you did not give)`,
  'report.referenceUsed': (p: { steps: readonly string[] }) => `(the reference value of ${p.steps.join(', ')}, which you did not give)`,
  'report.footer': (p: { file: string; date: string }) => `stepmark · ${p.file} · graded ${p.date}`,
  'report.page': (p: { page: number; pages: number }) => `page ${p.page} of ${p.pages}`,
  'report.subject': (p: { file: string }) => `Marked steps of ${p.file}`,
  'legend.correct': () => 'correct',
  'legend.follow-through': () => 'follow-through (your earlier values)',
  'legend.incorrect': () => 'incorrect',
  'legend.missing': () => 'missing',
  'legend.unreadable': () => 'unreadable',
  'network.forward': () => 'forward pass →',
  'network.backward': () => '← backward pass: deltas, then updates',
  /** The loss's own column of the picture. */
  'network.loss': () => 'Loss',
  /** Over one 2-D map of a column of the picture: `map 2`, or `map 2, sample 1` in a batch. */
  'network.map': (p: { map: number; sample: number | null }, c: Context) => `${c.t.map} ${p.map}${p.sample === null ? '' : `, sample ${p.sample}`}`,
  /** Over a column of the network picture: the steps of one kind. */
  'kind.pre-activation': () => 'in',
  'kind.activation': () => 'out',
  'kind.pool': () => 'pooled',
  'kind.loss': () => 'loss',
  'kind.coef': (_: unknown, c: Context) => c.t.coef,
  'kind.update': () => 'updated',

  'summary.title': (p: { title: string }) => `${p.title} — class summary`,
  'summary.subject': (p: { files: number; rubric: string }) => `Class summary of ${p.files} graded files (${p.rubric})`,
  'summary.subtitle': (p: { rubric: string; date: string }) => `Class summary · rubric ${p.rubric} · graded ${p.date}`,
  'summary.runningHead': (p: { rubric: string }) => `class summary · ${p.rubric}`,
  'summary.footer': (p: { files: number; rubric: string; date: string }) => `stepmark · class summary of ${files(p.files)} · ${p.rubric} · graded ${p.date}`,
  /** The tile counting every file handed in, read or not (the next tile counts those not read). */
  'summary.filesGraded': () => 'files handed in',
  'summary.unreadable': () => 'could not be read',
  'summary.mean': () => 'mean score',
  'summary.median': () => 'median score',
  'summary.meanNote': (p: { files: number }) => `Mean and median over the ${files(p.files)} that could be read, as a percentage of the maximum score.`,
  'summary.spread': () => 'How the scores spread',
  'summary.files': () => 'files',
  'summary.scoreAxis': () => 'score, as a percentage of the maximum',
  'summary.hardest': () => 'Steps, hardest first',
  'summary.step': () => 'step',
  'summary.share': (p: { files: number }) => `share of the ${files(p.files)} read`,
  'summary.noSteps': () => 'No step was graded: no file was read.',
  'summary.diagnoses': () => 'Most frequent diagnoses',
  'summary.noDiagnoses': () => 'No wrong value was explained by a diagnosis.',
  /** The class summary's section on signals of copied work (variants). */
  'summary.integrity': () => 'Signals of copied work',
  'integrity.intro': () => 'These never change a score: they point a TA at files worth a second look (integrity.csv lists the same).',
  'integrity.none': () => 'No signal of copied work.',
  'integrity.kind.fits-another-variant': () => "fits another student's numbers",
  'integrity.kind.shared-wrong-values': () => 'shares wrong values with another file',
  'integrity.unknown': () => 'unknown',
  /** `2023001 张三 — fits another student's numbers: 2023002 李四`. */
  'integrity.title': (p: { student: string; kind: Said; other: string }, c: Context) => `${p.student} — ${c.say(p.kind)}: ${p.other}`,
  'integrity.detail': (p: { detail: string; file: string }) => `${p.detail} File: ${p.file}`,
  /** A student's problem sheet (per-student variants). */
  'sheet.conv1d': (p: { name: string; kernels: number; length: number; stride: number; flip: boolean; activation: string }) =>
    `${p.name} · conv1d · ${p.kernels} kernel${p.kernels > 1 ? 's' : ''} of ${p.length} · stride ${p.stride} · ${p.flip ? 'true convolution (kernel reversed)' : 'cross-correlation (kernel as written)'} · ${p.activation}`,
  'sheet.dense': (p: { name: string; units: number; inputs: number; activation: string }) =>
    `${p.name} · dense · ${p.units} unit${p.units > 1 ? 's' : ''} × ${p.inputs} inputs · ${p.activation}`,
  'sheet.pool': (p: { name: string; max: boolean; size: string; stride: string }) => `${p.name} · ${p.max ? 'max' : 'average'} pooling · size ${p.size} · stride ${p.stride}`,
  'sheet.flatten': () => 'flatten · the maps side by side as one sequence',
  'sheet.input': () => 'input',
  'sheet.lossMse': (p: { factor: string }) => `loss · mean squared error · ${p.factor} · Σ (out − target)²`,
  'sheet.lossCrossEntropy': () => 'loss · cross-entropy',
  'sheet.target': (p: { names: string; values: string }) => `target ${p.names} = ${p.values}`,
  'sheet.for': (p: { id: string; name: string | null }) => `Problem sheet for ${p.id}${p.name ? ` ${p.name}` : ''}: these numbers are yours alone.`,
  'sheet.task': (p: { rate: string; updated: boolean; decimals: number; id: string }) =>
    `Compute the forward pass and one step of backpropagation (plain SGD, learning rate α = ${p.rate}; ${p.updated ? 'each delta goes down through the weights after their update' : 'each delta goes down through the weights before their update'}). ` +
    `Write every value with at least ${p.decimals} decimals in your template, whose student id must stay ${p.id}.`,
  'sheet.title': (p: { title: string; id: string }) => `${p.title} — ${p.id}`,
  'sheet.subject': (p: { rubric: string; id: string }) => `Problem sheet of ${p.rubric} for ${p.id}`,
  'summary.diagnosis': () => 'diagnosis',
  'summary.timesFound': () => 'times found',
  'summary.onSteps': () => 'on the steps (× how often, where more than once)',
  'summary.part.correct': () => 'correct',
  'summary.part.follow-through': () => 'follow-through',
  'summary.part.incorrect': () => 'incorrect',
  'summary.part.missing': () => 'missing or unreadable',

  /** A diagnosis by name, as the class summary heads it (English: its code). */
  'diagnosisName.sign-flip': () => 'sign-flip',
  'diagnosisName.convention': () => 'convention',
  'diagnosisName.kernel-not-flipped': () => 'kernel-not-flipped',
  'diagnosisName.pool-routing': () => 'pool-routing',
  'diagnosisName.activation-derivative': () => 'activation-derivative',
  'diagnosisName.update-direction': () => 'update-direction',
  'diagnosisName.learning-rate': () => 'learning-rate',
  'diagnosisName.wrong-input': () => 'wrong-input',
  'diagnosisName.rounding': () => 'rounding',
  'diagnosisName.digit-slip': () => 'digit-slip',
  'diagnosisName.decimal-shift': () => 'decimal-shift',
  'diagnosisName.padding': () => 'padding',
  'diagnosisName.wrong-row': () => 'wrong-row',
  /** What each diagnosis means, in one line for a TA. */
  'diagnosisMeaning.sign-flip': (_: unknown, c: Context) => `the negative of the right value, or of one term of a ${c.t.delta}`,
  'diagnosisMeaning.convention': () => 'the step as the other backprop convention computes it',
  'diagnosisMeaning.kernel-not-flipped': (_: unknown, c: Context) => `a conv ${c.t.kernel} reversed the other way from the rubric`,
  'diagnosisMeaning.pool-routing': (_: unknown, c: Context) => `a pooled ${c.t.delta} sent to the wrong elements of its ${c.t.window}`,
  'diagnosisMeaning.activation-derivative': () => "the activation's derivative taken wrongly",
  'diagnosisMeaning.update-direction': () => 'the gradient added in an update, not subtracted',
  'diagnosisMeaning.learning-rate': (_: unknown, c: Context) => `the ${c.t.learningRate} missing from an update, or applied twice`,
  'diagnosisMeaning.wrong-input': () => 'a neighbouring value read in place of the right one',
  'diagnosisMeaning.rounding': () => 'the right value with too few decimals, or cut off',
  'diagnosisMeaning.digit-slip': () => 'one digit wrong, or two adjacent digits swapped',
  'diagnosisMeaning.decimal-shift': () => 'off by a power of ten: the decimal point moved',
  'diagnosisMeaning.padding': () => 'a convolution computed without, or with the wrong, zero padding',
  'diagnosisMeaning.wrong-row': () => "another step's value, written in this step's row",


  'gradebook.noSubmission': () => 'no submission',
  /** The end of a cell listing only the first problems. */
  /** The end of a cell cut to its bound. */
  'gradebook.moreCharacters': (p: { count: number }) => ` … (${p.count.toLocaleString('en-US')} more characters)`,
  'gradebook.andMore': (p: { count: number }) => `… and ${p.count.toLocaleString('en-US')} more`,
  /** A Gradescope test: one step and its status. */
  'gradescope.testName': (p: { step: string; status: Said }, c: Context) => `${p.step}: ${c.say(p.status)}`,
  'gradescope.youWrote': (p: { raw: string; cell: string | null }) => `you wrote: ${p.raw}${p.cell === null ? '' : ` (${p.cell})`}`,
  'gradescope.expected': (p: { value: string }) => `expected: ${p.value}`,
  'gradescope.problem': (p: { problem: string }) => `problem: ${p.problem}`,
  'gradescope.noSpreadsheet': () => 'No spreadsheet (.xlsx, .xls, .ods, .csv) was found in the submission.',
  'gradescope.several': (p: { file: string }) => `Several spreadsheets were submitted; graded ${p.file}.`,
};
