/** `stepmark grade <rubric> <files or folders...> [--json out.json]` and `stepmark check <rubric> <file>`. */
import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { GradeReport, GradeResult } from '../grade/result.js';
import { msg, sayWith, titleIn, type Language } from '../i18n/index.js';
import { localizeResult } from '../report/localize.js';
import { writeStudentReport } from '../report/pdf.js';
import { sectionHeading } from '../report/sections.js';
import { reportFileName } from '../report/sanitize.js';
import { checkTable, summaryLine } from '../report/terminal.js';
import { gradingDate } from './grading-date.js';
import { gradePath } from './batch/grade-path.js';
import { collectSpreadsheets, noSpreadsheets, writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';
import { loadGrader } from './rubric-file.js';
import { commandVoice } from './voice.js';

export async function gradeCommand(rubricPath: string, inputs: readonly string[], options: { json?: string; lang?: Language }, io: Io): Promise<number> {
  const grader = await loadGrader(rubricPath, io);
  const say = sayWith(commandVoice(io, grader.reference.rubric, options.lang));
  const files = await collectSpreadsheets(inputs);
  if (files.length === 0) throw noSpreadsheets(inputs);
  const results: GradeResult[] = [];
  for (const file of files) {
    const result = localizeResult(await gradePath(grader, file), say);
    results.push(result);
    io.stdout(`${summaryLine(result, say)}\n`);
  }
  if (options.json !== undefined) {
    if (files.some((file) => resolve(file) === resolve(options.json!))) throw new UsageError(msg('cli.refuseOverwriteSubmission', { path: options.json }));
    const report: GradeReport = { rubric: grader.reference.rubric.id, results };
    await writeAtomic(options.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  const failed = results.filter((r) => r.error !== null).length;
  io.stdout(`${say(msg('cli.graded', { graded: results.length - failed, files: results.length, failed }))}\n`);
  return failed > 0 ? EXIT.someFilesFailed : EXIT.ok;
}

export async function checkCommand(rubricPath: string, file: string, options: { pdf: string | boolean; lang?: Language }, io: Io): Promise<number> {
  const grader = await loadGrader(rubricPath, io);
  const voice = commandVoice(io, grader.reference.rubric, options.lang);
  const say = sayWith(voice);
  const [path] = await collectSpreadsheets([file]);
  if (path === undefined) throw new UsageError(msg('cli.notSpreadsheet', { path: file }));
  const result = await gradePath(grader, path);
  const { graph, rubric } = grader.reference;
  const revealExpected = rubric.feedback.revealExpected;
  const headings = new Map(graph.sections.map((section) => [section.id, say(sectionHeading(graph, section))]));
  io.stdout(checkTable(result, { revealExpected, color: io.isTTY, say, headings }));
  if (options.pdf !== false) {
    const target = typeof options.pdf === 'string' ? options.pdf : defaultReportPath(result.student.id, path);
    if (resolve(target) === resolve(path)) throw new UsageError(msg('cli.refuseOverwriteTheSubmission', { path: target }));
    await mkdir(dirname(target), { recursive: true });
    const bytes = await writeStudentReport(result, graph, { revealExpected, gradedAt: gradingDate(undefined), voice, rubricTitle: titleIn(rubric, voice.language) });
    await writeAtomic(target, bytes);
    io.stdout(`${say(msg('cli.wrote', { path: target }))}\n`);
  }
  return result.error === null ? EXIT.ok : EXIT.someFilesFailed;
}

function defaultReportPath(studentId: string | null, submission: string): string {
  return join('reports', reportFileName(studentId, basename(submission, extname(submission)), '.pdf'));
}
