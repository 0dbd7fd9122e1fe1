/**
 * A small pool of worker threads: each takes one task at a time. A worker that runs past the time
 * limit or dies (out of memory on a hostile file, a library crash) is replaced; its task fails
 * alone and the batch goes on. Workers are started when the pool is, so that their start-up (modules,
 * rubric, fonts) overlaps whatever the caller does before it has tasks to give.
 */
import { english, msg, type Message } from '../../i18n/index.js';
import { Worker } from 'node:worker_threads';

/** A failure's `reason` is in English; `note`, when there is one, says it in any language. */
export type Outcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly reason: string; readonly note?: Message };

const failure = (note: Message): Outcome<never> => ({ ok: false, reason: english(note), note });

export interface PoolOptions {
  readonly workers: number;
  readonly script: URL;
  readonly workerData: unknown;
  /** Per task. */
  readonly timeoutMs: number;
  /** Heap limit of each worker, so one file cannot take the machine's memory. */
  readonly memoryMb: number;
}

interface Reply<R> {
  readonly index: number;
  readonly outcome: Outcome<R>;
}

/** Files one worker must have to pay for its start-up (about 1 s of CPU) against ~40 ms a file in one thread. */
export const FILES_PER_WORKER = 25;

/**
 * How many worker threads grade `files` files: none (the main thread grades) for a handful, one per
 * FILES_PER_WORKER files, at most one per core. `requested` (--workers) overrides: 1 is none.
 */
export function workerCount(files: number, cores: number, requested?: number): number {
  const count = requested ?? Math.min(cores, Math.floor(files / FILES_PER_WORKER));
  const useful = Math.min(count, files);
  return useful <= 1 ? 0 : useful;
}

export interface Pool<T, R> {
  /** Runs every task, at most one per worker at a time; `onDone` gets each outcome as it comes. */
  run(tasks: readonly T[], onDone: (index: number, outcome: Outcome<R>) => void): Promise<void>;
  /** Stops every worker. */
  close(): Promise<void>;
}

export function startPool<T, R>(options: PoolOptions): Pool<T, R> {
  const idle: Worker[] = Array.from({ length: Math.max(1, options.workers) }, () => spawn(options));
  // A worker that stopped while it waited for its first task is replaced, not given a task.
  const exited = new WeakSet<Worker>();
  for (const worker of idle) worker.once('exit', () => exited.add(worker));
  const all = new Set(idle);
  return {
    async run(tasks, onDone) {
      let next = 0;
      const slot = async (first: Worker): Promise<void> => {
        let worker: Worker | null = first;
        while (next < tasks.length) {
          const index = next++;
          if (worker === null || exited.has(worker)) all.add((worker = spawn(options)));
          const outcome = await runOne<R>(worker, index, tasks[index]!, options.timeoutMs);
          if (!outcome.ok && outcome.reason.startsWith('worker ')) {
            all.delete(worker);
            void worker.terminate();
            worker = null;
          }
          onDone(index, outcome);
        }
        if (worker !== null) idle.push(worker);
      };
      await Promise.all(idle.splice(0).map(slot));
    },
    async close() {
      await Promise.all([...all].map((worker) => worker.terminate()));
      all.clear();
    },
  };
}

/** Starts a pool of at most `options.workers` workers (no more than there are tasks), runs the tasks, stops it. */
export async function runPool<T, R>(
  tasks: readonly T[],
  options: PoolOptions,
  onDone: (index: number, outcome: Outcome<R>) => void,
): Promise<void> {
  const pool = startPool<T, R>({ ...options, workers: Math.max(1, Math.min(options.workers, tasks.length)) });
  try {
    await pool.run(tasks, onDone);
  } finally {
    await pool.close();
  }
}

function spawn(options: PoolOptions): Worker {
  // The young generation bounded at 32 MB: since reports are drawn from cached layouts, a larger one
  // no longer saves time but holds memory (200 reports, 2 workers: 256 MB → 462 MB peak resident,
  // 32 MB → 373 MB, CPU time the same within noise).
  const worker = new Worker(options.script, {
    workerData: options.workerData,
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 32 },
    stdout: true, // a library's console noise on a damaged file stays out of the terminal
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  // A worker that dies while idle is found out by its next task; until then its error is not a crash.
  worker.on('error', () => {});
  return worker;
}
function runOne<R>(worker: Worker, index: number, task: unknown, timeoutMs: number): Promise<Outcome<R>> {
  return new Promise((resolve) => {
    const finish = (outcome: Outcome<R>) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(outcome);
    };
    const onMessage = (reply: Reply<R>) => {
      if (reply.index === index) finish(reply.outcome);
    };
    const onError = (error: Error) => finish(failure(msg('cli.workerFailed', { detail: describe(error) })));
    const onExit = (code: number) => finish(failure(msg('cli.workerStopped', { code })));
    const timer = setTimeout(() => finish(failure(msg('cli.workerTimedOut', { seconds: timeoutMs / 1000 }))), timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ index, task });
  });
}

function describe(error: Error): Message | string {
  const code = (error as { code?: string }).code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY' ? msg('cli.outOfMemory') : (error.message.split('\n')[0] ?? 'unknown error');
}
