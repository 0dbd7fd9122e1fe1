/**
 * A student's spreadsheet -> their answers, step by step.
 */
import { msg } from '../i18n/index.js';
import { findAnswers } from './answers.js';
import { IngestError, isIngestError } from './errors.js';
import { readGrid } from './grid.js';
import type { LabelMatcher } from './labels.js';
import type { IngestLimits } from './limits.js';
import { resolveLimits } from './limits.js';
import { openWorkbook } from './open.js';
import { findStudent } from './student.js';
import type { Submission } from './types.js';

/**
 * Reads one submitted file (xlsx, xls, ods or csv, told from the bytes). Problems with cells
 * (an unreadable value, a label written twice) are values in the result; only a file that
 * cannot be read at all throws, an IngestError whose message names the file.
 *
 * @example
 * const match = createLabelMatcher(rubricStepIds);
 * const submission = readSubmission(bytes, '2023123456_张三.xlsx', match);
 * submission.answers.get('coef_c5')?.value // { kind: 'number', value: 0.646, decimals: 3, raw: '0.646' }
 */
export function readSubmission(
  bytes: Uint8Array,
  fileName: string,
  match: LabelMatcher,
  limits: Partial<IngestLimits> = {},
): Submission {
  try {
    const resolved = resolveLimits(limits);
    const opened = openWorkbook(bytes, fileName, resolved);
    const grid = readGrid(opened.workbook, resolved);
    const found = findAnswers(grid.sheets, match);
    const { student, problems: studentProblems } = findStudent(grid.sheets, fileName);
    return {
      file: fileName,
      format: opened.format,
      student,
      answers: found.answers,
      problems: [...opened.problems, ...grid.problems, ...studentProblems, ...found.problems],
    };
  } catch (error) {
    if (isIngestError(error)) throw error;
    // A library failing on a hostile file: still one clear message, never a crash.
    const message = error instanceof Error ? error.message : String(error);
    throw new IngestError(fileName, 'damaged', msg('ingest.damaged', { detail: message.slice(0, 120) }));
  }
}
