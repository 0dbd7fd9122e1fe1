/**
 * How many workers a batch starts, and what the pool holds at once: one task per worker, so never
 * more reports being made (and their PDFs in memory) than there are workers.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FILES_PER_WORKER, runPool, startPool, workerCount, type Outcome } from '../../src/cli/batch/pool.js';

// A stand-in worker: a number is "work" for that many milliseconds, answered with when it started
// and ended; with a path as its data, the worker leaves a file there and exits before any task.
const folder = mkdtempSync(join(tmpdir(), 'stepmark-pool-workers-'));
const script = join(folder, 'worker.mjs');
writeFileSync(
  script,
  `import { writeFileSync } from 'node:fs';
import { parentPort, threadId, workerData } from 'node:worker_threads';
if (workerData !== null) {
  writeFileSync(workerData + '-' + threadId, '');
  process.exit(5);
}
const pause = new Int32Array(new SharedArrayBuffer(4));
parentPort.on('message', ({ index, task }) => {
  const start = performance.timeOrigin + performance.now();
  Atomics.wait(pause, 0, 0, task);
  parentPort.postMessage({ index, outcome: { ok: true, value: [start, performance.timeOrigin + performance.now()] } });
});`,
);
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const options = (workers: number, workerData: unknown = null) => ({ workers, script: pathToFileURL(script), workerData, timeoutMs: 10_000, memoryMb: 64 });

/** The most tasks that ran at the same moment. */
function mostAtOnce(spans: readonly [number, number][]): number {
  const events = spans.flatMap(([start, end]) => [[start, 1], [end, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, change] of events) most = Math.max(most, (now += change));
  return most;
}

describe('the number of workers', () => {
  it('is none for a handful of files, one per FILES_PER_WORKER files, at most one per core', () => {
    expect(workerCount(1, 8)).toBe(0);
    expect(workerCount(5, 8)).toBe(0);
    expect(workerCount(2 * FILES_PER_WORKER - 1, 8)).toBe(0);
    expect(workerCount(2 * FILES_PER_WORKER, 8)).toBe(2);
    expect(workerCount(5 * FILES_PER_WORKER, 8)).toBe(5);
    expect(workerCount(1000, 2)).toBe(2);
    expect(workerCount(1000, 1)).toBe(0);
  });

  it('is what --workers asks for, but never more than the files, and 1 means none', () => {
    expect(workerCount(1000, 2, 6)).toBe(6);
    expect(workerCount(3, 2, 6)).toBe(3);
    expect(workerCount(1000, 8, 1)).toBe(0);
    expect(workerCount(1, 8, 4)).toBe(0);
  });
});

describe('the pool', () => {
  it('never runs more tasks at once than it has workers', async () => {
    for (const workers of [1, 2, 3]) {
      const spans: [number, number][] = [];
      await runPool<number, [number, number]>(Array.from({ length: 9 }, () => 30), options(workers), (_, outcome) => {
        if (outcome.ok) spans.push(outcome.value);
      });
      expect(spans).toHaveLength(9);
      expect(mostAtOnce(spans)).toBeLessThanOrEqual(workers);
    }
  }, 30_000);

  it('starts its workers before it has tasks, and replaces one that stopped while it waited', async () => {
    const marks = join(folder, 'died');
    const pool = startPool<number, [number, number]>(options(2, marks));
    // Both workers have stopped before the pool is given anything to do.
    while (readdirSync(folder).filter((name) => name.startsWith('died-')).length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const outcomes: Outcome<[number, number]>[] = [];
    // The replacements stop as well, so every task fails as a worker failure; given to a stopped
    // worker, a task would wait for its time limit instead ("worker timed out").
    await pool.run([1, 2], (index, outcome) => (outcomes[index] = outcome));
    await pool.close();
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['worker stopped (exit code 5)', 'worker stopped (exit code 5)']);
    expect(readdirSync(folder).filter((name) => name.startsWith('died-')).length).toBe(4);
  }, 30_000);
});
