/** What a command may do to the outside world; tests pass their own. */
import { readFile } from 'node:fs/promises';
import { english, type Said } from '../i18n/index.js';
import { decodeRubric } from '../rubric/decode.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readText: (path: string) => Promise<string>;
  /** Whether stdout is a terminal (colors, progress bars). */
  readonly isTTY: boolean;
  /** The terminal's width in columns, when stdout is a terminal that tells it. */
  readonly columns?: number;
  /** The environment's variables (the locale); `process.env` when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: async (path) => decodeRubric(await readFile(path)),
  isTTY: process.stdout.isTTY === true,
  get columns() {
    return process.stdout.isTTY === true ? process.stdout.columns : undefined;
  },
};

/**
 * `stepmark grade … | head`: once the reader has gone, nothing more can be said, and that is not
 * a failure. Ends the process quietly with 0 on a closed pipe.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(EXIT.ok);
    });
  }
}

/**
 * A failure to tell the user in one line, with the exit code it ends in; `message` is in English, `note` says it in any language.
 * Only a catalog message: a plain string would reach a Chinese TA in English.
 */
export class UsageError extends Error {
  readonly code = 'USAGE' as const;
  constructor(readonly note: Said) {
    super(english(note));
    this.name = 'UsageError';
  }
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}

export const EXIT = { ok: 0, someFilesFailed: 1, usage: 2, internal: 70 } as const;
