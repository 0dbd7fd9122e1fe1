/**
 * A student's spreadsheet -> their answers, step by step.
 */
import { english, msg, withNote } from '../i18n/index.js';
import { findAnswers } from './answers.js';
import { IngestError, isIngestError } from './errors.js';
import { readGrid } from './grid.js';
import type { LabelMatcher } from './labels.js';
import type { IngestLimits } from './limits.js';
import { resolveLimits } from './limits.js';
import { MESSAGES } from './messages.js';
import { openWorkbook } from './open.js';
import { ingestProblem, problemNote } from './problems.js';
import { damagedMessage, withConsoleHeld } from './sheetjs.js';
import { findStudent } from './student.js';
import type { IngestProblem, SpreadsheetFormat, Submission } from './types.js';

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
  let format: SpreadsheetFormat | null = null;
  try {
    const resolved = resolveLimits(limits);
    const opened = openWorkbook(bytes, fileName, resolved);
    format = opened.format;
    const grid = withConsoleHeld(() => readGrid(opened.workbook, resolved));
    if (opened.cellRecords >= MIN_CELL_RECORDS_OF_DAMAGE && grid.sheets.every((sheet) => sheet.cells.length === 0)) {
      throw new IngestError(fileName, 'damaged', MESSAGES.damagedNoCells('.xls'));
    }
    const found = findAnswers(grid.sheets, match);
    const { student, problems: studentProblems } = findStudent(grid.sheets, fileName);
    return {
      file: fileName,
      format: opened.format,
      student,
      answers: found.answers,
      problems: boundProblems([...opened.problems, ...grid.problems, ...studentProblems, ...found.problems], resolved),
    };
  } catch (error) {
    if (isIngestError(error)) throw error;
    // A library failing on a hostile file: still one clear message, never a crash or its internals.
    throw new IngestError(fileName, 'damaged', damagedMessage(format));
  }
}

/** An xls with this many cell records that reads as empty is damaged (a blank one holds none). */
const MIN_CELL_RECORDS_OF_DAMAGE = 3;

/**
 * At most `maxProblems` problems, each at most `maxProblemChars` long, the rest summed up in one
 * last problem: a file with a hundred thousand stray labels must not make a report, a JSON file
 * or a gradebook cell without end.
 */
export function boundProblems(problems: readonly IngestProblem[], limits: Pick<IngestLimits, 'maxProblems' | 'maxProblemChars'>): IngestProblem[] {
  // Bounded by display width in whatever language it is said (Chinese takes two columns a character).
  const kept = problems.slice(0, limits.maxProblems).map((problem) => {
    const note = msg('problem.bounded', { problem: problemNote(problem), columns: limits.maxProblemChars });
    return withNote({ ...problem, message: english(note) }, note);
  });
  const more = problems.length - kept.length;
  if (more === 0) return kept;
  const last = kept.at(-1)!;
  return [...kept, ingestProblem(last.code, MESSAGES.moreProblems(more))];
}
