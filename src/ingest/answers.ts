/**
 * Where a student's answers are in their workbook:
 *  (a) the stepmark template: a header row with a step/id column and a value column, then one
 *      step per row;
 *  (b) anywhere else: a label cell the matcher knows, with the value in the first cell to its
 *      right that holds something (past a merged label; the step's message says so when that
 *      is not the next cell).
 * Rows are read top to bottom. A step labelled twice is reported, never merged; between sheets,
 * the one with the template (else the most recognised labels) wins: a scratch sheet before the
 * answer sheet does not.
 */
import { cellText, readCellValue } from './cells.js';
import type { GridCell, SheetGrid } from './grid.js';
import { cellAddress, fullAddress } from './grid.js';
import type { LabelMatcher } from './labels.js';
import { normaliseLabel } from './labels.js';
import { msg } from '../i18n/index.js';
import { ingestProblem } from './problems.js';
import type { Answer, IngestProblem } from './types.js';
import type { ParsedValue } from './values.js';

export interface FoundAnswers {
  readonly answers: Map<string, Answer>;
  readonly problems: IngestProblem[];
}

interface TemplateHeader {
  readonly row: number;
  readonly stepCol: number;
  readonly valueCol: number;
}

/** Headings of the step column, the most telling first (a sheet may have both "ID" and "Step"). */
const STEP_HEADERS = ['step', 'stepid', 'stepname', 'steps', '步骤', '步骤编号', 'id', 'label', '编号', '标签'];
const VALUE_HEADER = /value|answer|result|值|答案|结果/;
const YOUR = /your|你的/;

export function findAnswers(sheets: readonly SheetGrid[], match: LabelMatcher): FoundAnswers {
  const scanned = sheets.map((sheet, index) => ({ index, ...scanSheet(sheet, match) }));
  // The template's sheet first, then the sheet with the most recognised labels, then in order.
  scanned.sort((a, b) => Number(b.template) - Number(a.template) || b.labels - a.labels || a.index - b.index);
  const found: FoundAnswers = { answers: new Map(), problems: [] };
  const winner = scanned.find((sheet) => sheet.labels > 0);
  for (const sheet of scanned) {
    found.problems.push(...sheet.found.problems);
    for (const answer of sheet.found.answers.values()) record(found, answer, winner?.sheet);
  }
  if (found.answers.size === 0) {
    found.problems.push(ingestProblem('no-answers', msg('problem.noAnswers')));
  }
  return found;
}

/** What one sheet's scan reads with and writes to. */
interface Scan {
  readonly sheet: SheetGrid;
  readonly match: LabelMatcher;
  readonly found: FoundAnswers;
}

interface ScannedSheet {
  readonly sheet: string;
  readonly template: boolean;
  /** How many labels naming a step it holds. */
  readonly labels: number;
  readonly found: FoundAnswers;
}

function scanSheet(sheet: SheetGrid, match: LabelMatcher): ScannedSheet {
  const found: FoundAnswers = { answers: new Map(), problems: [] };
  const scan: Scan = { sheet, match, found };
  const header = findTemplateHeader(sheet);
  let labels = 0;
  for (const at of sheet.cells) {
    const text = cellText(at.cell);
    if (text === null || at.row === header?.row) continue;
    const inTemplate = header !== null && at.row > header.row;
    if (inTemplate && at.col === header.stepCol) {
      labels += templateRow(scan, at, text, header.valueCol);
    } else if (!(inTemplate && cellText(sheet.at(at.row, header.stepCol)) !== null)) {
      // Outside the template's rows (the rest of a template row is its description).
      labels += labelBeside(scan, at, text);
    }
  }
  return { sheet: sheet.name, template: header !== null, labels, found };
}

/** Reads one template row; 1 when its label names a step. */
function templateRow({ sheet, match, found }: Scan, at: GridCell, text: string, valueCol: number): number {
  const value = readCellValue(sheet.at(at.row, valueCol));
  const stepId = match(text);
  if (stepId !== null) {
    record(found, answerAt(sheet, stepId, text, at, valueCol, value));
    return 1;
  }
  if (value.kind !== 'empty') {
    // A row with no value is a heading; one with a value is a step this homework does not have.
    unknownStep(found, sheet, at, text, match);
  }
  return 0;
}

function unknownStep(found: FoundAnswers, sheet: SheetGrid, at: GridCell, text: string, match: LabelMatcher): void {
  const cell = fullAddress(sheet.name, cellAddress(at.row, at.col));
  const suggestion = match.suggest?.(text) ?? null;
  found.problems.push(ingestProblem('unknown-step', msg('problem.unknownStep', { label: text.slice(0, 40), cell, suggestion }), cell));
}

/** Reads a label with its value to its right; 1 when it names a step. */
function labelBeside({ sheet, match, found }: Scan, at: GridCell, text: string): number {
  const stepId = match(text);
  const next = sheet.rightOf(at.row, at.col);
  if (stepId === null) {
    // A near-miss of a step id with a number beside it: a typo, worth a word.
    // (The number first: most text in a sheet is no label, and a suggestion is a search.)
    const beside = sheet.filledFrom(at.row, next);
    if (beside !== null && readCellValue(sheet.at(at.row, beside)).kind === 'number' && match.suggest?.(text)) unknownStep(found, sheet, at, text, match);
    return 0;
  }
  const valueCol = valueColumn(sheet, at.row, next);
  const valueCell = sheet.at(at.row, valueCol);
  // A label beside another label is a table's header row, not a label with its value.
  const besideText = cellText(valueCell);
  if (besideText !== null && match(besideText) !== null) return 0;
  const answer = answerAt(sheet, stepId, text, at, valueCol, readCellValue(valueCell));
  const skipped = valueCol - next;
  const note = skipped === 0 ? undefined : msg('reading.readFrom', { cell: answer.valueCell, cells: skipped + 1 });
  record(found, note === undefined ? answer : { ...answer, note });
  return 1;
}

/**
 * The column of a label's value: the next cell, or where that is empty, the first cell further
 * right in the row that holds a number (a note further along is not a value).
 */
function valueColumn(sheet: SheetGrid, row: number, next: number): number {
  if (sheet.filledFrom(row, next) === next) return next;
  const further = sheet.filledFrom(row, next + 1);
  if (further === null) return next;
  const value = readCellValue(sheet.at(row, further));
  return value.kind === 'number' ? further : next;
}

function answerAt(sheet: SheetGrid, stepId: string, label: string, at: GridCell, valueCol: number, value: ParsedValue): Answer {
  return {
    stepId,
    label,
    sheet: sheet.name,
    labelCell: cellAddress(at.row, at.col),
    valueCell: cellAddress(at.row, valueCol),
    value,
  };
}

/**
 * Keeps the first answer to a step (sheets come winner first); a later one is a problem (used only
 * if the first is empty). `winner`: the sheet with the template or the most labels, named in the
 * problem when the two answers are in different sheets.
 */
function record(found: FoundAnswers, answer: Answer, winner?: string): void {
  const first = found.answers.get(answer.stepId);
  if (!first) {
    found.answers.set(answer.stepId, answer);
    return;
  }
  const cell = fullAddress(answer.sheet, answer.labelCell);
  const useSecond = first.value.kind === 'empty' && answer.value.kind !== 'empty';
  if (useSecond) found.answers.set(answer.stepId, answer);
  const used = useSecond ? answer : first;
  const note = msg('problem.duplicateLabel', {
    step: answer.stepId,
    first: fullAddress(first.sheet, first.labelCell),
    second: cell,
    used: useSecond ? 'second' : first.sheet === answer.sheet ? 'first' : 'sheet',
    sheet: used.sheet,
    winner: first.sheet !== answer.sheet && used.sheet === winner,
  });
  found.problems.push(ingestProblem('duplicate-label', note, cell));
}

/** The first row holding both a step/id heading and a value heading (preferring "your value"). */
export function findTemplateHeader(sheet: SheetGrid): TemplateHeader | null {
  const rows = new Map<number, GridCell[]>();
  for (const gridCell of sheet.cells) {
    const row = rows.get(gridCell.row);
    if (row) row.push(gridCell);
    else rows.set(gridCell.row, [gridCell]);
  }
  for (const [row, cells] of rows) {
    const headings = cells.map((c) => ({ col: c.col, key: normaliseLabel(cellText(c.cell) ?? '') }));
    const step = STEP_HEADERS.map((key) => headings.find((h) => h.key === key)).find((h) => h !== undefined);
    const values = headings.filter((h) => h !== step && VALUE_HEADER.test(h.key));
    const value = values.find((h) => YOUR.test(h.key)) ?? values[0];
    if (step && value) return { row, stepCol: step.col, valueCol: value.col };
  }
  return null;
}
