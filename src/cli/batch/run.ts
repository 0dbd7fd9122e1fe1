/**
 * `stepmark grade <rubric> <folders...> --out reports/`: a whole class. Grades in parallel worker
 * threads, writes each report atomically, skips what is up to date, never touches a submission,
 * and writes the gradebooks and the class summary from every result.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, extname, join, resolve, sep } from 'node:path';
import type { Grader } from '../../grade/grader.js';
import { READ_MEMORY_LIMIT_MB, READ_TIME_LIMIT_MS, REPORT_MEMORY_ALLOWANCE_MB, REPORT_TIME_ALLOWANCE_MS } from '../../ingest/limits.js';
import { studentFromFileName } from '../../ingest/student.js';
import { reportFileName, uniqueNames } from '../../report/sanitize.js';
import { summaryLine } from '../../report/terminal.js';
import { msg, sayWith, type Language, type Said } from '../../i18n/index.js';
import { localizeResult } from '../../report/localize.js';
import { commandVoice } from '../voice.js';
import { collectSpreadsheets, noSpreadsheets, removeStaleTemporaries, type Skipped } from '../files.js';
import { gradingDate } from '../grading-date.js';
import { EXIT, type Io } from '../io.js';
import { loadGradingSetup } from '../variant-grader.js';
import { graderFromSetup } from '../setup-grader.js';
import { CLI_MESSAGES } from '../messages.js';
import { checkOutputFolder } from '../output-paths.js';
import { displayBasename, displayPath, type FilePath } from '../paths.js';
import { budgetMessage } from '../read-pool.js';
import { unreadablePath } from './grade-path.js';
import { CACHE_FOLDER, cacheKey, readCached } from './cache.js';
import { processFile, type BatchSettings, type FileDone, type FileTask } from './job.js';
import { OUTPUT_FILES, writeClassOutputs } from './outputs.js';
import { startPool, workerCount, type Pool } from './pool.js';
import { createProgress } from './progress.js';

export interface BatchOptions {
  readonly out: string;
  readonly force?: boolean;
  readonly workers?: number;
  readonly roster?: string;
  /** YYYY-MM-DD printed on the reports; default: SOURCE_DATE_EPOCH, else today. */
  readonly date?: string;
  readonly pdf?: boolean;
  readonly lang?: Language;
  /** variants.csv: each student's numbers, for a rubric with variants. */
  readonly variants?: string;
}

const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
/** Compiled code runs workers; the TypeScript sources (under the test runner) grade in-process. */
const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);
const CAN_USE_WORKERS = import.meta.url.endsWith('.js');
/** Reading, grading and the report share the reading budget (limits.ts): a hostile file fails alone, fast. */
const LIMITS = { timeMs: READ_TIME_LIMIT_MS + REPORT_TIME_ALLOWANCE_MS, memoryMb: READ_MEMORY_LIMIT_MB + REPORT_MEMORY_ALLOWANCE_MB };
const POOL = { script: WORKER_SCRIPT, timeoutMs: LIMITS.timeMs, memoryMb: LIMITS.memoryMb, waitForReady: true };

export async function batchCommand(rubricPath: string, inputs: readonly string[], options: BatchOptions, io: Io): Promise<number> {
  const setup = await loadGradingSetup(rubricPath, options.variants, io, { lang: options.lang });
  const grader = await graderFromSetup(setup);
  await checkOutputFolder(options.out);
  const outDir = resolve(options.out);
  const collected = await collectSpreadsheets(inputs);
  const files = collected.files.filter((file) => !isInside(resolve(displayPath(file)), outDir));
  if (files.length === 0) throw noSpreadsheets(inputs);
  const voice = commandVoice(io, grader.reference.rubric, options.lang);
  const variantsPath = options.variants === undefined ? null : resolve(options.variants);
  const settings: BatchSettings = { rubricPath, outDir, gradedAt: gradingDate(options.date), pdf: options.pdf ?? true, voice, variantsPath };
  // Workers start now: their start-up overlaps the reading of the cache below.
  // At least one worker: a file is never read outside the reading budget, however few there are.
  const workers = CAN_USE_WORKERS ? Math.max(1, workerCount(files.length, availableParallelism(), options.workers)) : 0;
  const pool = workers > 0 ? startPool<FileTask, FileDone>({ ...POOL, workers, workerData: settings, setup: Promise.resolve(setup) }) : null;
  try {
    return await gradeBatch(grader, collected.skipped, files, settings, pool, options, io);
  } finally {
    await pool?.close();
  }
}

async function gradeBatch(grader: Grader, skippedEntries: Skipped, files: readonly FilePath[], settings: BatchSettings, pool: Pool<FileTask, FileDone> | null, options: BatchOptions, io: Io): Promise<number> {
  const { outDir, rubricPath } = settings;
  await mkdir(join(outDir, CACHE_FOLDER), { recursive: true });
  // A run killed mid-write leaves temporaries; the outputs must end as one clean run's.
  await Promise.all([outDir, join(outDir, CACHE_FOLDER)].map(removeStaleTemporaries));
  const say = sayWith(settings.voice);
  // A changed variants.csv grades everyone again, as a changed rubric does.
  const variantsText = settings.variantsPath === null ? '' : `\0${readFileSync(settings.variantsPath, 'utf8')}`;
  const tasks = await planTasks(files, settings, readFileSync(rubricPath, 'utf8') + variantsText);

  const done = await Promise.all(tasks.map((t) => (options.force ? null : readCached(t.cachePath, outDir))));
  const pending = tasks.map((_, k) => k).filter((k) => done[k] === null);
  const skipped = tasks.length - pending.length;
  if (skipped > 0) io.stdout(`${say(msg('cli.upToDate', { skipped, files: tasks.length }))}\n`);

  const progress = createProgress(io, pending.length, say);
  const record = (k: number, value: FileDone) => {
    done[k] = value;
    progress.done(summaryLine(value.result, say), value.result.error !== null);
  };
  await gradeAll(grader, settings, pending.map((k) => tasks[k]!), pool, (i, value) => record(pending[i]!, value));
  progress.stop();

  const all = done.map((d) => ({ ...d!, result: localizeResult(d!.result, say) }));
  const outputsFailed = await writeClassOutputs(grader, settings, all, options.roster ?? null, io);
  const failed = all.filter((d) => d.result.error !== null);
  for (const d of failed) io.stderr(`${summaryLine(d.result, say)}\n`);
  const passedOver = CLI_MESSAGES.skipped(skippedEntries);
  io.stdout(`${say(msg('cli.gradedInto', { graded: all.length - failed.length, files: all.length, out: options.out, skipped: passedOver }))}\n`);
  if (outputsFailed.length > 0) return EXIT.internal;
  return failed.length > 0 ? EXIT.someFilesFailed : EXIT.ok;
}

async function gradeAll(
  grader: Grader,
  settings: BatchSettings,
  tasks: readonly FileTask[],
  pool: Pool<FileTask, FileDone> | null,
  onDone: (index: number, value: FileDone) => void,
): Promise<void> {
  const failure = (task: FileTask, reason: Said | string): FileDone => ({ result: unreadablePath(grader, task.file, reason), report: null });
  if (pool === null) {
    for (const [i, task] of tasks.entries()) {
      onDone(i, await processFile(grader, settings, task).catch((error: unknown) => failure(task, String(error))));
    }
    return;
  }
  await pool.run(tasks, (i, outcome) =>
    onDone(i, outcome.ok ? outcome.value : failure(tasks[i]!, budgetMessage(outcome.reason, LIMITS))),
  );
}

/** Report names from the file names' student ids (or the file names), unique, before anything is read. */
async function planTasks(files: readonly FilePath[], settings: BatchSettings, rubricText: string): Promise<FileTask[]> {
  // The class outputs come first, so a student whose id is "summary" gets "summary (2).pdf".
  const names = uniqueNames([
    ...OUTPUT_FILES,
    ...files.map((file) => reportFileName(studentFromFileName(displayBasename(file)).id, basename(displayBasename(file), extname(displayBasename(file))), '.pdf')),
  ]).slice(OUTPUT_FILES.length);
  return Promise.all(
    files.map(async (file, k) => {
      const reportName = names[k]!;
      // The report's language is part of what is written: another --lang renders the report again.
      const options = { pdf: settings.pdf ? 'yes' : 'no', lang: JSON.stringify(settings.voice) };
      const key = await cacheKey({ rubricText, version: VERSION, gradedAt: settings.gradedAt, file, reportName, options });
      return { file, reportName, cachePath: join(settings.outDir, CACHE_FOLDER, `${key}.json`) };
    }),
  );
}


const isInside = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);
