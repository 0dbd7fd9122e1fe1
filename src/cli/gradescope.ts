/**
 * `stepmark gradescope <rubric>`: runs inside Gradescope's autograder. Grades the one spreadsheet
 * in the submission folder and writes `results.json`; a file that cannot be read still gets a
 * results file saying why, with score 0.
 */
import { msg, type Language } from '../i18n/index.js';
import { gradescopeResults } from '../report/gradebook.js';
import { collectSpreadsheets, writeAtomic } from './files.js';
import { EXIT, type Io } from './io.js';
import { checkOutputFile } from './output-paths.js';
import { displayPath } from './paths.js';
import { gradeFiles } from './read-pool.js';
import { loadGradingSetup } from './variant-grader.js';
import type { GradeResult } from '../grade/result.js';
import { commandSay } from './voice.js';

export interface GradescopeOptions {
  readonly submission: string;
  readonly results: string;
  readonly lang?: Language;
  /** variants.csv, for a rubric with per-student numbers. */
  readonly variants?: string;
}

export async function gradescopeCommand(rubricPath: string, options: GradescopeOptions, io: Io): Promise<number> {
  const setup = await loadGradingSetup(rubricPath, options.variants, io, { lang: options.lang });
  await checkOutputFile(options.results, { what: 'gradescope', createFolder: true });
  const { files } = await collectSpreadsheets([options.submission]);
  const revealExpected = setup.reference.rubric.feedback.revealExpected;
  const say = commandSay(io, setup.reference.rubric, options.lang);
  let graded: GradeResult | undefined;
  if (files[0] !== undefined) {
    await gradeFiles(setup, [files[0]], (_, result) => {
      graded = result;
    });
  }
  const results =
    graded === undefined
      ? { score: 0, output: say(msg('gradescope.noSpreadsheet')), visibility: 'visible', stdout_visibility: 'hidden', tests: [] }
      : gradescopeResults(graded, { revealExpected, say });
  const output = files.length > 1 ? { ...results, output: `${results.output}\n${say(msg('gradescope.several', { file: displayPath(files[0]!) }))}` } : results;
  await writeAtomic(options.results, `${JSON.stringify(output, null, 2)}\n`);
  io.stdout(`${say(msg('cli.wroteGradescope', { path: options.results, score: results.score }))}\n`);
  return EXIT.ok;
}
