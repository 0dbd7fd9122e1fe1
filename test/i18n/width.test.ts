/**
 * Cutting text to a display width, checked against string-width (the terminal's measure): what is
 * cut fits, keeps as much as fits, and ends in "…"; what fits is left alone. The self-check page's
 * scripts carry the catalogs, so they must not need Intl.Segmenter (string-width does at load).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cutToWidth, displayWidth } from '../../src/i18n/width.js';

const text = fc.array(fc.constantFrom('a', 'Z', '0', ' ', '步', '骤', '（', '：', 'Ｗ', 'é', 'e\u0301', '\u0301', '…', '·'), { maxLength: 80 }).map((parts) => parts.join(''));

describe('cutToWidth', () => {
  it('measures as string-width does on Latin and Chinese text', () => {
    fc.assert(fc.property(text, (t) => displayWidth(t) === stringWidth(t)));
  });

  it('fits in width and in length, keeps the longest start that fits, and says it cut', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 60 }), (t, columns) => {
        const cut = cutToWidth(t, columns);
        if (stringWidth(t) <= columns && t.length <= columns) return cut === t;
        const kept = cut.slice(0, -1);
        const longer = kept + ([...t.slice(kept.length)][0] ?? '');
        const fits = (s: string) => stringWidth(s) <= columns && s.length <= columns;
        return cut.endsWith('…') && t.startsWith(kept) && fits(cut) && !fits(`${longer}…`);
      }),
    );
  });

  it('cuts Chinese at half the characters of English', () => {
    expect(cutToWidth('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(cutToWidth('步'.repeat(20), 10)).toBe(`${'步'.repeat(4)}…`);
  });

  it("is in the self-check page's scripts without Intl.Segmenter", () => {
    for (const name of ['app.js', 'worker.js']) {
      expect(readFileSync(new URL(`../../dist/web-page/${name}`, import.meta.url), 'utf8')).not.toContain('Intl.Segmenter');
    }
  });
});
