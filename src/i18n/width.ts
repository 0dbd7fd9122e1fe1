/** Text cut to a display width: a Chinese character takes two columns, so a bound in characters would let Chinese run twice as wide. */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` if it fits in `columns`, else its longest start that fits with "…" after it (never a
 * character cut in half).
 *
 * @example cutToWidth('步骤名称重复', 7) // '步骤名…'
 */
export function cutToWidth(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  let kept = '';
  let width = 0;
  for (const { segment } of segmenter.segment(text)) {
    const next = stringWidth(segment);
    if (width + next > columns - 1) break;
    kept += segment;
    width += next;
  }
  return `${kept}…`;
}
