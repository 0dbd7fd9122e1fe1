/**
 * Text drawn into a pdfkit document with one write per text item, from runs laid out once per
 * process. pdfkit's `text()` would lay each run out three times (in a cache that starts empty for
 * every document) and write it in 8 to 10 pieces; the operators written here are, byte for byte,
 * the ones `fillColor(color)` then `text(run, x, y, { lineBreak: false, baseline: 'alphabetic' })`
 * write (test/report/pdf-bytes.test.ts pins the bytes). It reaches into pdfkit's document (the
 * current font's subset, the page's content stream), so that is kept to this file.
 */
import type { TextItem } from './layout.js';
import { colorOps, number, writeOps } from './pdf-ops.js';
import type * as Fontkit from 'fontkit';
import { laidOut, runsOf, runWidth, type Drawn, type DrawnPosition, type Face, type LaidOut, type Run } from './fonts.js';

/** What of a pdfkit embedded font is used here (pdfkit's own names). */
interface PdfkitFont {
  readonly id: string;
  /** 1000 / units per em. */
  readonly scale: number;
  readonly subset: { includeGlyph(glyphId: number): number };
  readonly widths: (number | undefined)[];
  readonly unicode: (readonly number[] | undefined)[];
  ref(): unknown;
}

/** What of a pdfkit document is used here. */
interface PdfkitDocument {
  readonly _font: PdfkitFont;
  readonly page: { readonly height: number; readonly fonts: Record<string, unknown>; write(chunk: Uint8Array): void };
  font(name: string): unknown;
  registerFont(name: string, font: Buffer): unknown;
  fontSize(size: number): unknown;
  fillColor(color: string): unknown;
  text(text: string, x: number, y: number, options: { lineBreak: false; baseline: 'alphabetic' }): unknown;
}

/** pdfkit's split of a run into words for layout: each word keeps the space or tab after it. */
function words(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === ' ' || text[index] === '\t') {
      out.push(text.slice(last, index + 1));
      last = index + 1;
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** A glyph's number in one document's subset of its font, as 4 hex digits: pdfkit's `encode`, which also notes its width and code points. */
type GlyphHex = (glyph: Fontkit.Glyph) => string;

function glyphHex(font: PdfkitFont): GlyphHex {
  const known = new Map<number, string>();
  return (glyph) => {
    let hex = known.get(glyph.id);
    if (hex === undefined) {
      const gid = font.subset.includeGlyph(glyph.id);
      hex = `0000${gid.toString(16)}`.slice(-4);
      font.widths[gid] ??= glyph.advanceWidth * font.scale;
      font.unicode[gid] ??= glyph.codePoints;
      known.set(glyph.id, hex);
    }
    return hex;
  };
}

/** A word's positions as pdfkit keeps them (thousandths of an em: `scale` is 1000 / units per em), once per process. */
function drawn(layout: LaidOut, scale: number): Drawn {
  if (layout.drawn === undefined) {
    const positions = layout.positions.map((p, k) => ({
      xAdvance: p.xAdvance * scale,
      xOffset: p.xOffset * scale,
      yOffset: p.yOffset * scale,
      advanceWidth: layout.glyphs[k]!.advanceWidth * scale,
    }));
    layout.drawn = { positions, offset: positions.some((p) => p.xOffset || p.yOffset) };
  }
  return layout.drawn;
}

/** How far pdfkit moves back after a glyph (its kerning), as written in a TJ array. */
const kern = (p: DrawnPosition) => `${number(-(p.xAdvance - p.advanceWidth))}`;

/**
 * A run as pdfkit draws it, worked out once per process: its words laid out, and, where no glyph
 * has an offset, what follows each glyph in the TJ array (pdfkit cuts the string after each kerned
 * glyph and writes the kerning of the last glyph of every piece).
 */
interface RunGlyphs {
  readonly layouts: readonly LaidOut[];
  readonly words: readonly Drawn[];
  /** Null when some glyph is placed with an offset (a combining mark). */
  readonly plain: { readonly glyphs: readonly Fontkit.Glyph[]; readonly after: readonly string[] } | null;
}

const runGlyphs = new WeakMap<Run, RunGlyphs>();

function glyphsOf(run: Run): RunGlyphs {
  let known = runGlyphs.get(run);
  if (known === undefined) {
    const layouts = words(run.text).map((word) => laidOut(run.face, word));
    const placed = layouts.map((layout) => drawn(layout, 1000 / run.face.font.unitsPerEm));
    let plain: RunGlyphs['plain'] = null;
    if (!placed.some((word) => word.offset)) {
      const glyphs = layouts.flatMap((layout) => layout.glyphs);
      const positions = placed.flatMap((word) => word.positions);
      const after = positions.map((p, k) =>
        k === positions.length - 1 ? `> ${kern(p)}] TJ\n` : p.xAdvance - p.advanceWidth !== 0 ? `> ${kern(p)} <` : '');
      plain = { glyphs, after };
    }
    known = { layouts, words: placed, plain };
    runGlyphs.set(run, known);
  }
  return known;
}

/** The TJ operator of glyphs without offsets. */
function showGlyphs(hex: GlyphHex, plain: NonNullable<RunGlyphs['plain']>): string {
  if (plain.glyphs.length === 0) return '';
  let shown = '[<';
  for (let k = 0; k < plain.glyphs.length; k++) shown += hex(plain.glyphs[k]!) + plain.after[k]!;
  return shown;
}

/** The same for glyphs some of which are placed with an offset (combining marks): pdfkit's loop as it is. */
function showPlacedGlyphs(hex: GlyphHex, layouts: readonly LaidOut[], words: readonly Drawn[], x: number, top: number, size: number): string {
  const encoded = layouts.flatMap((layout) => layout.glyphs.map(hex));
  const positions = words.flatMap((word) => word.positions);
  const scale = size / 1000;
  const out: string[] = [];
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const segment = (end: number) => {
    if (last < end) commands.push(`<${encoded.slice(last, end).join('')}> ${kern(positions[end - 1]!)}`);
    last = end;
  };
  const flush = (end: number) => {
    segment(end);
    if (commands.length > 0) out.push(`[${commands.join(' ')}] TJ\n`);
    commands.length = 0;
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const position = positions[i]!;
    if (position.xOffset || position.yOffset) {
      flush(i);
      out.push(`1 0 0 1 ${number(x + position.xOffset * scale)} ${number(top + position.yOffset * scale)} Tm\n`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${number(x)} ${number(top)} Tm\n`);
        hadOffset = false;
      }
      if (position.xAdvance - position.advanceWidth !== 0) segment(i + 1);
    }
    x += position.xAdvance * scale;
  }
  flush(i);
  return out.join('');
}

/** The operators of one run at (x, y), y from the top of the page: pdfkit's `_fragment`, without what the report never uses. */
function fragment(font: PdfkitFont, hex: GlyphHex, pageHeight: number, run: Run, x: number, y: number, size: number): string {
  const glyphs = glyphsOf(run);
  const top = pageHeight - y;
  const shown = glyphs.plain === null ? showPlacedGlyphs(hex, glyphs.layouts, glyphs.words, x, top, size) : showGlyphs(hex, glyphs.plain);
  return `q\n1 0 0 -1 0 ${number(pageHeight)} cm\nBT\n1 0 0 1 ${number(x)} ${number(top)} Tm\n/${font.id} ${number(size)} Tf\n${shown}ET\nQ\n`;
}

/** Draws text items into one pdfkit document; fonts are registered with it as they are first used. */
export function textWriter(doc: PdfkitDocument): (item: TextItem) => void {
  const registered = new Map<Face, GlyphHex>();
  const select = (face: Face): { font: PdfkitFont; hex: GlyphHex } => {
    if (!registered.has(face)) {
      // pdfkit takes a parsed fontkit font as well as bytes (its types lag): parsed once per process.
      doc.registerFont(face.name, face.font as unknown as Buffer);
    }
    doc.font(face.name);
    const font = doc._font;
    let hex = registered.get(face);
    if (hex === undefined) registered.set(face, (hex = glyphHex(font)));
    return { font, hex };
  };
  const write = (chunks: string[]) => writeOps(doc, chunks.splice(0).join(''));
  return (item) => {
    let x = item.x;
    const chunks: string[] = [];
    const runs = runsOf(item.text, item.font);
    for (const [k, run] of runs.entries()) {
      const { font, hex } = select(run.face);
      if (run.text.includes('\n')) {
        // pdfkit draws each line of such a text after the last: rare, so it draws it itself.
        write(chunks);
        doc.fontSize(item.size);
        doc.fillColor(item.color);
        doc.text(run.text, x, item.y, { lineBreak: false, baseline: 'alphabetic' });
      } else {
        doc.page.fonts[font.id] ??= font.ref();
        chunks.push(colorOps(item.color), fragment(font, hex, doc.page.height, run, x, item.y, item.size));
      }
      // The measured width places the next run; the last one needs none.
      if (k < runs.length - 1) x += runWidth(run, item.size);
    }
    write(chunks);
  };
}
