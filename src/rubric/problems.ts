/** Problems with a rubric: every one is collected, located and reported at once. */

export type PathKey = string | number;

/** A problem found by any check, pointing into the rubric by key path. */
export interface Problem {
  readonly path: readonly PathKey[];
  readonly message: string;
}

/** A problem with its place in the file, ready to show a person. */
export interface LocatedProblem extends Problem {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
}

/** `layers[2].kernels.values` — the key path as a TA would type it. */
export function formatPath(path: readonly PathKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text === '' ? key : `.${key}`;
  return text === '' ? '(top level)' : text;
}

export function formatProblem(problem: LocatedProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  return `${where}: ${formatPath(problem.path)}: ${problem.message}`;
}

export class RubricError extends Error {
  readonly code = 'RUBRIC_INVALID' as const;
  constructor(
    readonly file: string,
    readonly problems: readonly LocatedProblem[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${file}: ${count}\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'RubricError';
  }
}

export function isRubricError(error: unknown): error is RubricError {
  return error instanceof RubricError;
}
