/**
 * A small pool of worker threads: each takes one task at a time. A worker that runs past the time
 * limit or dies (out of memory on a hostile file, a library crash) is replaced; its task fails
 * alone and the batch goes on.
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

export async function runPool<T, R>(
  tasks: readonly T[],
  options: PoolOptions,
  onDone: (index: number, outcome: Outcome<R>) => void,
): Promise<void> {
  let next = 0;
  const slot = async (): Promise<void> => {
    let worker: Worker | null = null;
    try {
      while (next < tasks.length) {
        const index = next++;
        worker ??= spawn(options);
        const outcome = await runOne<R>(worker, index, tasks[index]!, options.timeoutMs);
        if (!outcome.ok && outcome.reason.startsWith('worker ')) {
          void worker.terminate();
          worker = null;
        }
        onDone(index, outcome);
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.workers, tasks.length)) }, slot));
}

function spawn(options: PoolOptions): Worker {
  // A large young generation: rendering a report allocates heavily and dies young, and the default
  // makes the scavenger run often (measured: 500 reports in 28.7 s with 64 MB, 24.9 s with 256 MB).
  const worker = new Worker(options.script, {
    workerData: options.workerData,
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 256 },
    stdout: true, // a library's console noise on a damaged file stays out of the terminal
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
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
