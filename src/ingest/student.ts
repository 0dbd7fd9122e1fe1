/**
 * Who handed the file in: from the template's fields (`Student ID` / `学号`, `Name` / `姓名`,
 * value to the right), else from the file name (`2023123456_张三.xlsx`, `张三-2023123456.xlsx`).
 */
import { cellPlainText, cellText } from './cells.js';
import type { SheetGrid } from './grid.js';
import { cellAddress, fullAddress } from './grid.js';
import { normaliseLabel } from './labels.js';
import { msg } from '../i18n/index.js';
import { ingestProblem } from './problems.js';
import type { IngestProblem, Student } from './types.js';

const ID_LABELS = new Set([
  'studentid',
  'studentno',
  'studentno.',
  'studentnumber',
  'matriculationnumber',
  '学号',
  '学生学号',
  '学生编号',
]);
const NAME_LABELS = new Set(['name', 'studentname', 'fullname', '姓名', '学生姓名', '名字']);

interface Field {
  readonly value: string;
  readonly cell: string;
}

export function findStudent(
  sheets: readonly SheetGrid[],
  fileName: string,
): { student: Student; problems: IngestProblem[] } {
  const id = findField(sheets, ID_LABELS);
  const name = findField(sheets, NAME_LABELS);
  const fromFile = studentFromFileName(fileName);
  const problems: IngestProblem[] = [];
  if (id && fromFile.id !== null && id.value !== fromFile.id) {
    problems.push(ingestProblem('student-mismatch', msg('problem.studentMismatch', { cell: id.cell, id: id.value, fromFile: fromFile.id }), id.cell));
  }
  return { student: { id: id?.value ?? fromFile.id, name: name?.value ?? fromFile.name }, problems };
}

/** The first labelled field with a value to its right, over all sheets. */
function findField(sheets: readonly SheetGrid[], labels: ReadonlySet<string>): Field | null {
  for (const sheet of sheets) {
    for (const { row, col, cell } of sheet.cells) {
      const text = cellText(cell);
      if (text === null || !labels.has(normaliseLabel(text))) continue;
      const valueCol = sheet.rightOf(row, col);
      const value = cellPlainText(sheet.at(row, valueCol));
      if (value !== null) return { value: value.slice(0, 100), cell: fullAddress(sheet.name, cellAddress(row, valueCol)) };
    }
  }
  return null;
}

const STUDENT_ID = /^[A-Za-z]{0,2}\d{6,20}$/;
const NAME_PART = /^[\p{L}\p{M}·]+$/u;

/**
 * `2023123456_张三.xlsx` -> { id: '2023123456', name: '张三' }; also `张三-2023123456.xlsx`
 * and `2023123456.xlsx`. Without an id-like part (six or more digits) both are null.
 */
export function studentFromFileName(fileName: string): Student {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '').normalize('NFKC');
  const parts = base.split(/[\s_\-–—.,()]+/).filter((part) => part !== '');
  const id = parts.find((part) => STUDENT_ID.test(part)) ?? null;
  if (id === null) return { id: null, name: null };
  const names = parts.filter((part) => part !== id && NAME_PART.test(part));
  return { id, name: names.length > 0 ? names.join(' ') : null };
}
