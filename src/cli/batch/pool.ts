/**
 * A small pool of worker threads: each takes one task at a time. A worker that runs past the time
 * limit or dies (out of memory on a hostile file, a library crash) is replaced; its task fails
 * alone and the batch goes on. Workers are started when the pool is, so that their start-up (modules,
 * fonts) overlaps whatever the caller does before it has tasks to give (`check` compiles the rubric).
 */
import { english, msg, type Message } from '../../i18n/index.js';
import { Worker } from 'node:worker_threads';
import { threadCpuSeconds } from './thread-cpu.js';

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
  /**
   * The worker posts `{ ready: true, statPath }` once it has loaded (the rubric): a task's time
   * limit starts then, so a slow start on a busy machine is never charged to the first file. With
   * its thread's stat file (thread-cpu.ts), `timeoutMs` counts the thread's CPU time, and wall
   * time only past `WALL_TIME_FACTOR` times it (a task waiting on nothing).
   */
  readonly waitForReady?: boolean;
  /**
   * Posted to each worker, as `{ setup }`, once it resolves: what the worker needs that this thread
   * prepares (the compiled rubric), so that a pool started early loads its modules meanwhile.
   */
  readonly setup?: Promise<unknown>;
}

/** How much longer than the CPU time limit a task may take by the clock, on a busy machine. */
export const WALL_TIME_FACTOR = 4;

interface Reply<R> {
  readonly index: number;
  readonly outcome: Outcome<R>;
}

/** Files a worker beyond the first must have to pay for its start-up (some 0.4 s of CPU with fonts) against ~40 ms a file. */
export const FILES_PER_WORKER = 25;

/**
 * How many worker threads grade `files` files in parallel: none for a handful, one per
 * FILES_PER_WORKER files, at most one per core. `requested` (--workers) overrides: 1 is none. (A
 * batch still reads every file in a worker, under the reading budget: "none" is the one worker.)
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
  // Each worker's readiness (to its thread's stat file), awaited before its first task.
  const readiness = new WeakMap<Worker, Promise<string | null>>();
  const start = (): Worker => {
    const worker = spawn(options);
    readiness.set(worker, options.waitForReady ? ready(worker) : Promise.resolve(null));
    return worker;
  };
  const idle: Worker[] = Array.from({ length: Math.max(1, options.workers) }, start);
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
          if (worker === null || exited.has(worker)) all.add((worker = start()));
          const statPath = await readiness.get(worker)!;
          const outcome = await runOne<R>(worker, index, tasks[index]!, options.timeoutMs, statPath);
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
  // A setup that cannot be sent (a bug) stops the worker: its task then fails with a message, never hangs.
  options.setup?.then(
    (setup) => {
      try {
        worker.postMessage({ setup });
      } catch {
        void worker.terminate();
      }
    },
    () => {},
  );
  // A worker that dies while idle is found out by its next task; until then its error is not a crash.
  worker.on('error', () => {});
  return worker;
}
/**
 * Resolves once the worker says it is ready (to its thread's stat file, if it has one), or has
 * stopped (its task then fails as usual).
 */
function ready(worker: Worker): Promise<string | null> {
  return new Promise((resolve) => {
    let statPath: string | null = null;
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', done);
      worker.off('exit', done);
      resolve(statPath);
    };
    const onMessage = (message: unknown) => {
      const reply = message as { ready?: unknown; statPath?: unknown } | null;
      if (reply?.ready !== true) return;
      statPath = typeof reply.statPath === 'string' ? reply.statPath : null;
      done();
    };
    worker.on('message', onMessage);
    worker.on('error', done);
    worker.on('exit', done);
  });
}

function runOne<R>(worker: Worker, index: number, task: unknown, timeoutMs: number, statPath: string | null): Promise<Outcome<R>> {
  return new Promise((resolve) => {
    if (worker.threadId < 0) {
      resolve({ ok: false, reason: 'worker stopped before it was ready' });
      return;
    }
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
    const timedOut = () => finish(failure(msg('cli.workerTimedOut', { seconds: timeoutMs / 1000 })));
    const timer = statPath === null ? setTimeout(timedOut, timeoutMs) : watchCpu(statPath, timeoutMs, timedOut);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ index, task });
  });
}

/** Calls `onLimit` once the thread has spent `limitMs` of CPU time, or `WALL_TIME_FACTOR` times that by the clock. */
function watchCpu(statPath: string, limitMs: number, onLimit: () => void): NodeJS.Timeout {
  const startCpu = threadCpuSeconds(statPath) ?? 0;
  const startWall = performance.now();
  return setInterval(() => {
    const cpu = (threadCpuSeconds(statPath) ?? Infinity) - startCpu;
    if (cpu * 1000 > limitMs || performance.now() - startWall > limitMs * WALL_TIME_FACTOR) onLimit();
  }, Math.min(100, limitMs / 10));
}

function describe(error: Error): Message | string {
  const code = (error as { code?: string }).code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY' ? msg('cli.outOfMemory') : (error.message.split('\n')[0] ?? 'unknown error');
}
