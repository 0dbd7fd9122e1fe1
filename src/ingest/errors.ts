import { english, type Message } from '../i18n/index.js';

/** Why a whole file could not be read. Each has one message a student can act on. */
export type IngestFailure =
  | 'empty'
  | 'too-large'
  | 'not-a-spreadsheet'
  | 'password-protected'
  | 'damaged';

/**
 * Fatal: the file as a whole cannot be read. The message names the file.
 * Problems with single cells are never this: they are values (`unreadable`, `IngestProblem`).
 */
export class IngestError extends Error {
  readonly code = 'E_INGEST' as const;
  override readonly name = 'IngestError';

  constructor(
    /** The path or name as given to `readSubmission`. */
    readonly file: string,
    readonly reason: IngestFailure,
    /** The message without the file name (`ingest.empty`: "empty file"), to say in any language. */
    readonly note: Message,
    /** The note in English. */
    readonly detail: string = english(note),
  ) {
    super(`${file}: ${detail}`);
  }
}

export const isIngestError = (error: unknown): error is IngestError => error instanceof IngestError;
