/**
 * Text cut to a display width: a Chinese character takes two columns, so a bound in characters
 * would let Chinese run twice as wide. Code point by code point (no Intl.Segmenter: the self-check
 * page runs this too, in browsers that lack it).
 */
import { eastAsianWidth } from 'get-east-asian-width';

/** Marks, format characters (joiners) and variation selectors take no column of their own. */
const ZERO_WIDTH = /^[\p{M}\p{Cc}\p{Cf}\uFE00-\uFE0F]$/u;

const columnsOf = (character: string): number => (ZERO_WIDTH.test(character) ? 0 : eastAsianWidth(character.codePointAt(0)!));

/** The columns `text` takes in a terminal or a monospaced cell. */
export const displayWidth = (text: string): number => Array.from(text).reduce((sum, character) => sum + columnsOf(character), 0);

/**
 * `text` if it fits in `columns`, else its longest start that fits with "…" after it (never half
 * a character). It fits in as many UTF-16 units as well: marks of width 0 still take room in a
 * file or a cell.
 *
 * @example cutToWidth('步骤名称重复', 7) // '步骤名…'
 */
export function cutToWidth(text: string, columns: number): string {
  if (displayWidth(text) <= columns && text.length <= columns) return text;
  let kept = '';
  let width = 0;
  for (const character of text) {
    const next = columnsOf(character);
    if (width + next > columns - 1 || kept.length + character.length > columns - 1) break;
    kept += character;
    width += next;
  }
  return `${kept}…`;
}
