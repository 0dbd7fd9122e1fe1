/**
 * The page's side of the grading worker. The worker is started from a Blob URL (which works from
 * file://) and given the rubric; each request has a time limit, after which the worker is ended
 * and a fresh one started, so a hostile file costs one time limit and the page stays usable.
 */
import type { PageVariants } from '../variant-table.js';
import type { FromWorker, RubricInfo, ToWorker } from './protocol.js';

export class TimedOut extends Error {
  override readonly name = 'TimedOut';
}

/** The request was overtaken by a newer one (the student picked another file). */
export class Superseded extends Error {
  override readonly name = 'Superseded';
}

type Request = Exclude<ToWorker, { type: 'init' }>;
type Reply = Exclude<FromWorker, { type: 'ready' }>;

interface Pending {
  readonly id: number;
  readonly resolve: (reply: Reply) => void;
  readonly reject: (error: Error) => void;
  readonly timer: number;
}

export class GradingWorker {
  private worker: Worker | null = null;
  private ready: Promise<RubricInfo> | null = null;
  private pending: Pending | null = null;
  private nextId = 1;

  constructor(
    private readonly scriptUrl: string,
    private readonly rubric: { readonly rubricText: string; readonly rubricFile: string; readonly variants?: PageVariants | null | undefined },
    private readonly timeLimitMs: number,
  ) {}

  /** Starts the worker (if it is not running) and resolves once it has compiled the rubric. */
  start(): Promise<RubricInfo> {
    if (this.ready !== null) return this.ready;
    let worker: Worker;
    try {
      worker = new Worker(this.scriptUrl);
    } catch (error) {
      // A browser that refuses workers from this page: said on the page, not thrown past it.
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    this.worker = worker;
    this.ready = new Promise<RubricInfo>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const reply = event.data;
        if (reply.type === 'ready') resolve(reply.info);
        else if (reply.type === 'failed' && reply.id === null) reject(new Error(reply.message));
        else this.settle(reply);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        const error = new Error(event.message || 'the grading worker stopped');
        reject(error);
        // A worker that dies on a file is replaced; one that cannot start is not retried.
        if (this.pending !== null) this.restart(error);
      };
    });
    const { rubricText, rubricFile, variants = null } = this.rubric;
    worker.postMessage({ type: 'init', rubricText, rubricFile, variants } satisfies ToWorker);
    return this.ready;
  }

  /** Sends one request; an earlier one still running is abandoned (and its worker replaced). */
  async request(make: (id: number) => Request): Promise<Reply> {
    if (this.pending !== null) this.restart(new Superseded('superseded'));
    await this.start();
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      const timer = window.setTimeout(() => this.restart(new TimedOut(`no answer within ${this.timeLimitMs} ms`)), this.timeLimitMs);
      this.pending = { id, resolve, reject, timer };
      this.worker!.postMessage(make(id));
    });
  }

  private settle(reply: Reply): void {
    const pending = this.pending;
    if (pending === null || reply.id !== pending.id) return; // an answer nobody waits for any more
    window.clearTimeout(pending.timer);
    this.pending = null;
    pending.resolve(reply);
  }

  /** Ends the worker (it may be stuck in a file) and starts a fresh one in the background. */
  private restart(reason: Error): void {
    const pending = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    if (pending !== null) {
      window.clearTimeout(pending.timer);
      pending.reject(reason);
    }
    this.start().catch(() => undefined);
  }
}
