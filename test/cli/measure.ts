/**
 * Runs the built command as a person would, measured by /usr/bin/time: wall time, CPU time and
 * the process's peak resident memory (its worker threads included).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run.js';

export interface Measured {
  readonly argv: readonly string[];
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakMb: number;
}

const BIN = join(ROOT, 'bin', 'stepmark.js');

export function measure(argv: readonly string[]): Promise<Measured> {
  const folder = mkdtempSync(join(tmpdir(), 'stepmark-time-'));
  const report = join(folder, 'time.txt');
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', '-o', report, process.execPath, BIN, ...argv], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = readFileSync(report, 'utf8').trim().split('\n').at(-1) ?? '';
      rmSync(folder, { recursive: true, force: true });
      const [wall, user, system, kb] = last.split(' ').map(Number);
      resolve({ argv, code, stdout, stderr, wallSeconds: wall!, cpuSeconds: user! + system!, peakMb: kb! / 1024 });
    });
  });
}

/** Runs the jobs `concurrency` at a time (the machine has 2 cores), in order of their results. */
export async function inParallel<T>(jobs: readonly (() => Promise<T>)[], concurrency = 2): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const k = next++;
      results[k] = await jobs[k]!();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}
