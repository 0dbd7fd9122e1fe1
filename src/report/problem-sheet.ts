/**
 * A student's one-page problem sheet: the network as a column of layers, each with its given
 * numbers (the student's own, under per-student variants), and what to compute. Pure layout,
 * like the reports; rendered by the same pdfkit code.
 */
import { elementId, indexedId } from '../engine/builder.js';
import { formatNumber } from '../engine/text.js';
import { english, msg, sayWith, type Say, type Voice } from '../i18n/index.js';
import type { Layer, Rubric } from '../rubric/schema.js';
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

function layerPart(layer: Layer, say: Say): Part {
  switch (layer.kind) {
    case 'conv1d': {
      const kernels = layer.kernels.values as unknown as number[][];
      return {
        title: say(msg('sheet.conv1d', { name: layer.name, kernels: kernels.length, length: kernels[0]?.length ?? 0, stride: layer.stride, flip: layer.flip, activation: layer.activation })),
        lines: [
          ...kernels.map((row, n) => `${row.map((_, m) => elementId(layer.kernels.name, n, m)).join(', ')} = ${list(row)}`),
          ...(layer.biases ? [`${layer.biases.values.map((_, k) => indexedId(layer.biases!.name, k)).join(', ')} = ${list(layer.biases.values)}`] : []),
        ],
      };
    }
    case 'dense': {
      const rows = layer.weights.values;
      const width = rows[0]?.length ?? 0;
      return {
        title: say(msg('sheet.dense', { name: layer.name, units: rows.length, inputs: width, activation: layer.activation })),
        lines: [
          ...rows.map((row, o) => `${row.map((_, h) => indexedId(layer.weights.name, o * width + h)).join(', ')} = ${list(row)}`),
          ...(layer.biases ? [`${layer.biases.values.map((_, k) => indexedId(layer.biases!.name, k)).join(', ')} = ${list(layer.biases.values)}`] : []),
        ],
      };
    }
    case 'avgpool':
    case 'maxpool':
      return { title: say(msg('sheet.pool', { name: layer.name, max: layer.kind === 'maxpool', size: String(layer.size), stride: String(layer.stride ?? layer.size) })), lines: [] };
    case 'flatten':
      return { title: say(msg('sheet.flatten')), lines: [] };
    default:
      return { title: (layer as { kind: string }).kind, lines: [] };
  }
}

function parts(rubric: Rubric, say: Say): Part[] {
  const names = (v: { name: string; values: unknown[] }) => v.values.map((_, k) => indexedId(v.name, k)).join(', ');
  const flat = (v: { values: unknown[] }) => v.values.filter((x): x is number => typeof x === 'number');
  const loss = rubric.loss.kind === 'mse' ? say(msg('sheet.lossMse', { factor: formatNumber(rubric.loss.factor) })) : say(msg('sheet.lossCrossEntropy'));
  return [
    ...(rubric.input ? [{ title: say(msg('sheet.input')), lines: [`${names(rubric.input)} = ${list(flat(rubric.input))}`] }] : []),
    ...rubric.layers.map((layer) => layerPart(layer, say)),
    { title: loss, lines: rubric.target ? [say(msg('sheet.target', { names: names(rubric.target), values: list(flat(rubric.target)) }))] : [] },
  ];
}

const BOX_PAD = 6;
const ARROW = 14;

/** The sheet on one page of `size`. */
export function layoutProblemSheet(rubric: Rubric, student: SheetStudent, measure: Measure, size: PageSize = A4, say: Say = english): Page {
  const width = size.width - 2 * size.margin;
  const x0 = size.margin;
  let y = size.margin;
  const items: Item[] = [];
  const put = (content: string, style: { font: 'regular' | 'bold'; size: number; color?: string }, gap = 4) => {
    const p = paragraph(x0, y, width, content, style, measure);
    items.push(...p.items);
    y += p.height + gap;
  };
  put(rubric.title, { font: 'bold', size: 14 });
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
  const info = documentInfo({ title: say(msg('sheet.title', { title: rubric.title, id: student.id })), subject: say(msg('sheet.subject', { rubric: rubric.id, id: student.id })), gradedAt: date });
  return renderPages([layoutProblemSheet(rubric, student, await loadFonts(), A4, say)], info);
}
