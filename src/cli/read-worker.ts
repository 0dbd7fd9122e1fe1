/** A reading worker thread: prepares the rubric once, then grades the files it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { gradePath } from './batch/grade-path.js';
import { processIo, type Io } from './io.js';
import { threadStatPath } from './batch/thread-cpu.js';
import { revivePath } from './paths.js';
import { loadGraderFor } from './variant-grader.js';

const { rubricPath, variantsPath, studentId } = workerData as { rubricPath: string; variantsPath?: string; studentId?: string };
const quiet: Io = { stdout: () => {}, stderr: () => {}, readText: processIo.readText, isTTY: false };
const grader = await loadGraderFor(rubricPath, variantsPath, quiet, { quiet: true, studentId });

parentPort?.on('message', (message: { index: number; task: string | Uint8Array }) => {
  gradePath(grader, revivePath(message.task)).then(
    (value) => parentPort?.postMessage({ index: message.index, outcome: { ok: true, value } }),
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      parentPort?.postMessage({ index: message.index, outcome: { ok: false, reason } });
    },
  );
});
parentPort?.postMessage({ ready: true, statPath: threadStatPath() });
