/** `stepmark grade <rubric> <files or folders...> [--json out.json]` and `stepmark check <rubric> <file>`. */
import { basename, extname, join, resolve } from 'node:path';
import type { GradeReport, GradeResult } from '../grade/result.js';
import { msg, sayWith, titleIn, type Language } from '../i18n/index.js';
import { localizeResult } from '../report/localize.js';
import { writeStudentReport } from '../report/pdf.js';
import { sectionHeading } from '../report/sections.js';
import { reportFileName } from '../report/sanitize.js';
import { checkTable, summaryLine } from '../report/terminal.js';
import { gradingDate } from './grading-date.js';
import { collectSpreadsheets, noSpreadsheets, writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';
import { CLI_MESSAGES } from './messages.js';
import { checkOutputFile, checkOutputFolder } from './output-paths.js';
import { displayBasename, type FilePath } from './paths.js';
import { gradeFiles } from './read-pool.js';
import { loadGraderFor } from './variant-grader.js';
import { referenceOfResult } from '../variants/grader.js';
import { commandVoice } from './voice.js';

export async function gradeCommand(rubricPath: string, inputs: readonly string[], options: { json?: string; variants?: string; lang?: Language }, io: Io): Promise<number> {
  const grader = await loadGraderFor(rubricPath, options.variants, io, { lang: options.lang });
  const say = sayWith(commandVoice(io, grader.reference.rubric, options.lang));
  const { files, skipped } = await collectSpreadsheets(inputs);
  if (files.length === 0) throw noSpreadsheets(inputs);
  if (options.json !== undefined) {
    const target = resolve(options.json);
    if (files.some((file) => typeof file === 'string' && resolve(file) === target)) throw new UsageError(CLI_MESSAGES.overwritesSubmission(options.json));
    await checkOutputFile(options.json, { what: 'json', createFolder: false });
  }
  // Printed in the order of the files, whichever worker finishes first.
  const results: (GradeResult | undefined)[] = files.map(() => undefined);
  let printed = 0;
  await gradeFiles(grader, { rubricPath, variantsPath: options.variants }, files, (i, result) => {
    results[i] = localizeResult(result, say);
    for (; printed < results.length && results[printed] !== undefined; printed++) io.stdout(`${summaryLine(results[printed]!, say)}\n`);
  });
  const graded = results.map((result) => result!);
  if (options.json !== undefined) {
    const report: GradeReport = { rubric: grader.reference.rubric.id, results: graded };
    await writeAtomic(options.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  const failed = graded.filter((r) => r.error !== null).length;
  io.stdout(`${say(msg('cli.graded', { graded: graded.length - failed, files: graded.length, failed, skipped: CLI_MESSAGES.skipped(skipped) }))}\n`);
  return failed > 0 ? EXIT.someFilesFailed : EXIT.ok;
}

export async function checkCommand(rubricPath: string, file: string, options: { pdf: string | boolean; variants?: string; id?: string; lang?: Language }, io: Io): Promise<number> {
  const grader = await loadGraderFor(rubricPath, options.variants, io, { studentId: options.id, lang: options.lang });
  const voice = commandVoice(io, grader.reference.rubric, options.lang);
  const say = sayWith(voice);
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
  await gradeFiles(grader, { rubricPath, variantsPath: options.variants, studentId: options.id }, [path], (_, graded) => {
    result = graded;
  });
  const { rubric } = grader.reference;
  const { graph } = referenceOfResult(grader, result!);
  const revealExpected = rubric.feedback.revealExpected;
  const headings = new Map(graph.sections.map((section) => [section.id, say(sectionHeading(graph, section))]));
  io.stdout(checkTable(result!, { revealExpected, color: io.isTTY, say, headings }));
  if (options.pdf !== false) {
    const target = typeof options.pdf === 'string' ? options.pdf : defaultReportPath(result!.student.id, path);
    if (typeof path === 'string' && resolve(target) === resolve(path)) throw new UsageError(msg('cli.refuseOverwriteTheSubmission', { path: target }));
    const bytes = await writeStudentReport(result!, graph, { revealExpected, gradedAt: gradingDate(undefined), voice, rubricTitle: titleIn(rubric, voice.language) });
    await writeAtomic(target, bytes);
    io.stdout(`${say(msg('cli.wrote', { path: target }))}\n`);
  }
  return result!.error === null ? EXIT.ok : EXIT.someFilesFailed;
}

const REPORTS_FOLDER = 'reports';

function defaultReportPath(studentId: string | null, submission: FilePath): string {
  const name = displayBasename(submission);
  return join(REPORTS_FOLDER, reportFileName(studentId, basename(name, extname(name)), '.pdf'));
}
