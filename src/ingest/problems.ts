/** Problems met while reading, built from a message so that they can be said in any language. */
import { english, noteOr, withNote, type Message, type Said } from '../i18n/index.js';
import type { IngestProblem, IngestProblemCode } from './types.js';

/** A problem, its message in English with the catalog message kept beside it. */
export function ingestProblem(code: IngestProblemCode, note: Message, cell?: string): IngestProblem {
  return withNote(cell === undefined ? { code, message: english(note) } : { code, cell, message: english(note) }, note);
}

/** How to say a problem in any language (its English text for one built by hand). */
export const problemNote = (problem: IngestProblem): Said | string => noteOr(problem, problem.message);
