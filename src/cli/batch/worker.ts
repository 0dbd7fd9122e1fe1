/** A batch worker thread: prepares the rubric once, then grades the files it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Io } from '../io.js';
import { prepare } from '../reference-load.js';
import { processFile, type BatchSettings, type FileTask } from './job.js';
import { readFile } from 'node:fs/promises';

const settings = workerData as BatchSettings;
const quiet: Io = { stdout: () => {}, stderr: () => {}, readText: (path) => readFile(path, 'utf8'), isTTY: false };
const prepared = await prepare(settings.rubricPath, quiet);

parentPort?.on('message', (message: { index: number; task: FileTask }) => {
  processFile(prepared, settings, message.task).then(
    (value) => parentPort?.postMessage({ index: message.index, outcome: { ok: true, value } }),
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      parentPort?.postMessage({ index: message.index, outcome: { ok: false, reason } });
    },
  );
});
