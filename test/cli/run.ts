/** Runs the CLI in-process with captured output, as the command-line tests need it. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { decodeRubric } from '../../src/rubric/load.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with captured output; `files` are served instead of the disk. Never prints a stack trace. */
export async function stepmark(argv: readonly string[], files: Record<string, string> = {}, overrides: Partial<Io> = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readText: async (path) => files[path] ?? decodeRubric(await readFile(path.startsWith('/') ? path : new URL(path, `file://${ROOT}`))),
    isTTY: false,
    ...overrides,
  };
  const code = await run(argv, io);
  expect(stdout + stderr).not.toContain('    at ');
  return { code, stdout, stderr };
}

