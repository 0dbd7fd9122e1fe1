/**
 * The homework's givens as the template shows them: the input, the target and the learning
 * rate, then each layer as a sentence followed by its parameters. A vector is one row; a matrix
 * is one row per kernel (or weight row, or image row); anything deeper is a small grid per
 * leading index. Shapes come from the rubric (nested arrays of any depth), names and values
 * from the engine's parameters, so new layer kinds and 2-D inputs lay out without a change here.
 */
import { LEARNING_RATE, type Graph } from '../engine/graph.js';
import { english, type Say } from '../i18n/index.js';
import type { Rubric } from '../rubric/schema.js';
import { GIVENS_HEADING, LEARNING_RATE_LABEL, givenLabel, gridLabel, layerSentence, lossSentence, namesRange, type LayerFacts } from './template-text.js';

/** One cell of the template's model: text, a number, or nothing. */
export type GivenCell = string | number | null;

export type Nested = number | readonly Nested[];

/** A named block of parameters in the rubric: `{ name: KK, values: [[...], ...] }`. */
interface Given {
  readonly key: string;
  readonly values: readonly Nested[];
}

export interface GivensBlock {
  /** Rows of [label, row label, value, value, ...]. */
  readonly rows: GivenCell[][];
  /** The most values in one row (the grid's width). */
  readonly width: number;
}

export function givensBlock(rubric: Rubric, graph: Graph, say: Say = english): GivensBlock {
  const names = new NameCursor(graph);
  const rows: GivenCell[][] = [[say(GIVENS_HEADING)]];
  // One sample, or a batch (`samples:`): every sample's input, then every target, as the engine registers them.
  const samples = rubric.samples ?? (rubric.input && rubric.target ? [{ input: rubric.input, target: rubric.target }] : []);
  for (const sample of samples) rows.push(...givenRows({ key: 'input', values: sample.input.values }, names, say));
  for (const sample of samples) rows.push(...givenRows({ key: 'target', values: sample.target.values }, names, say));
  rows.push([say(LEARNING_RATE_LABEL), LEARNING_RATE, graph.params.get(LEARNING_RATE) ?? rubric.learningRate]);
  for (const layer of rubric.layers) {
    rows.push([layerSentence(layerFacts(layer), say)]);
    for (const given of givensOf(layer)) rows.push(...givenRows(given, names, say));
  }
  const loss = rubric.loss as { kind: string; factor?: number };
  rows.push([lossSentence(loss.kind, loss.factor, say)]);
  return { rows, width: Math.max(1, ...rows.map((row) => row.length - 2)) };
}

function layerFacts(layer: object): LayerFacts {
  const record = layer as Record<string, unknown>;
  const pick = <T>(key: string, type: string): T | undefined => (typeof record[key] === type ? (record[key] as T) : undefined);
  return {
    kind: pick<string>('kind', 'string') ?? 'layer',
    name: pick<string>('name', 'string'),
    size: pick<number>('size', 'number'),
    stride: pick<number>('stride', 'number'),
    padding: pick<number>('padding', 'number') ?? (Array.isArray(record['padding']) ? (record['padding'] as number[]) : undefined),
    flip: pick<boolean>('flip', 'boolean'),
    activation: pick<string>('activation', 'string'),
  };
}

/** Every `{ name, values }` field of a layer, in the rubric's order (the engine's order too). */
function givensOf(layer: object): Given[] {
  return Object.entries(layer).flatMap(([key, value]): Given[] => {
    const candidate = value as { name?: unknown; values?: unknown } | null;
    if (typeof candidate !== 'object' || candidate === null) return [];
    if (typeof candidate.name !== 'string' || !isNested(candidate.values)) return [];
    return [{ key, values: candidate.values as readonly Nested[] }];
  });
}

const isNested = (value: unknown): boolean =>
  typeof value === 'number' || (Array.isArray(value) && value.every(isNested));

/** Rows of one given: a row per vector, with its names' range; a label on each grid's first row. */
function givenRows(given: Given, names: NameCursor, say: Say): GivenCell[][] {
  const label = givenLabel(given.key, say);
  const rows: GivenCell[][] = [];
  const grids = vectorsOf(given.values, []);
  const deep = grids.some((g) => g.index.length > 1);
  let lastGrid = '';
  for (const { index, values } of grids) {
    const gridKey = index.slice(0, -1).join(',');
    const first = rows.length === 0 || (deep && gridKey !== lastGrid);
    lastGrid = gridKey;
    const rowNames = names.take(values);
    const rowLabel = rowNames === null ? null : namesRange(rowNames[0] ?? '', rowNames.at(-1) ?? '');
    const caption = first ? (deep ? gridLabel(label, index.slice(0, -1), say) : label) : null;
    rows.push([caption, rowLabel, ...values]);
  }
  return rows;
}

/** The innermost vectors of a nested array, with the indices that lead to each. */
function vectorsOf(values: readonly Nested[], index: number[]): { index: number[]; values: number[] }[] {
  if (values.every((v) => typeof v === 'number')) return [{ index, values: values as number[] }];
  return values.flatMap((v, i) => (typeof v === 'number' ? [{ index: [...index, i], values: [v] }] : vectorsOf(v, [...index, i])));
}

/**
 * The engine's parameter names, taken in the order it registered them (input, target, α, then
 * each layer's parameters), checked value by value against the rubric: where they disagree the
 * names are left out rather than guessed.
 */
class NameCursor {
  private readonly entries: [string, number][];
  private next = 0;
  private lost = false;

  constructor(graph: Graph) {
    this.entries = [...graph.params].filter(([name]) => name !== LEARNING_RATE);
  }

  take(values: readonly number[]): string[] | null {
    if (this.lost) return null;
    const slice = this.entries.slice(this.next, this.next + values.length);
    this.next += values.length;
    if (slice.length === values.length && slice.every(([, v], i) => Object.is(v + 0, (values[i] ?? NaN) + 0))) {
      return slice.map(([name]) => name);
    }
    this.lost = true;
    return null;
  }
}
