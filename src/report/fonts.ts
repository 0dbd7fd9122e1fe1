/**
 * The report's fonts, from npm packages so that `npm ci` is the whole install: DejaVu Sans for Latin,
 * Greek, math and the marks (✓ ✗ ↻ − · ² ≈), Noto Sans SC for Chinese. pdfkit has no font fallback,
 * so text is cut into runs, each set in the first face that has its glyphs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { FontStyle } from './layout.js';

const FILES: Record<FontStyle, readonly string[]> = {
  regular: ['dejavu-fonts-ttf/ttf/DejaVuSans.ttf', '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'],
  bold: ['dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf', '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'],
};

/** One font file: `name` is what the PDF registers it as. */
export interface Face {
  readonly name: string;
  readonly bytes: Buffer;
  readonly font: fontkit.Font;
}

export interface Run {
  readonly face: Face;
  readonly text: string;
}

const resolve = createRequire(import.meta.url).resolve;
const loaded = new Map<string, Face>();

/** Read once per process: the CJK files are 10 MB each, and a batch renders hundreds of reports. */
function face(file: string): Face {
  const known = loaded.get(file);
  if (known) return known;
  const bytes = readFileSync(resolve(file));
  const font = fontkit.create(bytes);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not a font`);
  const made = { name: file.replace(/^.*\//, '').replace(/\.ttf$/, ''), bytes, font };
  loaded.set(file, made);
  return made;
}

export function faces(style: FontStyle): readonly Face[] {
  return FILES[style].map(face);
}

/** The text cut where the face changes; spaces stay with the run they are in. */
export function runs(text: string, style: FontStyle): Run[] {
  const candidates = faces(style);
  const primary = candidates[0]!;
  const out: { face: Face; text: string }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const last = out.at(-1);
    const chosen = /\s/.test(char) && last ? last.face : (candidates.find((f) => f.font.hasGlyphForCodePoint(code)) ?? primary);
    if (last?.face === chosen) last.text += char;
    else out.push({ face: chosen, text: char });
  }
  return out;
}

export function runWidth(run: Run, size: number): number {
  return (run.face.font.layout(run.text).advanceWidth * size) / run.face.font.unitsPerEm;
}

const widths = new Map<string, number>();
const MAX_CACHED = 50_000;

/** The `measure` the layout needs: the width of `text` set in `style` at `size` points. */
export function measure(text: string, style: FontStyle, size: number): number {
  const key = `${style}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    // Formulas repeat the same names and numbers: remember widths, within a bound for long batches.
    if (widths.size >= MAX_CACHED) widths.clear();
    width = runs(text, style).reduce((total, run) => total + runWidth(run, 1), 0);
    widths.set(key, width);
  }
  return width * size;
}
