/**
 * A batch worker thread: makes its grader from the main thread's setup (and, for PDFs, loads pdfkit and the fonts) once, then grades
 * the files it is sent, one at a time: it holds at most one report's PDF, which it writes itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { preparePdf } from '../../report/pdf.js';
import { revivePath } from '../paths.js';
import { graderFromParent } from '../setup-grader.js';
import { processFile, type BatchSettings, type FileTask } from './job.js';
import { threadStatPath } from './thread-cpu.js';

const settings = workerData as BatchSettings;
// The rubric is compiled by the main thread, once; this thread makes its grader from a copy.
const [grader] = await Promise.all([graderFromParent(), settings.pdf ? preparePdf() : undefined]);

parentPort?.on('message', (message: { index: number; task: FileTask }) => {
  processFile(grader, settings, { ...message.task, file: revivePath(message.task.file) }).then(
    (value) => parentPort?.postMessage({ index: message.index, outcome: { ok: true, value } }),
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      parentPort?.postMessage({ index: message.index, outcome: { ok: false, reason } });
    },
  );
});
// Ready once the rubric and the fonts are loaded: the first file's time limit is its own.
parentPort?.postMessage({ ready: true, statPath: threadStatPath() });
