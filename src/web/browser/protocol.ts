/** Messages between the page and its grading worker: plain data (structured clone), nothing else. */
import type { ReportModel } from '../../report/model.js';
import type { PageVariants } from '../variant-table.js';
import type { Lang } from '../words.js';

export type ToWorker =
  | { readonly type: 'init'; readonly rubricText: string; readonly rubricFile: string; readonly variants: PageVariants | null }
  /** `studentId`: the id typed in the page (a rubric with variants), or null to take the file's. */
  | { readonly type: 'grade'; readonly id: number; readonly file: File; readonly lang: Lang; readonly gradedAt: string; readonly studentId: string | null }
  /** Whether a student id has numbers in the page, and that student's templates. */
  | { readonly type: 'student'; readonly id: number; readonly studentId: string };

export interface RubricInfo {
  /** The rubric's title in each language. */
  readonly titles: Readonly<Record<Lang, string>>;
  readonly rubricId: string;
  /** The empty template (`stepmark template --lang`) in each language, made once with the rubric: offered without asking the worker again. Null when every student has their own numbers. */
  readonly templates: Readonly<Record<Lang, Uint8Array>> | null;
  /** Every student has their own numbers: the page asks for the student id. */
  readonly hasVariants: boolean;
}

/** What the page learnt about a student id (a rubric with variants). */
export interface StudentLookup {
  /** As typed, or as the file gives it; null when there is none. */
  readonly studentId: string | null;
  /** The page holds this student's numbers. */
  readonly known: boolean;
}

export type FromWorker =
  | { readonly type: 'ready'; readonly info: RubricInfo }
  /** The report model only: it holds expected values just where the rubric reveals them. `student`: with variants, whose numbers it was graded against. */
  | { readonly type: 'graded'; readonly id: number; readonly model: ReportModel; readonly student: StudentLookup | null }
  /** A file not graded because no numbers are known for it: no id typed or in the file, or an id the page does not hold. */
  | { readonly type: 'no-numbers'; readonly id: number; readonly student: StudentLookup }
  /** The answer to a `student` request: with the student's own templates when the id is known. */
  | { readonly type: 'student'; readonly id: number; readonly student: StudentLookup; readonly templates: Readonly<Record<Lang, Uint8Array>> | null }
  /** A bug or a broken rubric, not a bad file (a bad file is a result with its `error`). */
  | { readonly type: 'failed'; readonly id: number | null; readonly message: string };
