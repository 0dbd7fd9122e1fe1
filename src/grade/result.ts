/** What grading a submission gives: one verdict per step, scores, and the JSON contract. */
import type { Said } from '../i18n/index.js';
import type { DiagnosisCode } from '../rubric/schema.js';

export const STATUSES = ['correct', 'follow-through', 'incorrect', 'missing', 'unreadable'] as const;
export type Status = (typeof STATUSES)[number];

export interface StepResult {
  readonly id: string;
  readonly status: Status;
  /** The number read, or null when missing or unreadable. */
  readonly submitted: number | null;
  /** The text as the student wrote it ("" when missing). */
  readonly raw: string;
  readonly expected: number;
  readonly points: number;
  readonly maxPoints: number;
  /** For an incorrect step, the mistake that explains the value written (see grade/rules), or null. */
  readonly diagnosis: DiagnosisCode | null;
  /** One line for a person, in English (`grade --json` gives it in the language asked for). */
  readonly message: string;
  /** The message as a catalog key and parameters, to say it in any language (src/i18n); absent on a result built by hand. */
  readonly note?: Said;
  /** Where the answer was read (`Sheet1!C12`), or null. */
  readonly cell: string | null;
  /** Earlier steps whose submitted values this step's follow-through credit was computed from, where those were not correct. */
  readonly from: readonly string[];
}

export interface SectionScore {
  /** `CC · forward` */
  readonly id: string;
  readonly stepIds: readonly string[];
  readonly score: number;
  readonly maxScore: number;
}

export interface GradeResult {
  readonly file: string;
  readonly student: { readonly id: string | null; readonly name: string | null };
  readonly score: number;
  readonly maxScore: number;
  readonly steps: readonly StepResult[];
  readonly sections: readonly SectionScore[];
  /** Non-fatal problems found while reading (duplicate labels, ...). */
  readonly problems: readonly string[];
  /** Null, or why the whole file could not be read. */
  readonly error: string | null;
  /** `problems` and `error` as catalog keys and parameters, to say them in any language; absent on a result built by hand. */
  readonly notes?: { readonly problems: readonly (Said | string)[]; readonly error: Said | string | null };
}

export interface GradeReport {
  readonly rubric: string;
  readonly results: readonly GradeResult[];
}
