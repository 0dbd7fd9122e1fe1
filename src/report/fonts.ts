/**
 * The report's fonts, from npm packages so that `npm ci` is the whole install: DejaVu Sans for Latin,
 * Greek, math and the marks (✓ ✗ ↻ − · ² ≈), Noto Sans SC for Chinese. pdfkit has no font fallback,
 * so text is cut into runs, each set in the first face that has its glyphs.
 *
 * Nothing here is loaded before a PDF is made: `loadFonts()` imports fontkit (a self-check without a
 * PDF never does), and each font file is read and parsed once per process, when a text first needs it.
 * Every text is laid out once per process (within a bound) and drawing uses the widths measuring
 * found, instead of laying the text out again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type { FontStyle, Measure } from './layout.js';

const FILES: Record<FontStyle, readonly string[]> = {
  regular: ['dejavu-fonts-ttf/ttf/DejaVuSans.ttf', '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'],
  bold: ['dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf', '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'],
};

/** A text laid out in one face: its advance in font units, and its glyphs and their positions (font units). */
export interface LaidOut {
  readonly advance: number;
  readonly glyphs: readonly Fontkit.Glyph[];
  readonly positions: readonly Fontkit.GlyphPosition[];
  /** The positions as pdfkit keeps them (thousandths of an em), once drawn. */
  drawn?: Drawn;
}

export interface Drawn {
  readonly positions: readonly DrawnPosition[];
  /** Whether a glyph is placed with an offset (a combining mark). */
  readonly offset: boolean;
}

export interface DrawnPosition {
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
  /** The glyph's own advance. */
  readonly advanceWidth: number;
}

/** One font file: `name` is what the PDF registers it as. */
export interface Face {
  readonly name: string;
  readonly font: Fontkit.Font;
  /** Texts laid out in this face (runs measured, words drawn), kept for the whole process (bounded). */
  readonly laidOut: Map<string, LaidOut>;
}

/** Text set in one face. */
export interface Run {
  readonly face: Face;
  readonly text: string;
}

/** A text cut into runs, and (once measured) its width at 1 point. */
interface Shaped {
  readonly runs: readonly Run[];
  width?: number;
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

/** Loads fontkit and reads every face now (a batch worker does, before its first file). */
export async function loadAllFonts(): Promise<void> {
  await loadFonts();
  for (const files of Object.values(FILES)) for (const file of files) face(file);
}

/** Read and parsed once per process, on first use: the CJK files are 10 MB each, and a batch renders hundreds of reports. */
function face(file: string): Face {
  const known = loaded.get(file);
  if (known) return known;
  if (fontkit === null) throw new Error('the report fonts are not loaded: await loadFonts() first');
  const font = fontkit.create(readFileSync(resolve(file)));
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not a font`);
  const made: Face = { name: file.replace(/^.*\//, '').replace(/\.ttf$/, ''), font, laidOut: new Map() };
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
  return out;
}

/** Per style, keyed by the text itself: the same strings come back, and a string keeps its hash. */
const shapedTexts: Record<FontStyle, Map<string, Shaped>> = { regular: new Map(), bold: new Map() };
/** Formulas repeat the same names and numbers; a long batch meets many texts, so the memory is bounded. */
const MAX_TEXTS = 50_000;
const MAX_LAID_OUT = 20_000;

function shaped(text: string, style: FontStyle): Shaped {
  const texts = shapedTexts[style];
  let known = texts.get(text);
  if (known === undefined) {
    if (texts.size >= MAX_TEXTS) texts.clear();
    known = { runs: cutRuns(text, style) };
    texts.set(text, known);
  }
  return known;
}

/** `text` in `style` cut into runs, each in the first face that has its characters. */
export function runsOf(text: string, style: FontStyle): readonly Run[] {
  return shaped(text, style).runs;
}

/**
 * `text` laid out in `face`, once per process: a run is measured from one layout of all of it, and
 * pdfkit draws a run word by word, so a word without spaces shares the layout that measured it.
 */
export function laidOut(face: Face, text: string): LaidOut {
  let known = face.laidOut.get(text);
  if (known === undefined) {
    if (face.laidOut.size >= MAX_LAID_OUT) face.laidOut.clear();
    const run = face.font.layout(text);
    known = { advance: run.advanceWidth, glyphs: run.glyphs, positions: run.positions };
    face.laidOut.set(text, known);
  }
  return known;
}

/** A run's width at `size` points. */
export function runWidth(run: Run, size: number): number {
  return (laidOut(run.face, run.text).advance * size) / run.face.font.unitsPerEm;
}

/** The `measure` the layout needs: the width of `text` set in `style` at `size` points. */
function measure(text: string, style: FontStyle, size: number): number {
  const known = shaped(text, style);
  known.width ??= known.runs.reduce((total, run) => total + runWidth(run, 1), 0);
  return known.width * size;
}
