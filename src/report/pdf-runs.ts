/**
 * Text drawn into a pdfkit document with one write per text item, from runs laid out once per
 * process. pdfkit's `text()` would lay each run out three times (in a cache that starts empty for
 * every document) and write it in 8 to 10 pieces; the operators written here are, byte for byte,
 * the ones `fillColor(color)` then `text(run, x, y, { lineBreak: false, baseline: 'alphabetic' })`
 * write (test/report/pdf-bytes.test.ts pins the bytes). It reaches into pdfkit's document (the
 * current font's subset, the page's content stream), so that is kept to this file.
 */
import type { TextItem } from './layout.js';
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

/** pdfkit's number format: at most six decimals. */
const number = (n: number) => Math.round(n * 1e6) / 1e6;

const colors = new Map<string, string>();

/** `fillColor('#rrggbb')` as pdfkit writes it. */
function fillColor(hex: string): string {
  let written = colors.get(hex);
  if (written === undefined) {
    if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`report colors are #rrggbb, not "${hex}"`);
    const value = parseInt(hex.slice(1), 16);
    written = `/DeviceRGB cs\n${[value >> 16, (value >> 8) & 0xff, value & 0xff].map((part) => part / 255).join(' ')} scn\n`;
    colors.set(hex, written);
  }
  return written;
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
 * The TJ operator of glyphs without offsets: pdfkit cuts the string after each kerned glyph and
 * writes the kerning of the last glyph of every piece.
 */
function showGlyphs(hex: GlyphHex, layouts: readonly LaidOut[], words: readonly Drawn[]): string {
  let shown = '[<';
  let last: DrawnPosition | undefined;
  layouts.forEach((layout, w) => {
    const positions = words[w]!.positions;
    layout.glyphs.forEach((glyph, k) => {
      if (last !== undefined && last.xAdvance - last.advanceWidth !== 0) shown += `> ${kern(last)} <`;
      shown += hex(glyph);
      last = positions[k];
    });
  });
  return last === undefined ? '' : `${shown}> ${kern(last)}] TJ\n`;
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
  const layouts = words(run.text).map((word) => laidOut(run.face, word));
  const placed = layouts.map((layout) => drawn(layout, font.scale));
  const top = pageHeight - y;
  const shown = placed.some((word) => word.offset) ? showPlacedGlyphs(hex, layouts, placed, x, top, size) : showGlyphs(hex, layouts, placed);
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
  const write = (chunks: string[]) => {
    // As bytes: pdfkit would copy a string into bytes one character at a time.
    if (chunks.length > 0) doc.page.write(Buffer.from(chunks.splice(0).join(''), 'latin1'));
  };
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
        chunks.push(fillColor(item.color), fragment(font, hex, doc.page.height, run, x, item.y, item.size));
      }
      // The measured width places the next run; the last one needs none.
      if (k < runs.length - 1) x += runWidth(run, item.size);
    }
    write(chunks);
  };
}
