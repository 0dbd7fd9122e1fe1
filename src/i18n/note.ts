/**
 * Values that keep both: an English text (what the value is compared and logged by, as before) and
 * the message it was said from, so that output can say it again in another language. The note is
 * not enumerable: equality, spreading and JSON see only the English value; code that says a value
 * in another language reads `note`, falling back to the English text.
 */
import { english } from './say.js';
import type { Said } from './types.js';

/** `value` with its note attached (not enumerable). */
export function withNote<T extends object>(value: T, note: Said): T & { readonly note: Said } {
  return Object.defineProperty(value, 'note', { value: note, enumerable: false }) as T & { readonly note: Said };
}

/** The note of a value that may have one, else its English text. */
export const noteOr = (value: { readonly note?: Said }, text: string): Said | string => value.note ?? text;

/** An English text from `note`, with the note attached: `{ [field]: 'empty file', note }`. */
export function said<F extends string>(field: F, note: Said): Record<F, string> & { readonly note: Said } {
  return withNote({ [field]: english(note) } as Record<F, string>, note);
}
