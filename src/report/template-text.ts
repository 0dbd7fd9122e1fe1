/**
 * Every word the template shows, as whole sentences built from parameters, in one place (a
 * catalog per language can later take their place: keys and parameters stay in the code).
 */

/** Column headings the reader looks for (see ingest/answers.ts: "step" and "your value"). */
export const HEADINGS = {
  step: 'Step',
  description: 'Description',
  descriptionAndFormula: 'Description, and how it is computed',
  value: 'Your value',
} as const;

/** The student's fields, read by ingest/student.ts. */
export const FIELDS = { id: 'Student ID', name: 'Name' } as const;

export const GIVENS_HEADING = 'Given values';
export const LEARNING_RATE_LABEL = 'Learning rate';

/** How a given's key in the rubric reads as a label; an unknown key is shown as it is. */
const GIVEN_LABELS: Readonly<Record<string, string>> = {
  input: 'Input',
  target: 'Target',
  kernels: 'Kernels',
  weights: 'Weights',
  biases: 'Biases',
};

export const givenLabel = (key: string): string => GIVEN_LABELS[key] ?? key;

/** The label of one grid of a given with more than two dimensions: "Kernels, 2" or "Kernels, 2, 1". */
export const gridLabel = (label: string, index: readonly number[]): string => `${label}, ${index.map((i) => i + 1).join(', ')}`;

/** A row of a given, by the names of its first and last values: "KK11 … KK13". */
export const namesRange = (first: string, last: string): string => (first === last ? first : `${first} … ${last}`);

/** What the rubric says about rounding and precision, as the instructions need it. */
export interface RoundingFacts {
  readonly decimals: number;
  readonly mode: 'decimals' | 'relabs' | 'sigfig';
  readonly sigfigs: number | undefined;
  /** Share of a step's points for work right on the student's own earlier values. */
  readonly followThrough: number;
  /** Some sections ask for other decimals (their heading says how many). */
  readonly sectionDecimals: boolean;
}

/** Examples of a value written with `decimals` decimals. */
export function exampleValues(decimals: number): readonly [string, string] {
  return decimals === 0 ? ['12', '-3'] : [(0.41).toFixed(decimals), `-${(0.25).toFixed(decimals)}`];
}

/** The instructions, one short sentence a line (lines are not wrapped in print). */
export function instructionLines(facts: RoundingFacts): string[] {
  const [positive, negative] = exampleValues(facts.decimals);
  const precision =
    facts.mode === 'sigfig' && facts.sigfigs !== undefined
      ? `Write every value rounded (not cut off) to ${facts.sigfigs} significant figures.`
      : `Write every value rounded (not cut off) to ${facts.decimals} decimals, e.g. ${positive}.`;
  const lines = [precision];
  if (facts.sectionDecimals) lines.push('Some sections ask for other decimals: their heading says how many.');
  lines.push(...followThroughLines(facts.followThrough));
  lines.push(
    `Type each value as a plain number, e.g. ${positive} or ${negative}; 0,410 and 1.5e-3 are read too.`,
    `The value cells are text, so ${positive} keeps every decimal you type. Type values, not formulas.`,
    `Fill in your student ID and name, and the "${HEADINGS.value}" column only.`,
    'Leave a step empty if you did not compute it.',
  );
  return lines;
}

function followThroughLines(share: number): string[] {
  if (share === 0) {
    return ['Each step is graded against the exact value: carry more decimals than you write.'];
  }
  const credit = share === 1 ? 'earns full marks' : `earns ${Math.round(share * 100)}% of its points where it differs from the exact value`;
  return [
    'Each step may use your own rounded values of earlier steps, or more precise ones.',
    `A step that is right for the earlier values you wrote ${credit}.`,
    'More decimals never hurt, as long as every decimal you write is right.',
  ];
}

/** The prompt a value cell shows when selected (xlsx data validation; at most 255 characters). */
export function valuePrompt(decimals: number): { title: string; text: string } {
  const [positive, negative] = exampleValues(decimals);
  return { title: HEADINGS.value, text: `Type the value rounded to ${decimals} decimals, e.g. ${positive} or ${negative}.` };
}

/** The note on the value column's heading. */
export const valueHeadingNote = (decimals: number): string =>
  `${valuePrompt(decimals).text} The cell is text: what you type is graded as you typed it.`;

/** A section's heading row: "CC · forward", with the decimals it asks for when they differ. */
export const sectionHeading = (section: string, decimals: number | null): string =>
  decimals === null ? section : `${section} (${decimals} decimals)`;

const ACTIVATION_WORDS: Readonly<Record<string, string>> = {
  sigmoid: 'sigmoid',
  relu: 'ReLU',
  tanh: 'tanh',
  identity: 'no',
  softmax: 'softmax',
};

/** The facts of a layer the sentence uses; every field is optional, so new kinds read too. */
export interface LayerFacts {
  readonly kind: string;
  readonly name?: string;
  readonly size?: number;
  readonly stride?: number;
  readonly flip?: boolean;
  readonly activation?: string;
}

/**
 * One sentence per layer: what it is and its settings, as the homework states them (the
 * operation's name, not how it is computed).
 */
export function layerSentence(layer: LayerFacts): string {
  const what = layerWhat(layer);
  const details = [
    layer.size === undefined ? null : `size ${layer.size}`,
    layer.stride === undefined ? null : `stride ${layer.stride}`,
    layer.activation === undefined ? null : `${ACTIVATION_WORDS[layer.activation] ?? layer.activation} activation`,
  ].filter((d) => d !== null);
  const name = layer.name === undefined ? 'Layer' : `Layer ${layer.name}`;
  return `${name}: ${what}${details.length > 0 ? `, ${details.join(', ')}` : ''}.`;
}

function layerWhat(layer: LayerFacts): string {
  if (layer.kind.startsWith('conv')) {
    const operation = layer.flip === false ? 'cross-correlation' : 'convolution';
    const dimension = /^conv(\d)d$/.exec(layer.kind)?.[1];
    return dimension === undefined ? operation : `${dimension}-D ${operation}`;
  }
  switch (layer.kind) {
    case 'avgpool':
      return 'average pooling';
    case 'maxpool':
      return 'max pooling (ties: the first value)';
    case 'flatten':
      return 'the maps joined into one sequence';
    case 'dense':
      return 'fully connected';
    default:
      return layer.kind;
  }
}

export const lossSentence = (kind: string, factor: number | undefined): string =>
  kind === 'mse'
    ? `Loss: squared error, ${factor ?? 0.5} · Σ (output − target)².`
    : `Loss: cross-entropy of the ${kind === 'cross-entropy' ? 'softmax outputs' : 'outputs'} and the target.`;
