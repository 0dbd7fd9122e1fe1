/**
 * The one reading path of `check`, `grade` and `gradescope`: each file is read and graded in a
 * worker thread under the time and memory limits of ingest/limits.ts, so a file that gets past
 * the pre-scans and still sends the reader round a loop fails alone, with a message, in bounded
 * time. The rubric is prepared once, by this thread: the workers get a copy of its GradingSetup and
 * never load the rubric's parser; this thread reads no student file. (Under the test runner the
 * TypeScript sources grade in-process; the built command always uses workers.)
 */
import { availableParallelism } from 'node:os';
import type { GradeResult } from '../grade/result.js';
import { READ_MEMORY_LIMIT_MB, READ_TIME_LIMIT_MS } from '../ingest/limits.js';
import { MESSAGES } from '../ingest/messages.js';
import { startPool } from './batch/pool.js';
import type { FilePath } from './paths.js';
import type { GradingSetup } from './variant-grader.js';
import type { Said } from '../i18n/index.js';

const WORKER_SCRIPT = new URL('./read-worker.js', import.meta.url);
export const CAN_USE_WORKERS = import.meta.url.endsWith('.js');

/** Why a worker gave up on a file, for a person: over the time or the memory limit, or a reader's crash. */
export function budgetMessage(reason: string, limits = { timeMs: READ_TIME_LIMIT_MS, memoryMb: READ_MEMORY_LIMIT_MB }): Said | string {
  if (/timed out/.test(reason)) return MESSAGES.tooSlow(limits.timeMs / 1000);
  if (/out of memory|stopped/.test(reason)) return MESSAGES.tooMuchMemory(limits.memoryMb);
  return MESSAGES.damaged(null);
}

export interface Reading {
  /** Reads and grades `files` as `setup` says (once per Reading: the workers get one setup); `onDone` gets each result as it comes. */
  grade(setup: GradingSetup, files: readonly FilePath[], onDone: (index: number, result: GradeResult) => void): Promise<void>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/**
 * Starts `workers` reading workers now, before the rubric is compiled: they load their modules
 * while this thread compiles, then wait for the setup (`grade` sends it).
 */
export function startReading(workers: number): Reading {
  if (!CAN_USE_WORKERS) return inProcess;
  let send: (setup: GradingSetup) => void = () => {};
  const setup = new Promise<GradingSetup>((resolve) => {
    send = resolve;
  });
  const pool = startPool<FilePath, GradeResult>({
    workers: Math.max(1, workers),
    script: WORKER_SCRIPT,
    workerData: null,
    setup,
    timeoutMs: READ_TIME_LIMIT_MS,
    memoryMb: READ_MEMORY_LIMIT_MB,
    waitForReady: true,
  });
  return {
    async grade(prepared, files, onDone) {
      send(prepared);
      const given: Promise<void>[] = [];
      await pool.run(files, (i, outcome) => {
        if (outcome.ok) onDone(i, outcome.value);
        else given.push(givenUp(prepared, files[i]!, outcome.reason).then((result) => onDone(i, result)));
      });
      await Promise.all(given);
    },
    close: () => pool.close(),
  };
}

/** The result of a file a worker gave up on (the grading code is loaded here only then). */
async function givenUp(setup: GradingSetup, file: FilePath, reason: string): Promise<GradeResult> {
  const { unreadablePath } = await import('./batch/grade-path.js');
  return unreadablePath(setup, file, budgetMessage(reason));
}

const inProcess: Reading = {
  async grade(setup, files, onDone) {
    const [{ gradePath }, { graderFromSetup }] = await Promise.all([import('./batch/grade-path.js'), import('./setup-grader.js')]);
    const grader = await graderFromSetup(setup);
    for (const [i, file] of files.entries()) onDone(i, await gradePath(grader, file));
  },
  close: async () => {},
};

/** Reads and grades `files` in at most one worker per file and per core. */
export async function gradeFiles(setup: GradingSetup, files: readonly FilePath[], onDone: (index: number, result: GradeResult) => void): Promise<void> {
  const reading = startReading(Math.min(files.length, availableParallelism()));
  try {
    await reading.grade(setup, files, onDone);
  } finally {
    await reading.close();
  }
}
