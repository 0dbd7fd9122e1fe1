/**
 * Where a student's answers are in their workbook:
 *  (a) the stepmark template: a header row with a step/id column and a value column, then one
 *      step per row;
 *  (b) anywhere else: a label cell the matcher knows, with the value in the cell to its right
 *      (past a merged label).
 * Sheets are read in order, rows top to bottom. A step labelled twice is reported, never merged.
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
  const found: FoundAnswers = { answers: new Map(), problems: [] };
  for (const sheet of sheets) scanSheet(sheet, match, found);
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

function scanSheet(sheet: SheetGrid, match: LabelMatcher, found: FoundAnswers): void {
  const scan: Scan = { sheet, match, found };
  const header = findTemplateHeader(sheet);
  for (const at of sheet.cells) {
    const text = cellText(at.cell);
    if (text === null || at.row === header?.row) continue;
    const inTemplate = header !== null && at.row > header.row;
    if (inTemplate && at.col === header.stepCol) {
      templateRow(scan, at, text, header.valueCol);
    } else if (!(inTemplate && cellText(sheet.at(at.row, header.stepCol)) !== null)) {
      // Outside the template's rows (the rest of a template row is its description).
      labelBeside(scan, at, text);
    }
  }
}

function templateRow({ sheet, match, found }: Scan, at: GridCell, text: string, valueCol: number): void {
  const value = readCellValue(sheet.at(at.row, valueCol));
  const stepId = match(text);
  if (stepId !== null) {
    record(found, answerAt(sheet, stepId, text, at, valueCol, value));
  } else if (value.kind !== 'empty') {
    // A row with no value is a heading; one with a value is a step this homework does not have.
    const cell = fullAddress(sheet.name, cellAddress(at.row, at.col));
    found.problems.push(ingestProblem('unknown-step', msg('problem.unknownStep', { label: text.slice(0, 40), cell }), cell));
  }
}

function labelBeside({ sheet, match, found }: Scan, at: GridCell, text: string): void {
  const stepId = match(text);
  if (stepId === null) return;
  const valueCol = sheet.rightOf(at.row, at.col);
  const valueCell = sheet.at(at.row, valueCol);
  // A label beside another label is a table's header row, not a label with its value.
  const besideText = cellText(valueCell);
  if (besideText !== null && match(besideText) !== null) return;
  record(found, answerAt(sheet, stepId, text, at, valueCol, readCellValue(valueCell)));
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

/** Keeps the first answer to a step; a later one is a problem (used only if the first is empty). */
function record(found: FoundAnswers, answer: Answer): void {
  const first = found.answers.get(answer.stepId);
  if (!first) {
    found.answers.set(answer.stepId, answer);
    return;
  }
  const cell = fullAddress(answer.sheet, answer.labelCell);
  const useSecond = first.value.kind === 'empty' && answer.value.kind !== 'empty';
  if (useSecond) found.answers.set(answer.stepId, answer);
  const note = msg('problem.duplicateLabel', { step: answer.stepId, first: fullAddress(first.sheet, first.labelCell), second: cell, secondUsed: useSecond });
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
