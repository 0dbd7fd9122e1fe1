/**
 * Text drawn into a pdfkit document with one write per text item, from runs laid out once per
 * process. pdfkit's `text()` would lay each run out three times (in a cache that starts empty for
 * every document) and write it in 8 to 10 pieces; the operators written here are, byte for byte,
 * the ones `fillColor(color)` then `text(run, x, y, { lineBreak: false, baseline: 'alphabetic' })`
 * write (test/report/pdf-bytes.test.ts pins the bytes). It reaches into pdfkit's document (the
 * current font's subset, the page's content stream), so that is kept to this file.
 */
import type { TextItem } from './layout.js';
import { runWidth, shape, wordLayout, type Face, type Run, type WordLayout } from './fonts.js';

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
  readonly page: { readonly height: number; readonly fonts: Record<string, unknown>; write(chunk: string): void };
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
    written = `/DeviceRGB cs\n${[value >> 16, (value >> 8) & 0xff, value & 0xff].map((part) => part / 255).join(' ')} scn`;
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

/** The run's glyphs in the font's subset (4 hex digits each), noting widths and code points as pdfkit's `encode` does. */
function encode(font: PdfkitFont, layouts: readonly WordLayout[]): string[] {
  const hex: string[] = [];
  for (const layout of layouts) {
    for (const glyph of layout.glyphs) {
      const gid = font.subset.includeGlyph(glyph.id);
      hex.push(`0000${gid.toString(16)}`.slice(-4));
      font.widths[gid] ??= glyph.advanceWidth * font.scale;
      font.unicode[gid] ??= glyph.codePoints;
    }
  }
  return hex;
}

/** The operators of one run at (x, y), y from the top of the page: pdfkit's `_fragment`, without what the report never uses. */
function fragment(font: PdfkitFont, pageHeight: number, run: Run, x: number, y: number, size: number): string {
  const layouts = words(run.text).map((word) => wordLayout(run.face, word));
  const encoded = encode(font, layouts);
  const positions = layouts.flatMap((layout) => layout.positions);
  const top = pageHeight - y;
  const out = [`q\n1 0 0 -1 0 ${number(pageHeight)} cm\nBT\n1 0 0 1 ${number(x)} ${number(top)} Tm\n/${font.id} ${number(size)} Tf`];
  const scale = size / 1000;
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const segment = (end: number) => {
    if (last < end) {
      const advance = positions[end - 1]!.xAdvance - positions[end - 1]!.advanceWidth;
      commands.push(`<${encoded.slice(last, end).join('')}> ${number(-advance)}`);
    }
    last = end;
  };
  const flush = (end: number) => {
    segment(end);
    if (commands.length > 0) out.push(`[${commands.join(' ')}] TJ`);
    commands.length = 0;
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const position = positions[i]!;
    if (position.xOffset || position.yOffset) {
      flush(i);
      out.push(`1 0 0 1 ${number(x + position.xOffset * scale)} ${number(top + position.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${number(x)} ${number(top)} Tm`);
        hadOffset = false;
      }
      if (position.xAdvance - position.advanceWidth !== 0) segment(i + 1);
    }
    x += position.xAdvance * scale;
  }
  flush(i);
  out.push('ET\nQ');
  return out.join('\n');
}

/** Draws text items into one pdfkit document; fonts are registered with it as they are first used. */
export function textWriter(doc: PdfkitDocument): (item: TextItem) => void {
  const registered = new Set<Face>();
  const select = (face: Face): PdfkitFont => {
    if (!registered.has(face)) {
      // pdfkit takes a parsed fontkit font as well as bytes (its types lag): parsed once per process.
      doc.registerFont(face.name, face.font as unknown as Buffer);
      registered.add(face);
    }
    doc.font(face.name);
    return doc._font;
  };
  return (item) => {
    let x = item.x;
    const chunks: string[] = [];
    for (const run of shape(item.text, item.font).runs) {
      const font = select(run.face);
      if (run.text.includes('\n')) {
        // pdfkit draws each line of such a text after the last: rare, so it draws it itself.
        if (chunks.length > 0) doc.page.write(chunks.splice(0).join('\n'));
        doc.fontSize(item.size);
        doc.fillColor(item.color);
        doc.text(run.text, x, item.y, { lineBreak: false, baseline: 'alphabetic' });
      } else {
        doc.page.fonts[font.id] ??= font.ref();
        chunks.push(fillColor(item.color), fragment(font, doc.page.height, run, x, item.y, item.size));
      }
      x += runWidth(run, item.size);
    }
    if (chunks.length > 0) doc.page.write(chunks.join('\n'));
  };
}
