/** After a batch: the JSON results, the gradebooks (CSV, XLSX, Canvas), the class summary PDF and the roster check. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeReport } from '../../grade/result.js';
import { msg, sayWith, titleIn, type Say } from '../../i18n/index.js';
import { decodeText } from '../../ingest/text.js';
import { classSummary } from '../../report/class-summary.js';
import { canvasCsv, gradebookCsv, gradebookXlsx } from '../../report/gradebook.js';
import { matchRoster, parseRoster, type RosterEntry } from '../../report/roster.js';
import { renderClassSummaryPdf } from '../../report/summary-pdf.js';
import { writeAtomic } from '../files.js';
import { UsageError, type Io } from '../io.js';
import type { Grader } from '../../grade/grader.js';
import type { BatchSettings, FileDone } from './job.js';

export const OUTPUT_FILES = ['results.json', 'grades.csv', 'grades.xlsx', 'canvas.csv', 'summary.pdf'] as const;

export async function writeClassOutputs(
  grader: Grader,
  settings: BatchSettings,
  done: readonly FileDone[],
  rosterPath: string | null,
  io: Io,
): Promise<void> {
  const { graph, rubric } = grader.reference;
  const say = sayWith(settings.voice);
  const report: GradeReport = { rubric: rubric.id, results: done.map((d) => d.result) };
  const roster = rosterPath === null ? undefined : await readRoster(rosterPath, report, io, say);
  const sections = graph.sections.map((s) => s.id);
  const steps = graph.steps.map((s) => s.id);
  const maxScore = [...grader.reference.settings.values()].reduce((total, step) => total + step.maxPoints, 0);
  const write = (name: (typeof OUTPUT_FILES)[number], data: string | Uint8Array) => writeAtomic(join(settings.outDir, name), data);
  await write('results.json', `${JSON.stringify(report, null, 2)}\n`);
  await write('grades.csv', gradebookCsv(report, sections, steps, roster, say));
  await write('grades.xlsx', gradebookXlsx(report, sections, steps, roster, say));
  await write('canvas.csv', canvasCsv(report, { assignment: rubric.title, pointsPossible: maxScore }, roster));
  const header = { title: titleIn(rubric, settings.voice.language), gradedAt: settings.gradedAt, rubricId: rubric.id, voice: settings.voice };
  await write('summary.pdf', await renderClassSummaryPdf(classSummary(report), header));
}

/** Reads the roster and says who handed in nothing, which files match nobody, and who handed in twice. */
async function readRoster(path: string, report: GradeReport, io: Io, say: Say): Promise<readonly RosterEntry[]> {
  const bytes = await readFile(path).catch(() => {
    throw new UsageError(msg('cli.rosterUnreadable', { path }));
  });
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UsageError(msg('cli.rosterNotCsv', { path, kind: decoded.looksLike }));
  const roster = parseRoster(decoded.text, path);
  for (const problem of roster.notes ?? roster.problems) io.stderr(`${say(msg('cli.rosterProblem', { problem: say(problem) }))}\n`);
  const match = matchRoster(report.results, roster.entries);
  for (const entry of match.missing) io.stdout(`${say(msg('cli.noSubmission', { id: entry.id, name: entry.name }))}\n`);
  for (const result of match.unmatched) io.stdout(`${say(msg('cli.notOnRoster', { file: result.file }))}\n`);
  for (const { student, files } of match.duplicates) io.stdout(`${say(msg('cli.filesForOne', { id: student.id, files }))}\n`);
  return roster.entries;
}
