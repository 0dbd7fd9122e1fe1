/** What a command may do to the outside world; tests pass their own. */
import { readFile } from 'node:fs/promises';
import { english, type Said } from '../i18n/index.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readText: (path: string) => Promise<string>;
  /** Whether stdout is a terminal (colors, progress bars). */
  readonly isTTY: boolean;
  /** The environment's variables (the locale); `process.env` when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: (path) => readFile(path, 'utf8'),
  isTTY: process.stdout.isTTY === true,
};

/** A failure to tell the user in one line, with the exit code it ends in; `message` is in English, `note` says it in any language. */
export class UsageError extends Error {
  readonly code = 'USAGE' as const;
  constructor(readonly note: Said | string) {
    super(english(note));
    this.name = 'UsageError';
  }
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}

export const EXIT = { ok: 0, someFilesFailed: 1, usage: 2, internal: 70 } as const;
