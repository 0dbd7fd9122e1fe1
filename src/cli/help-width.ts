/**
 * commander's help, wrapped by display width: commander counts characters and breaks only at
 * spaces, so Chinese (two columns a character, no spaces) ran past an 80-column terminal.
 */
import { displayWidth } from '../i18n/width.js';

/** Columns of a help line (commander's styles stripped); not string-width, which would load before `check` starts its worker. */
const stringWidth = (text: string): number => displayWidth(text.replace(/\u001b\[[0-9;]*m/g, ''));

/** Chinese script and full-width forms: a line may break between any two of these characters… */
const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF';
/** …but never before a closing mark, nor after an opening one. */
const CLOSING = '，。、；：！？）」』》”’';
const OPENING = '（「『《“‘';
/** One unbreakable piece, with the spaces before it: one Chinese character (and its marks), or a word. */
const PIECE = new RegExp(`\\s*[${OPENING}]*(?:[${CJK}]|[^\\s${CJK}]+)[${CLOSING}]*`, 'gu');

/**
 * Narrower than this, a description is not wrapped. commander's 40 left the command list unwrapped
 * (its terms take 43 of 80 columns), so its Chinese descriptions ran to 117.
 */
const MIN_WIDTH = 24;

/** Lines of at most `width` display columns, broken at spaces or between Chinese characters; given line breaks kept. */
export function boxWrap(text: string, width: number): string {
  if (width < MIN_WIDTH) return text;
  return text
    .split(/\r\n|\n/)
    .flatMap((line) => {
      if (stringWidth(line) <= width) return [line];
      const lines: string[] = [];
      let current = '';
      for (const piece of line.match(PIECE) ?? []) {
        if (current !== '' && stringWidth(current + piece) > width) {
          lines.push(current);
          current = piece.trimStart();
        } else current += piece;
      }
      return [...lines, current];
    })
    .join('\n');
}

/** For commander's `configureHelp`: widths measured in display columns, wrapping that breaks Chinese. */
export const helpByDisplayWidth = { displayWidth: (text: string) => stringWidth(text), boxWrap, minWidthToWrap: MIN_WIDTH };
