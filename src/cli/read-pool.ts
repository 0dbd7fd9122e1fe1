/**
 * The one reading path of `check`, `grade` and `gradescope`: each file is read and graded in a
 * worker thread under the time and memory limits of ingest/limits.ts, so a file that gets past
 * the pre-scans and still sends the reader round a loop fails alone, with a message, in bounded
 * time. (Under the test runner the TypeScript sources grade in-process; the built command always
 * uses workers.)
 */
import { availableParallelism } from 'node:os';
import type { Grader } from '../grade/grader.js';
import type { GradeResult } from '../grade/result.js';
import { READ_MEMORY_LIMIT_MB, READ_TIME_LIMIT_MS } from '../ingest/limits.js';
import { MESSAGES } from '../ingest/messages.js';
import { gradePath, unreadablePath } from './batch/grade-path.js';
import { runPool } from './batch/pool.js';
import type { FilePath } from './paths.js';
import type { Said } from '../i18n/index.js';

const WORKER_SCRIPT = new URL('./read-worker.js', import.meta.url);
export const CAN_USE_WORKERS = import.meta.url.endsWith('.js');

/** Why a worker gave up on a file, for a person: over the time or the memory limit, or a reader's crash. */
export function budgetMessage(reason: string, limits = { timeMs: READ_TIME_LIMIT_MS, memoryMb: READ_MEMORY_LIMIT_MB }): Said | string {
  if (/timed out/.test(reason)) return MESSAGES.tooSlow(limits.timeMs / 1000);
  if (/out of memory|stopped/.test(reason)) return MESSAGES.tooMuchMemory(limits.memoryMb);
  return MESSAGES.damaged(null);
}

export async function gradeFiles(
  grader: Grader,
  source: { rubricPath: string; variantsPath?: string | undefined; studentId?: string | undefined },
  files: readonly FilePath[],
  onDone: (index: number, result: GradeResult) => void,
): Promise<void> {
  if (!CAN_USE_WORKERS) {
    for (const [i, file] of files.entries()) onDone(i, await gradePath(grader, file));
    return;
  }
  const pool = {
    workers: Math.min(files.length, availableParallelism()),
    script: WORKER_SCRIPT,
    workerData: source,
    timeoutMs: READ_TIME_LIMIT_MS,
    memoryMb: READ_MEMORY_LIMIT_MB,
    waitForReady: true,
  };
  await runPool<FilePath, GradeResult>(files, pool, (i, outcome) =>
    onDone(i, outcome.ok ? outcome.value : unreadablePath(grader, files[i]!, budgetMessage(outcome.reason))),
  );
}
