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
import { CLI_MESSAGES } from '../messages.js';
import { plainText } from '../../report/terminal.js';
import type { Grader } from '../../grade/grader.js';
import type { BatchSettings, FileDone } from './job.js';
import { integrityCsv } from '../../variants/csv.js';
import { expectedByStudent } from '../../variants/grader.js';
import { integritySignals } from '../../variants/integrity.js';

export const OUTPUT_FILES = ['results.json', 'grades.csv', 'grades.xlsx', 'canvas.csv', 'summary.pdf', 'integrity.csv'] as const;

export async function writeClassOutputs(
  grader: Grader,
  settings: BatchSettings,
  done: readonly FileDone[],
  rosterPath: string | null,
  io: Io,
): Promise<string[]> {
  const { graph, rubric } = grader.reference;
  const say = sayWith(settings.voice);
  const report: GradeReport = { rubric: rubric.id, results: done.map((d) => d.result) };
  const roster = rosterPath === null ? undefined : await readRoster(rosterPath, report, io, say);
  const sections = graph.sections.map((s) => s.id);
  const steps = graph.steps.map((s) => s.id);
  const maxScore = [...grader.reference.settings.values()].reduce((total, step) => total + step.maxPoints, 0);
  const header = { title: titleIn(rubric, settings.voice.language), gradedAt: settings.gradedAt, rubricId: rubric.id, voice: settings.voice };
  // Signals of copied work: listed for the TA, never changing a score.
  const signals = integritySignals({ results: report.results, settings: grader.reference.settings, expected: expectedByStudent(grader) });
  if (signals.length > 0) io.stdout(`${say(msg('cli.integritySignals', { count: signals.length }))}\n`);
  const outputs: Record<(typeof OUTPUT_FILES)[number], () => string | Uint8Array | Promise<Uint8Array>> = {
    'results.json': () => `${JSON.stringify(report, null, 2)}\n`,
    'grades.csv': () => gradebookCsv(report, sections, steps, roster, say),
    'grades.xlsx': () => gradebookXlsx(report, sections, steps, roster, say),
    'canvas.csv': () => canvasCsv(report, { assignment: rubric.title, pointsPossible: maxScore }, roster),
    'summary.pdf': () => renderClassSummaryPdf(classSummary(report), header, signals),
    'integrity.csv': () => integrityCsv(signals, say),
  };
  // Each output on its own: one failing (a bug, a full disk) never costs the others.
  const failed: string[] = [];
  for (const name of OUTPUT_FILES) {
    try {
      await writeAtomic(join(settings.outDir, name), await outputs[name]());
    } catch (error) {
      failed.push(name);
      const why = msg('cli.writeError', { code: (error as NodeJS.ErrnoException | null)?.code ?? null, message: error instanceof Error ? error.message : String(error) });
      io.stderr(`stepmark: ${say(CLI_MESSAGES.outputFailed(name, why))}\n`);
    }
  }
  return failed;
}

/** Reads the roster and says who handed in nothing, which files match nobody, and who handed in twice. */
async function readRoster(path: string, report: GradeReport, io: Io, say: Say): Promise<readonly RosterEntry[]> {
  const bytes = await readFile(path).catch(() => {
    throw new UsageError(msg('cli.rosterUnreadable', { path }));
  });
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UsageError(msg('cli.rosterNotCsv', { path, kind: decoded.looksLike }));
  const roster = parseRoster(decoded.text, path);
  for (const problem of roster.notes ?? roster.problems) io.stderr(`${plainText(say(msg('cli.rosterProblem', { problem: say(problem) })))}\n`);
  const match = matchRoster(report.results, roster.entries);
  for (const entry of match.missing) io.stdout(`${plainText(say(msg('cli.noSubmission', { id: entry.id, name: entry.name })))}\n`);
  for (const result of match.unmatched) io.stdout(`${say(msg('cli.notOnRoster', { file: plainText(result.file) }))}\n`);
  for (const { student, files } of match.duplicates) io.stdout(`${plainText(say(msg('cli.filesForOne', { id: student.id, files })))}\n`);
  return roster.entries;
}
