import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runPool, type Outcome } from '../../src/cli/batch/pool.js';

// A stand-in worker (plain JavaScript, so it runs without the build): doubles numbers, hangs on
// "hang", exits on "exit", and allocates without end on "bomb".
const folder = mkdtempSync(join(tmpdir(), 'stepmark-pool-'));
const script = join(folder, 'worker.mjs');
writeFileSync(
  script,
  `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ index, task }) => {
  if (task === 'hang') return;
  if (task === 'exit') process.exit(3);
  if (task === 'bomb') { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(index)); }
  parentPort.postMessage({ index, outcome: { ok: true, value: task * 2 } });
});`,
);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(tasks: (number | string)[], workers = 2): Promise<Outcome<number>[]> {
  const outcomes: Outcome<number>[] = [];
  const options = { workers, script: pathToFileURL(script), workerData: null, timeoutMs: 1500, memoryMb: 64 };
  await runPool<number | string, number>(tasks, options, (index, outcome) => {
    outcomes[index] = outcome;
  });
  return outcomes;
}

describe('the worker pool', () => {
  it('runs every task and returns each result in its place', async () => {
    const outcomes = await run([1, 2, 3, 4, 5]);
    expect(outcomes.map((o) => (o.ok ? o.value : null))).toEqual([2, 4, 6, 8, 10]);
  });

  it('fails a task that hangs, a worker that exits and one out of memory, and goes on', async () => {
    const outcomes = await run([1, 'hang', 2, 'exit', 3, 'bomb', 4], 2);
    const reasons = outcomes.map((o) => (o.ok ? o.value : o.reason));
    expect(reasons[0]).toBe(2);
    expect(reasons[1]).toMatch(/timed out after 1\.5 s/);
    expect(reasons[3]).toMatch(/worker stopped \(exit code 3\)/);
    expect(reasons[5]).toMatch(/worker failed: out of memory|worker stopped/);
    expect([reasons[2], reasons[4], reasons[6]]).toEqual([4, 6, 8]);
  }, 30_000);
});
