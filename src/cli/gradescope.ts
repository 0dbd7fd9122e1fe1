/**
 * `stepmark gradescope <rubric>`: runs inside Gradescope's autograder. Grades the one spreadsheet
 * in the submission folder and writes `results.json`; a file that cannot be read still gets a
 * results file saying why, with score 0.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gradescopeResults } from '../report/gradebook.js';
import { gradePath } from './batch/grade-path.js';
import { collectSpreadsheets, writeAtomic } from './files.js';
import { EXIT, type Io } from './io.js';
import { loadGraderFor } from './variant-grader.js';

export interface GradescopeOptions {
  readonly submission: string;
  readonly results: string;
  /** variants.csv, for a rubric with per-student numbers. */
  readonly variants?: string;
}

export async function gradescopeCommand(rubricPath: string, options: GradescopeOptions, io: Io): Promise<number> {
  const grader = await loadGraderFor(rubricPath, options.variants, io);
  const files = await collectSpreadsheets([options.submission]);
  const revealExpected = grader.reference.rubric.feedback.revealExpected;
  const results =
    files[0] === undefined
      ? { score: 0, output: 'No spreadsheet (.xlsx, .xls, .ods, .csv) was found in the submission.', visibility: 'visible', stdout_visibility: 'hidden', tests: [] }
      : gradescopeResults(await gradePath(grader, files[0]), { revealExpected });
  const output = files.length > 1 ? { ...results, output: `${results.output}\nSeveral spreadsheets were submitted; graded ${files[0]}.` } : results;
  await mkdir(dirname(options.results), { recursive: true });
  await writeAtomic(options.results, `${JSON.stringify(output, null, 2)}\n`);
  io.stdout(`wrote ${options.results}: score ${results.score}\n`);
  return EXIT.ok;
}
