/** The work for one submission in a batch: grade it, render its report, remember the result. */
import { join } from 'node:path';
import type { GradeResult } from '../../grade/result.js';
import { titleIn, type Voice } from '../../i18n/index.js';
import { writeStudentReport } from '../../report/pdf.js';
import { writeAtomic } from '../files.js';
import type { Grader } from '../../grade/grader.js';
import type { FilePath } from '../paths.js';
import { gradePath } from './grade-path.js';
import { referenceOfResult } from '../../variants/grader.js';

export interface BatchSettings {
  readonly rubricPath: string;
  readonly outDir: string;
  /** ISO date printed on reports; pinned for the whole batch so reruns give the same bytes. */
  readonly gradedAt: string;
  readonly pdf: boolean;
  /** The language and words of the reports. */
  readonly voice: Voice;
  /** variants.csv pinning each student's numbers (a rubric with variants), or null. */
  readonly variantsPath: string | null;
}

export interface FileTask {
  /** A Buffer for a name that is not UTF-8 (a Uint8Array once sent to a worker: see revivePath). */
  readonly file: FilePath;
  /** Sanitised, unique within the batch, decided before any file is read. */
  readonly reportName: string;
  /** Where the result is kept so that a rerun can skip this file. */
  readonly cachePath: string;
}

export interface FileDone {
  readonly result: GradeResult;
  /** The report's file name in the output folder, or null when none was written. */
  readonly report: string | null;
}

export async function processFile(grader: Grader, settings: BatchSettings, task: FileTask): Promise<FileDone> {
  const result = await gradePath(grader, task.file);
  let report: string | null = null;
  if (settings.pdf) {
    const { graph, rubric } = referenceOfResult(grader, result);
    const { voice } = settings;
    const options = { revealExpected: rubric.feedback.revealExpected, gradedAt: settings.gradedAt, voice, rubricTitle: titleIn(rubric, voice.language) };
    const bytes = await writeStudentReport(result, graph, options);
    await writeAtomic(join(settings.outDir, task.reportName), bytes);
    report = task.reportName;
  }
  const done: FileDone = { result, report };
  // Written last: a batch killed before this point grades the file again on the next run.
  await writeAtomic(task.cachePath, JSON.stringify(done));
  return done;
}
