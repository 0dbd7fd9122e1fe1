/** Messages between the page and its grading worker: plain data (structured clone), nothing else. */
import type { ReportModel } from '../../report/model.js';
import type { Lang } from '../words.js';

export type ToWorker =
  | { readonly type: 'init'; readonly rubricText: string; readonly rubricFile: string }
  | { readonly type: 'grade'; readonly id: number; readonly file: File; readonly lang: Lang; readonly gradedAt: string };

export interface RubricInfo {
  /** The rubric's title in each language. */
  readonly titles: Readonly<Record<Lang, string>>;
  readonly rubricId: string;
  /** The empty template (`stepmark template --lang`) in each language, made once with the rubric: offered without asking the worker again. */
  readonly templates: Readonly<Record<Lang, Uint8Array>>;
}

export type FromWorker =
  | { readonly type: 'ready'; readonly info: RubricInfo }
  /** The report model only: it holds expected values just where the rubric reveals them. */
  | { readonly type: 'graded'; readonly id: number; readonly model: ReportModel }
  /** A bug or a broken rubric, not a bad file (a bad file is a result with its `error`). */
  | { readonly type: 'failed'; readonly id: number | null; readonly message: string };
