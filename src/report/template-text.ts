/**
 * Every word the template shows, said from the catalogs (src/i18n/<language>/template.ts) in the
 * language asked for: this module only picks the messages and their parameters.
 */
import { english, msg, type Message, type Say } from '../i18n/index.js';

/** Column headings the reader looks for in either language (see ingest/answers.ts: "step" and "your value"). */
export const HEADINGS = {
  step: msg('template.heading.step'),
  description: msg('template.heading.description'),
  descriptionAndFormula: msg('template.heading.descriptionAndFormula'),
  value: msg('template.heading.value'),
} as const;

/** The student's fields, read by ingest/student.ts. */
export const FIELDS = { id: msg('template.studentId'), name: msg('template.name') } as const;

export const GIVENS_HEADING = msg('template.givens');
export const LEARNING_RATE_LABEL = msg('template.learningRate');

/** How a given's key in the rubric reads as a label; an unknown key is shown as it is. */
const GIVEN_LABELS: Readonly<Record<string, Message>> = {
  input: msg('template.given.input'),
  target: msg('template.given.target'),
  kernels: msg('template.given.kernels'),
  weights: msg('template.given.weights'),
  biases: msg('template.given.biases'),
};

export const givenLabel = (key: string, say: Say = english): string => say(GIVEN_LABELS[key] ?? key);

/** The label of one grid of a given with more than two dimensions: "Kernels, 2" or "Kernels, 2, 1". */
export const gridLabel = (label: string, index: readonly number[], say: Say = english): string =>
  say(msg('template.grid', { label, index: index.map((i) => String(i + 1)) }));

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
export function instructionLines(facts: RoundingFacts, say: Say = english): string[] {
  const [positive, negative] = exampleValues(facts.decimals);
  const lines: Message[] = [
    facts.mode === 'sigfig' && facts.sigfigs !== undefined
      ? msg('template.precision.sigfigs', { sigfigs: facts.sigfigs })
      : msg('template.precision.decimals', { decimals: facts.decimals, example: positive }),
  ];
  if (facts.sectionDecimals) lines.push(msg('template.otherDecimals'));
  lines.push(...followThroughLines(facts.followThrough));
  lines.push(
    msg('template.plainNumber', { positive, negative }),
    msg('template.textCells', { positive }),
    msg('template.fillIn', { column: HEADINGS.value }),
    msg('template.leaveEmpty'),
  );
  return lines.map(say);
}

function followThroughLines(share: number): Message[] {
  if (share === 0) return [msg('template.exactOnly')];
  return [msg('template.ownValues'), msg('template.rightForYours', { percent: Math.round(share * 100) }), msg('template.moreDecimals')];
}

/** The prompt a value cell shows when selected (xlsx data validation; at most 255 characters). */
export function valuePrompt(decimals: number, say: Say = english): { title: string; text: string } {
  return { title: say(HEADINGS.value), text: say(promptMessage(decimals)) };
}

function promptMessage(decimals: number): Message {
  const [positive, negative] = exampleValues(decimals);
  return msg('template.prompt', { decimals, positive, negative });
}

/** The note on the value column's heading. */
export const valueHeadingNote = (decimals: number, say: Say = english): string => say(msg('template.valueNote', { prompt: promptMessage(decimals) }));

/** A section's heading row: "CC · forward", with the decimals it asks for when they differ. */
export const sectionHeading = (section: string, decimals: number | null, say: Say = english): string =>
  decimals === null ? section : say(msg('template.sectionDecimals', { section, decimals }));

const ACTIVATION_WORDS: Readonly<Record<string, string>> = {
  sigmoid: 'sigmoid',
  relu: 'ReLU',
  tanh: 'tanh',
  softmax: 'softmax',
};

/** The facts of a layer the sentence uses; every field is optional, so new kinds read too. */
export interface LayerFacts {
  readonly kind: string;
  readonly name?: string;
  readonly size?: number;
  readonly stride?: number;
  /** Zeros added around the input: one count, or rows and columns (2-D). */
  readonly padding?: number | readonly number[];
  readonly flip?: boolean;
  readonly activation?: string;
}

/**
 * One sentence per layer: what it is and its settings, as the homework states them (the
 * operation's name, not how it is computed).
 */
export function layerSentence(layer: LayerFacts, say: Say = english): string {
  const details: Message[] = [];
  if (layer.size !== undefined) details.push(msg('template.layer.size', { size: layer.size }));
  if (layer.stride !== undefined) details.push(msg('template.layer.stride', { stride: layer.stride }));
  const [rows = 0, columns = rows] = typeof layer.padding === 'number' ? [layer.padding] : (layer.padding ?? []);
  if (rows > 0 || columns > 0) details.push(msg('template.layer.padding', { rows, columns: columns === rows ? null : columns }));
  if (layer.activation === 'identity') details.push(msg('template.layer.noActivation'));
  else if (layer.activation !== undefined) details.push(msg('template.layer.activation', { activation: ACTIVATION_WORDS[layer.activation] ?? layer.activation }));
  return say(msg('template.layer', { name: layer.name ?? null, what: layerWhat(layer), details: details.map(say) }));
}

function layerWhat(layer: LayerFacts): Message | string {
  if (layer.kind.startsWith('conv')) {
    const dimensions = /^conv(\d)d$/.exec(layer.kind)?.[1] ?? null;
    return layer.flip === false ? msg('template.what.crossCorrelation', { dimensions }) : msg('template.what.convolution', { dimensions });
  }
  switch (layer.kind) {
    case 'avgpool':
      return msg('template.what.avgpool');
    case 'maxpool':
      return msg('template.what.maxpool');
    case 'flatten':
      return msg('template.what.flatten');
    case 'dense':
      return msg('template.what.dense');
    default:
      return layer.kind;
  }
}

export const lossSentence = (kind: string, factor: number | undefined, say: Say = english): string =>
  say(kind === 'mse' ? msg('template.loss.squaredError', { factor: factor ?? 0.5 }) : msg('template.loss.crossEntropy', { softmax: kind === 'cross-entropy' }));
