/**
 * A student's one-page problem sheet: the network as a column of layers, each with its given
 * numbers (the student's own, under per-student variants), and what to compute. Pure layout,
 * like the reports; rendered by the same pdfkit code.
 */
import { formatNumber } from '../engine/text.js';
import { msg, sayWith, titleIn, type Say, type Voice } from '../i18n/index.js';
import type { PathKey } from '../rubric/problems.js';
import type { Layer, Nested, Rubric } from '../rubric/schema.js';
import { slotsOf, type Slot } from '../variants/slots.js';
import { loadFonts } from './fonts.js';
import { A4, box, INK, line, MUTED, paragraph, RULE, text, type Item, type Measure, type Page, type PageSize } from './layout.js';
import { documentInfo, renderPages } from './pdf.js';

export interface SheetStudent {
  readonly id: string;
  readonly name: string | null;
}

const list = (values: readonly number[]) => `[${values.map((v) => formatNumber(v, 6)).join(', ')}]`;

/** A box's title and its lines of numbers. */
interface Part {
  readonly title: string;
  readonly lines: readonly string[];
}

/**
 * The given values under `prefix` (a layer, an input, a target), one line per innermost list of the
 * rubric — a row of a grid, a kernel row, a unit's weights — each with its values' names as the
 * engine gives them (slotsOf: `x1_2_3`, `q1_2_1_1`, `w5`, `x1_s2`).
 */
function givenRows(slots: readonly Slot[], prefix: readonly PathKey[]): { names: string; values: string }[] {
  const lines = new Map<string, Slot[]>();
  for (const slot of slots) {
    if (slot.path.length <= prefix.length || !prefix.every((key, k) => slot.path[k] === key)) continue;
    const key = JSON.stringify(slot.path.slice(0, -1));
    lines.set(key, [...(lines.get(key) ?? []), slot]);
  }
  return [...lines.values()].map((row) => ({ names: row.map((slot) => slot.name).join(', '), values: list(row.map((slot) => slot.value)) }));
}

const givenLines = (slots: readonly Slot[], prefix: readonly PathKey[]): string[] => givenRows(slots, prefix).map(({ names, values }) => `${names} = ${values}`);

const pairText = (value: number | readonly number[]) => (typeof value === 'number' ? String(value) : value.join('×'));

function layerTitle(layer: Layer, say: Say): string {
  switch (layer.kind) {
    case 'conv1d':
    case 'conv2d': {
      const kernels = layer.kernels.values as Nested[];
      let size: Nested = kernels[0]!;
      const dims: number[] = [];
      while (Array.isArray(size)) {
        dims.push(size.length);
        size = size[0]!;
      }
      const rank = layer.kind === 'conv1d' ? 1 : 2;
      if (layer.kind === 'conv1d') {
        return say(msg('sheet.conv1d', { name: layer.name, kernels: kernels.length, length: dims.at(-1) ?? 0, stride: layer.stride, flip: layer.flip, activation: layer.activation }));
      }
      const shape = dims.slice(-rank).join('×');
      const channels = dims.length > rank ? dims[0]! : 1;
      return say(msg('variants.sheet.conv2d', { name: layer.name, kernels: kernels.length, size: shape, channels, stride: pairText(layer.stride), padding: pairText(layer.padding), flip: layer.flip, activation: layer.activation }));
    }
    case 'dense':
      return say(msg('sheet.dense', { name: layer.name, units: layer.weights.values.length, inputs: layer.weights.values[0]?.length ?? 0, activation: layer.activation }));
    case 'avgpool':
    case 'maxpool':
      return say(msg('sheet.pool', { name: layer.name, max: layer.kind === 'maxpool', size: String(layer.size), stride: String(layer.stride ?? layer.size) }));
    case 'flatten':
      return say(msg('sheet.flatten'));
  }
}

function parts(rubric: Rubric, say: Say): Part[] {
  const slots = slotsOf(rubric);
  const loss = rubric.loss.kind === 'mse' ? say(msg('sheet.lossMse', { factor: formatNumber(rubric.loss.factor) })) : say(msg('sheet.lossCrossEntropy'));
  // One sample (`input`, `target`) or a batch (`samples`): each sample's input, and its target under the loss.
  const samples: PathKey[][] = rubric.samples ? rubric.samples.map((_, s) => ['samples', s]) : [[]];
  const inputTitle = (s: number) => (rubric.samples ? say(msg('variants.sheet.sampleInput', { sample: s + 1 })) : say(msg('sheet.input')));
  const targets = samples.flatMap((at) => givenRows(slots, [...at, 'target']).map((row) => say(msg('sheet.target', row))));
  return [
    ...samples.map((at, s) => ({ title: inputTitle(s), lines: givenLines(slots, [...at, 'input']) })),
    ...rubric.layers.map((layer, i) => ({ title: layerTitle(layer, say), lines: givenLines(slots, ['layers', i]) })),
    { title: loss, lines: targets },
  ];
}

const BOX_PAD = 6;
const ARROW = 14;

/** The rubric's title in the sheet's language (its `titles:` entry, else `title`). */
const sheetTitle = (rubric: Rubric, voice: Voice | undefined): string => titleIn(rubric, voice?.language ?? 'en');

/** The sheet on one page of `size`, in `voice` (English by default). */
export function layoutProblemSheet(rubric: Rubric, student: SheetStudent, measure: Measure, size: PageSize = A4, voice?: Voice): Page {
  const say = sayWith(voice);
  const width = size.width - 2 * size.margin;
  const x0 = size.margin;
  let y = size.margin;
  const items: Item[] = [];
  const put = (content: string, style: { font: 'regular' | 'bold'; size: number; color?: string; balance?: boolean }, gap = 4) => {
    const p = paragraph(x0, y, width, content, style, measure);
    items.push(...p.items);
    y += p.height + gap;
  };
  put(sheetTitle(rubric, voice), { font: 'bold', size: 14, balance: true });
  put(say(msg('sheet.for', { id: student.id, name: student.name })), { font: 'regular', size: 10 }, 6);
  const task = { rate: formatNumber(rubric.learningRate, 6), updated: rubric.convention === 'updated-weights', decimals: rubric.grading.decimals, id: student.id };
  put(say(msg('sheet.task', task)), { font: 'regular', size: 9, color: MUTED }, 10);
  parts(rubric, say).forEach((part, k) => {
    if (k > 0) {
      const mid = x0 + width / 2;
      items.push(line(mid, y, mid, y + ARROW - 3, MUTED, 0.8), line(mid - 3, y + ARROW - 7, mid, y + ARROW - 3, MUTED, 0.8), line(mid + 3, y + ARROW - 7, mid, y + ARROW - 3, MUTED, 0.8));
      y += ARROW;
    }
    const title = paragraph(x0 + BOX_PAD, y + BOX_PAD, width - 2 * BOX_PAD, part.title, { font: 'bold', size: 9 }, measure);
    let inner = BOX_PAD + title.height;
    const body: Item[] = [];
    for (const content of part.lines) {
      const p = paragraph(x0 + BOX_PAD, y + inner + 2, width - 2 * BOX_PAD, content, { font: 'regular', size: 9, color: INK }, measure);
      body.push(...p.items);
      inner += p.height + 2;
    }
    const height = inner + BOX_PAD;
    items.push(box(x0, y, width, height, { stroke: RULE, radius: 4 }), ...title.items, ...body);
    y += height;
  });
  return { items };
}

/**
 * The problem sheet as PDF bytes; the same rubric, student and date give the same bytes.
 *
 * @example
 * const bytes = await renderProblemSheetPdf(variantRubric(plan, values), { id: '2023000001', name: '王晓东' }, '2026-09-01');
 */
export async function renderProblemSheetPdf(rubric: Rubric, student: SheetStudent, date: string, voice?: Voice): Promise<Uint8Array> {
  const say = sayWith(voice);
  const info = documentInfo({ title: say(msg('sheet.title', { title: sheetTitle(rubric, voice), id: student.id })), subject: say(msg('sheet.subject', { rubric: rubric.id, id: student.id })), gradedAt: date });
  return renderPages([layoutProblemSheet(rubric, student, await loadFonts(), A4, voice)], info);
}
