import type { Said } from '../i18n/index.js';
import type { ParsedValue } from './values.js';

/** The formats read; the real one is told from the bytes, not the file name. */
export type SpreadsheetFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

/** One step's value as found in the file. Cells are A1 addresses within `sheet`. */
export interface Answer {
  readonly stepId: string;
  /** The label as the student wrote it. */
  readonly label: string;
  readonly sheet: string;
  readonly labelCell: string;
  readonly valueCell: string;
  readonly value: ParsedValue;
  /** How the value was found, where a person should know (it was not in the cell next to the label). */
  readonly note?: Said;
}

export interface Student {
  readonly id: string | null;
  readonly name: string | null;
}

export type IngestProblemCode =
  | 'duplicate-label'
  | 'unknown-step'
  | 'no-answers'
  | 'format-mismatch'
  | 'student-mismatch'
  | 'too-many-sheets'
  | 'too-many-rows'
  | 'too-many-cells';

/** Something wrong that did not stop the file being read. `cell` is a full address (Sheet1!A12). */
export interface IngestProblem {
  readonly code: IngestProblemCode;
  /** In English; `note` (not enumerable, see i18n/note.ts) says it in any language. */
  readonly message: string;
  readonly cell?: string;
  readonly note?: Said;
}

export interface Submission {
  /** The path or name as given. */
  readonly file: string;
  readonly format: SpreadsheetFormat;
  readonly student: Student;
  /** By step id. */
  readonly answers: Map<string, Answer>;
  readonly problems: IngestProblem[];
}
