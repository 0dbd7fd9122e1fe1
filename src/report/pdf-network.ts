/**
 * The network picture of the PDF report (pure layout, like layout.ts): layers left to right, each
 * step a small box colored by its status and marked ✓ ↻ ✗ – ?. The forward pass runs left to right;
 * the backward pass sits below it, under the same layers, and runs right to left. A column of
 * 2-D map elements (`out_c1_2_3`) is drawn as its maps, each a grid of rows and columns.
 */
import { parseGridId } from '../engine/ids.js';
import { STATUSES, type Status } from '../grade/result.js';
import { english, msg, type Message, type Say } from '../i18n/index.js';
import { box, fitSize, INK, line, MUTED, RULE, STATUS_STYLE, text, type Block, type Item, type Measure } from './layout.js';
import type { NetworkColumn, NetworkLayer, NetworkNode } from './model.js';
import { MARKS } from './terminal.js';

const NODE_HEIGHT = 11;
const MIN_NODE_HEIGHT = 4;
const NODE_GAP = 2;
const LABEL_SIZE = 6.5;

const STATUS_WORDS: Record<Status, Message> = {
  correct: msg('legend.correct'),
  'follow-through': msg('legend.follow-through'),
  incorrect: msg('legend.incorrect'),
  missing: msg('legend.missing'),
  unreadable: msg('legend.unreadable'),
};

/** A node: its box, and `✗ out_c6` in it when there is room for a readable label. */
export function nodeItems(
  node: Pick<NetworkNode, 'id' | 'status' | 'mark'>, x: number, y: number, width: number, height: number, measure: Measure, labelSize = LABEL_SIZE,
): Item[] {
  const style = STATUS_STYLE[node.status];
  const items: Item[] = [box(x, y, width, height, { fill: style.fill, stroke: style.stroke, dashed: style.dashed, radius: 2 })];
  const label = node.id === '' ? node.mark : `${node.mark} ${node.id}`;
  const size = fitSize(label, 'regular', Math.min(labelSize, height * 0.7), width - 4, measure);
  if (size >= 3.5) {
    const x0 = x + (width - measure(label, 'regular', size)) / 2;
    items.push({ kind: 'text', x: x0, y: y + height / 2 + size * 0.36, text: label, font: 'regular', size, color: style.onFill });
  }
  return items;
}

function centered(content: string, center: number, top: number, width: number, font: 'regular' | 'bold', size: number, color: string, measure: Measure): Item {
  const fitted = fitSize(content, font, size, width, measure);
  return text(center - measure(content, font, fitted) / 2, top, content, font, fitted, color);
}

/** The legend: one sample node per status, with its word; a second row if the first is full. */
export function legend(width: number, measure: Measure, say: Say = english): Block {
  const items: Item[] = [];
  let x = 0;
  let top = 0;
  for (const status of STATUSES) {
    const word = say(STATUS_WORDS[status]);
    const needed = 18 + measure(word, 'regular', 7.5);
    if (x > 0 && x + needed > width) [x, top] = [0, top + 14];
    items.push(...nodeItems({ id: '', status, mark: MARKS[status] }, x, top, 14, 10, measure));
    items.push(text(x + 18, top + 1, word, 'regular', 7.5, INK));
    x += needed + 14;
  }
  return { height: top + 16, items };
}

interface Band {
  readonly caption: Message;
  readonly columns: (layer: NetworkLayer) => readonly NetworkColumn[];
  /** Column k of a layer with `slots` columns sits at slot position `at(k, slots, count)`. */
  readonly at: (k: number, slots: number, count: number) => number;
}

const BANDS: readonly Band[] = [
  { caption: msg('network.forward'), columns: (l) => l.forward, at: (k) => k },
  { caption: msg('network.backward'), columns: (l) => l.backward, at: (k, slots) => slots - 1 - k },
];

/** The picture, `width` wide and at most `maxHeight` tall: nodes shrink to fit a large network on a page. */
export function networkBlock(layers: readonly NetworkLayer[], width: number, maxHeight: number, measure: Measure, say: Say = english): Block {
  const slots = layers.map((l) => Math.max(l.forward.length, l.backward.length, 1));
  const columnWidth = width / Math.max(1, slots.reduce((a, b) => a + b, 0));
  const tallest = BANDS.map((band) => Math.max(0, ...layers.flatMap((l) => band.columns(l).map(rowsOf))));
  const fixed = 16 + BANDS.length * 26;
  const fitted = (maxHeight - fixed) / Math.max(1, tallest[0]! + tallest[1]!) - NODE_GAP;
  const nodeHeight = Math.max(MIN_NODE_HEIGHT, Math.min(NODE_HEIGHT, fitted));
  const items: Item[] = [];
  const starts = slots.map((_, k) => slots.slice(0, k).reduce((a, b) => a + b, 0) * columnWidth);
  layers.forEach((layer, k) => {
    const center = starts[k]! + (slots[k]! * columnWidth) / 2;
    items.push(centered(layer.name, center, 0, slots[k]! * columnWidth - 4, 'bold', 8, INK, measure));
    items.push(line(starts[k]! + 3, 13, starts[k]! + slots[k]! * columnWidth - 3, 13, MUTED, 0.6));
  });
  let top = 16;
  BANDS.forEach((band, b) => {
    items.push(text(0, top + 2, say(band.caption), 'regular', 6.5, MUTED));
    layers.forEach((layer, k) => {
      band.columns(layer).forEach((column, c) => {
        const x = starts[k]! + band.at(c, slots[k]!, band.columns(layer).length) * columnWidth;
        items.push(...columnItems(column, x, top + 12, columnWidth, nodeHeight, measure, say));
      });
    });
    const bottom = top + 24 + tallest[b]! * (nodeHeight + NODE_GAP);
    // Layer dividers, clear of the band's caption.
    for (const start of starts.slice(1)) items.push(line(start, top + 12, start, bottom, RULE, 0.5));
    top = bottom + 2;
  });
  return { height: top, items };
}

function columnItems(column: NetworkColumn, x: number, top: number, width: number, nodeHeight: number, measure: Measure, say: Say): Item[] {
  const items: Item[] = [centered(column.label, x + width / 2, top, width - 4, 'regular', 6.5, MUTED, measure)];
  const grids = gridsOf(column);
  if (grids !== null) return [...items, ...gridItems(grids, x + 3, top + 12, width - 6, nodeHeight, measure, say)];
  column.nodes.forEach((node, k) => {
    items.push(...nodeItems(node, x + 3, top + 12 + k * (nodeHeight + NODE_GAP), width - 6, nodeHeight, measure));
  });
  return items;
}

/** One 2-D map of a column: its cells row by row (`cells[row][column]`). */
export interface Grid {
  /** `map 1` (`特征图 1`), said in the report's language when drawn. */
  readonly caption: Message;
  readonly cells: readonly (readonly NetworkNode[])[];
}

/** The column's nodes as 2-D maps when every id is a map element and each map is complete, else null. */
export function gridsOf(column: NetworkColumn): Grid[] | null {
  const groups = new Map<string, { caption: Message; nodes: { node: NetworkNode; row: number; column: number }[] }>();
  for (const node of column.nodes) {
    const at = parseGridId(node.id);
    if (at === null) return null;
    const key = `${at.stem}${at.map + 1}${at.sample}`;
    const sample = at.sample === '' ? null : Number(at.sample.slice(2));
    const group = groups.get(key) ?? { caption: msg('network.map', { map: at.map + 1, sample }), nodes: [] };
    group.nodes.push({ node, row: at.row, column: at.column });
    groups.set(key, group);
  }
  const grids: Grid[] = [];
  for (const { caption, nodes } of groups.values()) {
    const rows = 1 + Math.max(...nodes.map((n) => n.row));
    const columns = 1 + Math.max(...nodes.map((n) => n.column));
    const cells: NetworkNode[][] = Array.from({ length: rows }, () => []);
    for (const n of nodes) cells[n.row]![n.column] = n.node;
    if (nodes.length !== rows * columns || cells.some((row) => row.length !== columns || row.includes(undefined as never))) return null;
    grids.push({ caption, cells });
  }
  return grids;
}

/** Node rows a column takes: its nodes one under another, or its maps' rows plus a caption row each. */
function rowsOf(column: NetworkColumn): number {
  const grids = gridsOf(column);
  return grids === null ? column.nodes.length : grids.reduce((total, grid) => total + grid.cells.length + 1, 0);
}

/** Each map as a grid of cells (marked, unlabelled: the place says which element), under its caption. */
function gridItems(grids: readonly Grid[], x: number, top: number, width: number, nodeHeight: number, measure: Measure, say: Say): Item[] {
  const items: Item[] = [];
  let y = top;
  for (const grid of grids) {
    const caption = say(grid.caption);
    items.push(text(x, y + nodeHeight * 0.2, caption, 'regular', fitSize(caption, 'regular', Math.min(6, nodeHeight * 0.8), width, measure), MUTED));
    y += nodeHeight + NODE_GAP;
    const columns = grid.cells[0]!.length;
    const cellWidth = Math.min(width / columns, 3 * nodeHeight);
    grid.cells.forEach((row) => {
      row.forEach((node, c) => items.push(...nodeItems({ id: '', status: node.status, mark: node.mark }, x + c * cellWidth + 0.5, y, cellWidth - 1, nodeHeight, measure)));
      y += nodeHeight + NODE_GAP;
    });
  }
  return items;
}
