/** `stepmark grade <rubric> <files or folders...> [--json out.json]` and `stepmark check <rubric> <file>`. */
import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { GradeReport, GradeResult } from '../grade/result.js';
import { writeStudentReport } from '../report/pdf.js';
import { reportFileName } from '../report/sanitize.js';
import { checkTable, summaryLine } from '../report/terminal.js';
import { gradingDate } from './grading-date.js';
import { gradePath } from './batch/grade-path.js';
import { collectSpreadsheets, noSpreadsheets, writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';
import { loadGraderFor } from './variant-grader.js';
import { referenceOfResult } from '../variants/grader.js';

export async function gradeCommand(rubricPath: string, inputs: readonly string[], options: { json?: string; variants?: string }, io: Io): Promise<number> {
  const grader = await loadGraderFor(rubricPath, options.variants, io);
  const files = await collectSpreadsheets(inputs);
  if (files.length === 0) throw noSpreadsheets(inputs);
  const results: GradeResult[] = [];
  for (const file of files) {
    const result = await gradePath(grader, file);
    results.push(result);
    io.stdout(`${summaryLine(result)}\n`);
  }
  if (options.json !== undefined) {
    if (files.some((file) => resolve(file) === resolve(options.json!))) throw new UsageError(`${options.json}: refusing to overwrite a submission`);
    const report: GradeReport = { rubric: grader.reference.rubric.id, results };
    await writeAtomic(options.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  const failed = results.filter((r) => r.error !== null).length;
  io.stdout(`graded ${results.length - failed} of ${results.length} file${results.length === 1 ? '' : 's'}${failed ? `; ${failed} could not be read` : ''}\n`);
  return failed > 0 ? EXIT.someFilesFailed : EXIT.ok;
}

export async function checkCommand(rubricPath: string, file: string, options: { pdf: string | boolean; variants?: string }, io: Io): Promise<number> {
  const grader = await loadGraderFor(rubricPath, options.variants, io);
  const [path] = await collectSpreadsheets([file]);
  if (path === undefined) throw new UsageError(`${file}: not a spreadsheet`);
  const result = await gradePath(grader, path);
  const revealExpected = grader.reference.rubric.feedback.revealExpected;
  io.stdout(checkTable(result, { revealExpected, color: io.isTTY }));
  if (options.pdf !== false) {
    const target = typeof options.pdf === 'string' ? options.pdf : defaultReportPath(result.student.id, path);
    if (resolve(target) === resolve(path)) throw new UsageError(`${target}: refusing to overwrite the submission`);
    await mkdir(dirname(target), { recursive: true });
    const bytes = await writeStudentReport(result, referenceOfResult(grader, result).graph, { revealExpected, gradedAt: gradingDate(undefined) });
    await writeAtomic(target, bytes);
    io.stdout(`wrote ${target}\n`);
  }
  return result.error === null ? EXIT.ok : EXIT.someFilesFailed;
}

function defaultReportPath(studentId: string | null, submission: string): string {
  return join('reports', reportFileName(studentId, basename(submission, extname(submission)), '.pdf'));
}
