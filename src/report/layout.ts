/**
 * Page layout, kept pure: positioned text, boxes and lines on A4 pages. Widths come from an injected
 * `measure`, so wrapping and pagination are tested without pdfkit; `pdf.ts` only draws the result.
 * The report's parts are blocks (header, summary, picture, one per step) placed top to bottom;
 * a block that does not fit starts a new page, and one taller than a page is cut between its lines.
 */
import LineBreaker from 'linebreak';
import type { Status } from '../grade/result.js';
import { english, msg } from '../i18n/index.js';

export type FontStyle = 'regular' | 'bold';

/** The width of `text` set in `font` at `size` points. */
export type Measure = (text: string, font: FontStyle, size: number) => number;

export interface TextItem {
  readonly kind: 'text';
  readonly x: number;
  /** The baseline. */
  readonly y: number;
  readonly text: string;
  readonly font: FontStyle;
  readonly size: number;
  readonly color: string;
}

export interface BoxItem {
  readonly kind: 'box';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string | null;
  readonly stroke: string | null;
  readonly dashed: boolean;
  readonly radius: number;
}

export interface LineItem {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly color: string;
  readonly width: number;
}

export type Item = TextItem | BoxItem | LineItem;

export interface Page {
  readonly items: readonly Item[];
}

export interface PageSize {
  readonly width: number;
  readonly height: number;
  readonly margin: number;
}

export const A4: PageSize = { width: 595.28, height: 841.89, margin: 40 };

/** Part of the report, its items placed relative to its own top. */
export interface Block {
  readonly height: number;
  readonly items: readonly Item[];
  /** Stay on the page of the next block (a heading). */
  readonly keepWithNext?: boolean;
  /** Placed first when this block opens a page (a table's column heads). */
  readonly repeatHead?: Block;
}

export const INK = '#212121';
export const MUTED = '#666666';
export const RULE = '#d6d6d6';

/**
 * Status colors. Each status also has its mark, which carries the meaning; the fills step down in
 * lightness (missing white, correct, unreadable, follow-through, incorrect darkest) and the two
 * "nothing read" statuses have dashed borders, so grey print keeps them apart.
 */
export const STATUS_STYLE: Record<Status, { fill: string; stroke: string; ink: string; onFill: string; dashed: boolean }> = {
  correct: { fill: '#dcefd9', stroke: '#2e7d32', ink: '#2e7d32', onFill: '#1b5e20', dashed: false },
  'follow-through': { fill: '#8fd0ea', stroke: '#0277bd', ink: '#0277bd', onFill: '#01385e', dashed: false },
  incorrect: { fill: '#c62828', stroke: '#8e0000', ink: '#c62828', onFill: '#ffffff', dashed: false },
  missing: { fill: '#ffffff', stroke: '#757575', ink: '#616161', onFill: '#616161', dashed: true },
  unreadable: { fill: '#ffd54f', stroke: '#e65100', ink: '#bf360c', onFill: '#4e2600', dashed: true },
};

/** Line height for text of `size` points, and where the baseline sits in that line. */
export const lineHeight = (size: number) => size * 1.32;
const baseline = (size: number) => size * 1.0;

export function text(x: number, top: number, content: string, font: FontStyle, size: number, color = INK): TextItem {
  return { kind: 'text', x, y: top + baseline(size), text: content, font, size, color };
}

export function box(x: number, y: number, width: number, height: number, style: Partial<Omit<BoxItem, 'kind'>>): BoxItem {
  return { kind: 'box', x, y, width, height, fill: null, stroke: null, dashed: false, radius: 0, ...style };
}

export function line(x1: number, y1: number, x2: number, y2: number, color = RULE, width = 0.5): LineItem {
  return { kind: 'line', x1, y1, x2, y2, color, width };
}

/** Text of `size` points, as large as fits `width` but no larger. */
export function fitSize(content: string, font: FontStyle, size: number, width: number, measure: Measure): number {
  const natural = measure(content, font, size);
  return natural <= width ? size : (size * width) / natural;
}

const OPERATOR = /^[+\u2212\-·/=×≈]$/;

/** A piece of text a line may end after; `spaced` when a space separates it from the piece before. */
interface Piece {
  text: string;
  readonly spaced: boolean;
}

/** Chinese, Japanese and Korean script and punctuation, full-width forms: text that breaks between characters. */
const CJK = /[⺀-鿿ꥠ-꥿가-퟿豈-﫿︰-﹏＀-￯]/;

/**
 * Where a word may break inside: Chinese has no spaces, and breaks between characters, but never
 * before a closing mark (，。）：) or after an opening one (（“), as the Unicode line-breaking
 * algorithm (UAX #14) says. Words without such text are never split.
 */
function breaksInside(word: string): string[] {
  if (!CJK.test(word)) return [word];
  const parts: string[] = [];
  const breaker = new LineBreaker(word);
  let start = 0;
  for (let next = breaker.nextBreak(); next !== null; next = breaker.nextBreak()) {
    if (next.position > start) parts.push(word.slice(start, next.position));
    start = next.position;
  }
  return parts;
}

/**
 * Words, an operator kept with the operand after it so that a formula breaks before `+`, not after;
 * Chinese text also where UAX #14 allows a break.
 */
function pieces(content: string): Piece[] {
  const out: Piece[] = [];
  for (const word of content.split(' ').filter((w) => w !== '')) {
    const last = out.at(-1);
    const [first = '', ...rest] = breaksInside(word);
    if (last !== undefined && OPERATOR.test(last.text)) last.text = `${last.text} ${first}`;
    else out.push({ text: first, spaced: true });
    for (const text of rest) out.push({ text, spaced: false });
  }
  return out;
}

/** A piece wider than a line (Chinese has no spaces) cut between characters. */
function cutChars(piece: string, fits: (s: string) => boolean): string[] {
  const parts: string[] = [];
  let current = '';
  for (const char of piece) {
    if (current !== '' && !fits(current + char)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  return [...parts, current];
}

/**
 * Lines of at most `width` points; lines after the first are `indent` narrower (a hanging indent).
 * A line's width is taken as its pieces' widths plus the spaces between them, so each piece is
 * measured once.
 */
export function wrap(content: string, width: number, font: FontStyle, size: number, measure: Measure, indent = 0): string[] {
  const lines: string[] = [];
  const room = () => (lines.length === 0 ? width : width - indent);
  const space = measure(' ', font, size);
  let current = '';
  let currentWidth = 0;
  for (const { text: piece, spaced } of pieces(content)) {
    const pieceWidth = measure(piece, font, size);
    const joinedWidth = current === '' ? pieceWidth : currentWidth + (spaced ? space : 0) + pieceWidth;
    if (joinedWidth <= room()) {
      [current, currentWidth] = [current === '' ? piece : `${current}${spaced ? ' ' : ''}${piece}`, joinedWidth];
      continue;
    }
    if (current !== '') lines.push(current);
    // Cut to the narrower continuation width: all but the first part go on continuation lines.
    const parts = pieceWidth <= room() ? [piece] : cutChars(piece, (s) => measure(s, font, size) <= width - indent);
    lines.push(...parts.slice(0, -1));
    current = parts.at(-1) ?? '';
    currentWidth = measure(current, font, size);
  }
  return current === '' && lines.length > 0 ? lines : [...lines, current];
}

/** After these a title breaks best: a Chinese colon, comma or list mark; a Latin one before a space (not `1,000`). */
const clauseEnds = (before: string, after: string): boolean => /[：，；、。]/.test(before) || (/[:,;·]/.test(before) && after === ' ');

/**
 * A title that `wrap` puts on two lines, broken where a reader would break it: after a clause mark
 * (`作业 1 · 一维卷积神经网络：` / `正向传播与一步反向传播`) when its lines are not too uneven, else at
 * the space that evens them out best; never one character (`播`) left alone. Chinese has no spaces,
 * so a title without a clause mark keeps `wrap`'s lines. Longer titles keep `wrap`'s lines too.
 */
export function titleWrap(content: string, width: number, font: FontStyle, size: number, measure: Measure): string[] {
  const lines = wrap(content, width, font, size, measure);
  if (lines.length !== 2) return lines;
  let best: { lines: string[]; clause: boolean; balance: number } | null = null;
  for (let k = 1; k < content.length; k++) {
    const clause = clauseEnds(content[k - 1]!, content[k]!);
    if (!clause && content[k] !== ' ') continue;
    const [first, second] = [content.slice(0, k).trimEnd(), content.slice(k).trimStart()];
    if (first === '' || second === '') continue;
    const [a, b] = [measure(first, font, size), measure(second, font, size)];
    if (a > width || b > width) continue;
    const balance = Math.min(a, b) / Math.max(a, b);
    const better = best === null
      || (clause && balance >= 0.4 && (!best.clause || balance > best.balance))
      || (!(best.clause && best.balance >= 0.4) && balance > best.balance);
    if (better) best = { lines: [first, second], clause, balance };
  }
  const [a, b] = lines.map((l) => measure(l, font, size)) as [number, number];
  const original = Math.min(a, b) / Math.max(a, b);
  return best === null || (!(best.clause && best.balance >= 0.4) && best.balance <= original) ? lines : best.lines;
}

/** Wrapped lines as items from `top`, and the height they take; `balance` breaks a two-line title where a reader would (`titleWrap`). */
export function paragraph(
  x: number, top: number, width: number, content: string,
  style: { font: FontStyle; size: number; color?: string; indent?: number; balance?: boolean }, measure: Measure,
): { items: TextItem[]; height: number } {
  const indent = style.indent ?? 0;
  const lines = style.balance === true && indent === 0
    ? titleWrap(content, width, style.font, style.size, measure)
    : wrap(content, width, style.font, style.size, measure, indent);
  const step = lineHeight(style.size);
  const items = lines.map((l, k) => text(k === 0 ? x : x + indent, top + k * step, l, style.font, style.size, style.color));
  return { items, height: lines.length * step };
}

export function shift(item: Item, dy: number, dx = 0): Item {
  switch (item.kind) {
    case 'text':
    case 'box':
      return { ...item, x: item.x + dx, y: item.y + dy };
    case 'line':
      return { ...item, x1: item.x1 + dx, x2: item.x2 + dx, y1: item.y1 + dy, y2: item.y2 + dy };
  }
}

/** How far an item reaches up and down on the page. */
export function extent(item: Item): { top: number; bottom: number } {
  switch (item.kind) {
    case 'text':
      return { top: item.y - item.size, bottom: item.y + item.size * 0.3 };
    case 'box':
      return { top: item.y, bottom: item.y + item.height };
    case 'line':
      return { top: Math.min(item.y1, item.y2), bottom: Math.max(item.y1, item.y2) };
  }
}

/** The first `room` points of a block, and the rest as a block of its own. */
function cut(block: Block, room: number): [Block, Block] {
  const stays = (item: Item) => extent(item).bottom <= room;
  const moved = block.items.filter((item) => !stays(item));
  const from = Math.min(...moved.map((item) => extent(item).top), room);
  const rest = { ...block, height: block.height - from, items: moved.map((item) => shift(item, -from)) };
  return [{ height: room, items: block.items.filter(stays) }, rest];
}

/** A block's height with the blocks it keeps with: a heading is never the last thing on a page. */
function keptHeight(block: Block, following: readonly Block[]): number {
  let height = block.height;
  for (let k = 0, kept = block; kept.keepWithNext && k < following.length; k++) {
    kept = following[k]!;
    height += kept.height;
  }
  return height;
}

/**
 * Blocks (x from the left margin) placed top to bottom on pages of `size`; pages after the first
 * open with `runningHead`. Every item ends up inside the page's margins.
 */
export function paginate(blocks: readonly Block[], size: PageSize, runningHead: Block): Item[][] {
  const bottom = size.height - size.margin;
  const pages: Item[][] = [[]];
  let y = size.margin;
  let empty = true;
  const place = (block: Block) => {
    pages[pages.length - 1]!.push(...block.items.map((item) => shift(item, y, size.margin)));
    y += block.height;
    empty = false;
  };
  const newPage = (opener: Block) => {
    pages.push([]);
    y = size.margin;
    place(runningHead);
    if (opener.repeatHead) place(opener.repeatHead);
    empty = true;
  };
  const queue = [...blocks];
  for (let block = queue.shift(); block; block = queue.shift()) {
    if (!empty && y + keptHeight(block, queue) > bottom) newPage(block);
    if (y + block.height <= bottom) {
      place(block);
      continue;
    }
    // Taller than a whole page: cut it between its lines.
    const [head, rest] = cut(block, bottom - y);
    if (head.items.length === 0) throw new Error('a report item is taller than a page');
    place(head);
    queue.unshift(rest);
  }
  return pages;
}

/** Height of the running head on pages after the first. */
export const RUNNING_HEAD = 22;

/** The head of every page after the first: `title` on the left (shrunk to fit), `right` on the right, a rule. */
export function runningHead(title: string, right: string, width: number, measure: Measure): Block {
  const rightWidth = measure(right, 'regular', 7.5);
  const size = fitSize(title, 'regular', 7.5, width - rightWidth - 12, measure);
  return {
    height: RUNNING_HEAD,
    items: [text(0, 0, title, 'regular', size, MUTED), text(width - rightWidth, 0, right, 'regular', 7.5, MUTED), line(0, 13, width, 13, RULE, 0.5)],
  };
}

/** "page 2 of 7", in the report's language. */
export type PageLabel = (page: number, pages: number) => string;

const englishPageLabel: PageLabel = (page, pages) => english(msg('report.page', { page, pages }));

/** The blocks on pages, each page with the running head (after the first) and a footer: `footer` and "page k of n". */
export function paginateReport(
  blocks: readonly Block[], size: PageSize, head: Block, footer: string, measure: Measure, pageLabel: PageLabel = englishPageLabel,
): Page[] {
  const pages = paginate(blocks, size, head);
  const width = size.width - 2 * size.margin;
  const top = size.height - size.margin + 8;
  return pages.map((items, k) => {
    const count = pageLabel(k + 1, pages.length);
    const countWidth = measure(count, 'regular', 7);
    const foot = [
      text(0, top, footer, 'regular', fitSize(footer, 'regular', 7, width - countWidth - 12, measure), MUTED),
      text(width - countWidth, top, count, 'regular', 7, MUTED),
    ].map((item) => shift(item, 0, size.margin));
    return { items: [...items, ...foot] };
  });
}
