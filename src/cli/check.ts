/**
 * `stepmark check <rubric> <file> [--pdf]`: a student's self-check, from a cold process. Its reading
 * worker starts first (main.ts starts it before this module loads) and loads the reader while this
 * thread loads the compiler and compiles the rubric; this thread then loads what shows the result
 * (and pdfkit) while the worker reads and grades.
 */
import { basename, extname, join, resolve } from 'node:path';
import type { GradeResult } from '../grade/result.js';
import { msg, sayWith, titleIn, type Language } from '../i18n/index.js';
import { collectSpreadsheets, writeAtomic } from './files.js';
import { gradingDate } from './grading-date.js';
import { EXIT, UsageError, type Io } from './io.js';
import { CLI_MESSAGES } from './messages.js';
import { checkOutputFile, checkOutputFolder } from './output-paths.js';
import { displayBasename, type FilePath } from './paths.js';
import { startReading, type Reading } from './read-pool.js';
import { loadGradingSetup, type GradingSetup } from './variant-grader.js';
import { commandVoice } from './voice.js';

export interface CheckOptions {
  readonly pdf: string | boolean;
  readonly variants?: string | undefined;
  /** `--id`: with a rubric of variants, grade against this student's numbers whatever the file says. */
  readonly id?: string | undefined;
  readonly lang?: Language;
}

export async function checkCommand(rubricPath: string, file: string, options: CheckOptions, io: Io, reading: Reading = startReading(1)): Promise<number> {
  const { setup, path, result } = await checkOne(reading, rubricPath, file, options, io).finally(() => reading.close());
  const { rubric } = setup.reference;
  const voice = commandVoice(io, rubric, options.lang);
  const say = sayWith(voice);
  // With a rubric of variants, the student's own numbers.
  const { graph } = setup.variants === null ? setup.reference : await (await import('./setup-grader.js')).referenceOfSetup(setup, result);
  const revealExpected = rubric.feedback.revealExpected;
  const [{ checkTable }, { sectionHeading }] = await Promise.all([import('../report/terminal.js'), import('../report/sections.js')]);
  const headings = new Map(graph.sections.map((section) => [section.id, say(sectionHeading(graph, section))]));
  io.stdout(checkTable(result, { revealExpected, color: io.isTTY, say, headings, ...(io.isTTY && io.columns ? { width: io.columns } : {}) }));
  if (options.pdf !== false) {
    const target = typeof options.pdf === 'string' ? options.pdf : await defaultReportPath(result.student.id, path);
    if (typeof path === 'string' && resolve(target) === resolve(path)) throw new UsageError(msg('cli.refuseOverwriteTheSubmission', { path: target }));
    const { writeStudentReport } = await import('../report/pdf.js');
    const bytes = await writeStudentReport(result, graph, { revealExpected, gradedAt: gradingDate(undefined), voice, rubricTitle: titleIn(rubric, voice.language) });
    await writeAtomic(target, bytes);
    io.stdout(`${say(msg('cli.wrote', { path: target }))}\n`);
  }
  return result.error === null ? EXIT.ok : EXIT.someFilesFailed;
}

/** The rubric compiled, the file and the output checked, then the file read and graded by `reading`. */
async function checkOne(reading: Reading, rubricPath: string, file: string, options: CheckOptions, io: Io): Promise<{ setup: GradingSetup; path: FilePath; result: GradeResult }> {
  const setup = await loadGradingSetup(rubricPath, options.variants, io, { studentId: options.id, lang: options.lang });
  const { files } = await collectSpreadsheets([file]);
  const path = files[0];
  if (path === undefined) throw new UsageError(CLI_MESSAGES.notASpreadsheet(file));
  if (typeof options.pdf === 'string') {
    if (typeof path === 'string' && resolve(options.pdf) === resolve(path)) throw new UsageError(CLI_MESSAGES.overwritesSubmission(options.pdf));
    await checkOutputFile(options.pdf, { what: 'pdf', createFolder: true });
  } else if (options.pdf) {
    await checkOutputFolder(REPORTS_FOLDER);
  }
  let result: GradeResult | undefined;
  const graded = reading.grade(setup, [path], (_, one) => {
    result = one;
  });
  await Promise.all([graded, prepareShowing(options.pdf !== false)]);
  return { setup, path, result: result! };
}

/** Loads what shows a result (for a PDF, pdfkit and the fonts too) while the worker reads and grades. */
async function prepareShowing(pdf: boolean): Promise<void> {
  await Promise.all([
    // The first width measured builds string-width's Unicode tables (some 15 ms): done now, not after grading.
    import('../report/terminal.js').then(({ padDisplay }) => padDisplay('—', 1)),
    import('../report/sections.js'),
    pdf ? import('../report/pdf.js').then(({ preparePdf }) => preparePdf()) : undefined,
  ]);
}

const REPORTS_FOLDER = 'reports';

async function defaultReportPath(studentId: string | null, submission: FilePath): Promise<string> {
  const { reportFileName } = await import('../report/sanitize.js');
  const name = displayBasename(submission);
  return join(REPORTS_FOLDER, reportFileName(studentId, basename(name, extname(name)), '.pdf'));
}
