/** Problems with a rubric: every one is collected, located and reported at once. */
import { english, msg, type Said, type Say } from '../i18n/index.js';

export type PathKey = string | number;

/** A problem found by any check, pointing into the rubric by key path. */
export interface Problem {
  readonly path: readonly PathKey[];
  /** In English; `note` says it in any language. */
  readonly message: string;
  readonly note?: Said;
}

/** A problem at `path`, its message said in English with the message kept (so it is said in any language). */
export const problemAt = (path: readonly PathKey[], note: Said): Problem => ({ path, message: english(note), note });

/** A problem with its place in the file, ready to show a person. */
export interface LocatedProblem extends Problem {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
}

/** `layers[2].kernels.values` — the key path as a TA would type it. */
export function formatPath(path: readonly PathKey[], say: Say = english): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text === '' ? key : `.${key}`;
  return text === '' ? say(msg('rubric.topLevel')) : text;
}

export function formatProblem(problem: LocatedProblem, say: Say = english): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  return `${where}: ${formatPath(problem.path, say)}: ${say(problem.note ?? problem.message)}`;
}

/** The error as the command line prints it: the count, then one problem a line. */
export function rubricErrorText(file: string, problems: readonly LocatedProblem[], say: Say = english): string {
  return `${say(msg('rubric.problems', { file, count: problems.length }))}\n${problems.map((p) => `  ${formatProblem(p, say)}`).join('\n')}`;
}

export class RubricError extends Error {
  readonly code = 'RUBRIC_INVALID' as const;
  constructor(
    readonly file: string,
    readonly problems: readonly LocatedProblem[],
  ) {
    super(rubricErrorText(file, problems));
    this.name = 'RubricError';
  }
}

export function isRubricError(error: unknown): error is RubricError {
  return error instanceof RubricError;
}
