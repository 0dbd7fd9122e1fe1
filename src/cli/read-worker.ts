/**
 * A reading worker thread: loads the reader and the grading code, makes its grader from the setup
 * the main thread prepared (the rubric is never compiled here), then grades the files it is sent,
 * one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { gradePath } from './batch/grade-path.js';
import { threadStatPath } from './batch/thread-cpu.js';
import { revivePath } from './paths.js';
import { graderFromParent } from './setup-grader.js';

const grader = await graderFromParent();

parentPort?.on('message', (message: { index: number; task: string | Uint8Array }) => {
  gradePath(grader, revivePath(message.task)).then(
    (value) => parentPort?.postMessage({ index: message.index, outcome: { ok: true, value } }),
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      parentPort?.postMessage({ index: message.index, outcome: { ok: false, reason } });
    },
  );
});
// Ready once the grader is made: the first file's time limit is its own.
parentPort?.postMessage({ ready: true, statPath: threadStatPath() });
