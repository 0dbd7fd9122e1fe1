/** What the command line says: its outcomes and its errors, in English. */
import type { Context, Said } from '../types.js';

const plural = (count: number, word: string) => `${word}${count === 1 ? '' : 's'}`;

export const cli = {
  'reference.header': (p: { rubric: string; convention: Said; steps: number }, c: Context) =>
    `rubric ${p.rubric} · convention ${c.say(p.convention)} · ${p.steps} steps`,
  'convention.updated-weights': () => 'updated-weights',
  'convention.standard': () => 'standard',
  'cli.noSpreadsheets': (p: { inputs: readonly string[] }) => `no spreadsheets (.xlsx, .xls, .ods, .csv) in ${p.inputs.join(', ')}`,
  'cli.noSuchPath': (p: { path: string }) => `${p.path}: no such file or folder`,
  'cli.notSpreadsheet': (p: { path: string }) => `${p.path}: not a spreadsheet`,
  'cli.refuseOverwriteSubmission': (p: { path: string }) => `${p.path}: refusing to overwrite a submission`,
  'cli.refuseOverwriteTheSubmission': (p: { path: string }) => `${p.path}: refusing to overwrite the submission`,
  'cli.rubricMissing': (p: { path: string }) => `${p.path}: no such file`,
  'cli.rubricIsFolder': (p: { path: string }) => `${p.path}: is a folder, not a rubric file`,
  'cli.rubricUnreadable': (p: { path: string }) => `${p.path}: cannot be read`,
  'cli.templateNotXlsx': (p: { path: string }) => `${p.path}: the template is written as .xlsx`,
  'cli.templateExists': (p: { path: string }) => `${p.path} exists; pass --force to replace it`,
  'cli.wroteTemplate': (p: { path: string; steps: number }) => `wrote ${p.path}: ${p.steps} steps`,
  'cli.wrote': (p: { path: string }) => `wrote ${p.path}`,
  'cli.wroteGradescope': (p: { path: string; score: number }) => `wrote ${p.path}: score ${p.score}`,
  'cli.graded': (p: { graded: number; files: number; failed: number }) =>
    `graded ${p.graded} of ${p.files} ${plural(p.files, 'file')}${p.failed ? `; ${p.failed} could not be read` : ''}`,
  'cli.gradedInto': (p: { graded: number; files: number; out: string }) => `graded ${p.graded} of ${p.files} submissions into ${p.out}`,
  'cli.upToDate': (p: { skipped: number; files: number }) => `${p.skipped} of ${p.files} submissions are up to date (use --force to grade them again)`,
  'cli.progress': () => 'grading [{bar}] {value}/{total} files · {eta_formatted} left · {failed} unreadable',
  'cli.notGraded': (p: { reason: Said | string }, c: Context) => `could not be graded: ${c.say(p.reason)}`,
  'cli.workerFailed': (p: { detail: Said | string }, c: Context) => `worker failed: ${c.say(p.detail)}`,
  'cli.workerStopped': (p: { code: number }) => `worker stopped (exit code ${p.code})`,
  'cli.workerTimedOut': (p: { seconds: number }) => `worker timed out after ${p.seconds} s`,
  'cli.outOfMemory': () => 'out of memory',
  'cli.rosterUnreadable': (p: { path: string }) => `${p.path}: cannot read the roster`,
  'cli.rosterNotCsv': (p: { path: string; kind: Said }, c: Context) => `${p.path}: not a CSV roster (it looks like ${c.say(p.kind)})`,
  'cli.rosterProblem': (p: { problem: string }) => `roster: ${p.problem}`,
  'cli.noSubmission': (p: { id: string; name: string | null }) => `no submission: ${p.id}${p.name ? ` ${p.name}` : ''}`,
  'cli.notOnRoster': (p: { file: string }) => `not on the roster: ${p.file}`,
  'cli.filesForOne': (p: { id: string; files: readonly string[] }) => `${p.files.length} files for ${p.id}: ${p.files.join(', ')}`,
  'cli.internalError': (p: { message: string }) => `internal error: ${p.message}`,
  'cli.reportBug': () => 'Please report it with the command you ran (set STEPMARK_DEBUG=1 for details).',
};
