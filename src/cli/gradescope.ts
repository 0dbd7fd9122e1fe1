/**
 * `stepmark gradescope <rubric>`: runs inside Gradescope's autograder. Grades the one spreadsheet
 * in the submission folder and writes `results.json`; a file that cannot be read still gets a
 * results file saying why, with score 0.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { msg, type Language } from '../i18n/index.js';
import { gradescopeResults } from '../report/gradebook.js';
import { gradePath } from './batch/grade-path.js';
import { collectSpreadsheets, writeAtomic } from './files.js';
import { EXIT, type Io } from './io.js';
import { loadGrader } from './rubric-file.js';
import { commandSay } from './voice.js';

export interface GradescopeOptions {
  readonly submission: string;
  readonly results: string;
  readonly lang?: Language;
}

export async function gradescopeCommand(rubricPath: string, options: GradescopeOptions, io: Io): Promise<number> {
  const grader = await loadGrader(rubricPath, io);
  const files = await collectSpreadsheets([options.submission]);
  const revealExpected = grader.reference.rubric.feedback.revealExpected;
  const say = commandSay(io, grader.reference.rubric, options.lang);
  const results =
    files[0] === undefined
      ? { score: 0, output: say(msg('gradescope.noSpreadsheet')), visibility: 'visible', stdout_visibility: 'hidden', tests: [] }
      : gradescopeResults(await gradePath(grader, files[0]), { revealExpected, say });
  const output = files.length > 1 ? { ...results, output: `${results.output}\n${say(msg('gradescope.several', { file: files[0]! }))}` } : results;
  await mkdir(dirname(options.results), { recursive: true });
  await writeAtomic(options.results, `${JSON.stringify(output, null, 2)}\n`);
  io.stdout(`${say(msg('cli.wroteGradescope', { path: options.results, score: results.score }))}\n`);
  return EXIT.ok;
}
