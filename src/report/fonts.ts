/**
 * The report's fonts, from npm packages so that `npm ci` is the whole install: DejaVu Sans for Latin,
 * Greek, math and the marks (✓ ✗ ↻ − · ² ≈), Noto Sans SC for Chinese. pdfkit has no font fallback,
 * so text is cut into runs, each set in the first face that has its glyphs.
 *
 * Nothing here is loaded before a PDF is made: `loadFonts()` imports fontkit (a self-check without a
 * PDF never does), and each font file is read and parsed once per process, when a text first needs it.
 * Every text is laid out once per process: its runs and their widths are kept (within a bound), and
 * drawing uses those widths instead of laying the text out again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type { FontStyle, Measure } from './layout.js';

const FILES: Record<FontStyle, readonly string[]> = {
  regular: ['dejavu-fonts-ttf/ttf/DejaVuSans.ttf', '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'],
  bold: ['dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf', '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'],
};

/** A laid-out word as pdfkit keeps it: its glyphs, and their positions in thousandths of an em. */
export interface WordLayout {
  readonly glyphs: readonly Fontkit.Glyph[];
  readonly positions: readonly { readonly xAdvance: number; readonly xOffset: number; readonly yOffset: number; readonly advanceWidth: number }[];
}

/** One font file: `name` is what the PDF registers it as. */
export interface Face {
  readonly name: string;
  readonly font: Fontkit.Font;
  /** Words laid out for drawing, kept for the whole process (bounded). */
  readonly words: Map<string, WordLayout>;
}

/** Text set in one face, and its advance in font units (from one layout of the whole run). */
export interface Run {
  readonly face: Face;
  readonly text: string;
  readonly advance: number;
}

/** A text cut into runs, and its width at 1 point. */
export interface Shaped {
  readonly runs: readonly Run[];
  readonly width: number;
}

let fontkit: typeof Fontkit | null = null;
const resolve = createRequire(import.meta.url).resolve;
const loaded = new Map<string, Face>();

/**
 * Imports fontkit (once); until then nothing here can measure. Resolves to the `measure` that
 * layout needs.
 */
export async function loadFonts(): Promise<Measure> {
  fontkit ??= await import('fontkit');
  return measure;
}

/** Read and parsed once per process, on first use: the CJK files are 10 MB each, and a batch renders hundreds of reports. */
function face(file: string): Face {
  const known = loaded.get(file);
  if (known) return known;
  if (fontkit === null) throw new Error('the report fonts are not loaded: await loadFonts() first');
  const font = fontkit.create(readFileSync(resolve(file)));
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not a font`);
  const made: Face = { name: file.replace(/^.*\//, '').replace(/\.ttf$/, ''), font, words: new Map() };
  loaded.set(file, made);
  return made;
}

/** The face for a character: the first of the style's files that has it (the primary face otherwise). */
function faceFor(code: number, style: FontStyle): Face {
  const files = FILES[style];
  for (const file of files) {
    const candidate = face(file);
    if (candidate.font.hasGlyphForCodePoint(code)) return candidate;
  }
  return face(files[0]!);
}

/** The text cut where the face changes; spaces stay with the run they are in. */
function cutRuns(text: string, style: FontStyle): Run[] {
  const out: { face: Face; text: string }[] = [];
  for (const char of text) {
    const last = out.at(-1);
    const chosen = /\s/.test(char) && last ? last.face : faceFor(char.codePointAt(0)!, style);
    if (last?.face === chosen) last.text += char;
    else out.push({ face: chosen, text: char });
  }
  return out.map((run) => ({ ...run, advance: run.face.font.layout(run.text).advanceWidth }));
}

const shapedTexts = new Map<string, Shaped>();
/** Formulas repeat the same names and numbers; a long batch meets many texts, so the memory is bounded. */
const MAX_TEXTS = 50_000;
const MAX_WORDS = 20_000;

/** `text` in `style`, cut into runs and measured: laid out once per process. */
export function shape(text: string, style: FontStyle): Shaped {
  const key = `${style}\u0000${text}`;
  let shaped = shapedTexts.get(key);
  if (shaped === undefined) {
    if (shapedTexts.size >= MAX_TEXTS) shapedTexts.clear();
    const runs = cutRuns(text, style);
    shaped = { runs, width: runs.reduce((total, run) => total + runWidth(run, 1), 0) };
    shapedTexts.set(key, shaped);
  }
  return shaped;
}

/** A run's width at `size` points. */
export function runWidth(run: Run, size: number): number {
  return (run.advance * size) / run.face.font.unitsPerEm;
}

/** The `measure` the layout needs: the width of `text` set in `style` at `size` points. */
function measure(text: string, style: FontStyle, size: number): number {
  return shape(text, style).width * size;
}

/**
 * A word (up to and with a space) laid out as pdfkit lays it out for drawing (positions scaled to
 * thousandths of an em), once per process and face.
 */
export function wordLayout(face: Face, word: string): WordLayout {
  let layout = face.words.get(word);
  if (layout === undefined) {
    if (face.words.size >= MAX_WORDS) face.words.clear();
    const scale = 1000 / face.font.unitsPerEm;
    const run = face.font.layout(word);
    const positions = run.positions.map((p, k) => ({
      xAdvance: p.xAdvance * scale,
      xOffset: p.xOffset * scale,
      yOffset: p.yOffset * scale,
      advanceWidth: run.glyphs[k]!.advanceWidth * scale,
    }));
    layout = { glyphs: run.glyphs, positions };
    face.words.set(word, layout);
  }
  return layout;
}
