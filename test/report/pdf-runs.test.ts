/**
 * The text writer writes, byte for byte, what pdfkit's own `text()` writes for the same runs, also
 * for what the example reports never hold: combining marks (glyphs drawn with an offset), tabs,
 * runs of spaces, ligatures, line breaks in a cell, mixed scripts. Boxes and lines likewise.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadFonts, runsOf, runWidth } from '../../src/report/fonts.js';
import { box as boxItem, line as lineItem, type BoxItem, type FontStyle, type LineItem, type TextItem } from '../../src/report/layout.js';
import { boxOps, lineOps, writeOps } from '../../src/report/pdf-ops.js';
import { textWriter } from '../../src/report/pdf-runs.js';

await loadFonts();

/** A one-page PDF with `items` drawn by `draw`; compressed off so that a failure can be read. */
function pdf<I>(items: readonly I[], draw: (doc: PDFKit.PDFDocument) => (item: I) => void): Promise<Buffer> {
  const when = new Date('2024-06-01T00:00:00Z');
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 0, compress: false, info: { CreationDate: when, ModDate: when } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  doc.addPage({ size: 'A4', margin: 0 });
  const text = draw(doc);
  for (const item of items) text(item);
  doc.end();
  return done;
}

/** How reports drew text before: pdfkit's `text()` for every run. */
function pdfkitText(doc: PDFKit.PDFDocument): (item: TextItem) => void {
  const registered = new Set<string>();
  return (item) => {
    let x = item.x;
    for (const run of runsOf(item.text, item.font)) {
      if (!registered.has(run.face.name)) doc.registerFont(run.face.name, run.face.font as unknown as Buffer);
      registered.add(run.face.name);
      doc.font(run.face.name).fontSize(item.size).fillColor(item.color);
      doc.text(run.text, x, item.y, { lineBreak: false, baseline: 'alphabetic' });
      x += runWidth(run, item.size);
    }
  };
}

/** A number from `min` to `max` with up to 7 decimals, spread evenly (fc.double favours tiny values). */
const decimal = (min: number, max: number) => fc.integer({ min: 0, max: 10_000_000 }).map((n) => min + ((max - min) * n) / 10_000_000);

const ours = (doc: PDFKit.PDFDocument) => textWriter(doc as unknown as Parameters<typeof textWriter>[0]);
const item = (text: string, font: FontStyle = 'regular', size = 8.5, x = 40, y = 100, color = '#212121'): TextItem =>
  ({ kind: 'text', x, y, text, font, size, color });

const TRICKY = [
  'e\u0301 n\u0303 a\u0308 — combining marks',
  'tab\there  and  two  spaces ',
  'office fluff ﬁ',
  'AVAVA To Wo Ty y, — kerned pairs',
  'line one\nline two',
  '王晓东 (2023000001) σ(in_cc1) = 0.4987 ✓ ↻ ✗ – ?',
  '= coef_o1·w1_new + coef_o2·w4_new − 1.5e-3 ≈ 64.6%',
  '',
  ' ',
];

describe('the text writer', () => {
  it('writes what pdfkit writes for every text of the tricky list', async () => {
    const items = TRICKY.flatMap((text, k) => [item(text, 'regular', 8.5, 40, 60 + 30 * k), item(text, 'bold', 11.3, 50.25, 75 + 30 * k, '#c62828')]);
    const written = (await pdf(items, ours)).toString('latin1');
    expect(written).toBe((await pdf(items, pdfkitText)).toString('latin1'));
    // The combining marks are placed with an offset: more text positions (Tm) than text objects (BT);
    // kerned pairs cut a TJ string in pieces.
    expect(written.match(/ Tm\n/g)!.length).toBeGreaterThan(written.match(/\nBT\n/g)!.length);
    expect(written).toMatch(/\[<[0-9a-f]+> -?[1-9][\d.]* <[0-9a-f]+>/);
  });

  it('writes what pdfkit writes for any text, size and place', async () => {
    const char = fc.constantFrom(...'ab fiAVToWy,\t0.-=·σ−✓↻✗王晓东\u0301\u0308'.split(''), ' ', '\n');
    const anyItem = fc.record({
      text: fc.array(char, { maxLength: 24 }).map((cs) => cs.join('')),
      font: fc.constantFrom<FontStyle>('regular', 'bold'),
      size: decimal(3, 20),
      x: decimal(0, 500),
      y: decimal(10, 800),
    }).map((r) => item(r.text, r.font, r.size, r.x, r.y));
    await fc.assert(
      fc.asyncProperty(fc.array(anyItem, { minLength: 1, maxLength: 6 }), async (items) => {
        expect((await pdf(items, ours)).toString('latin1')).toBe((await pdf(items, pdfkitText)).toString('latin1'));
      }),
      { numRuns: 60 },
    );
  });
});

/** How reports drew boxes and lines before: pdfkit's own calls. */
function pdfkitShapes(doc: PDFKit.PDFDocument): (item: BoxItem | LineItem) => void {
  return (item) => {
    if (item.kind === 'line') {
      doc.save().lineWidth(item.width).moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).stroke(item.color).restore();
      return;
    }
    doc.save().lineWidth(0.6);
    if (item.dashed) doc.dash(1.6, { space: 1.2 });
    if (item.radius > 0) doc.roundedRect(item.x, item.y, item.width, item.height, item.radius);
    else doc.rect(item.x, item.y, item.width, item.height);
    if (item.fill !== null && item.stroke !== null) doc.fillAndStroke(item.fill, item.stroke);
    else if (item.fill !== null) doc.fill(item.fill);
    else if (item.stroke !== null) doc.stroke(item.stroke);
    doc.restore();
  };
}

const shapeOps = (doc: PDFKit.PDFDocument) => (item: BoxItem | LineItem) => writeOps(doc, item.kind === 'box' ? boxOps(item) : lineOps(item));

describe('the box and line writer', () => {
  it('writes what pdfkit writes for any box and line', async () => {
    const coordinate = decimal(-50, 600);
    const length = decimal(0, 300);
    const color = fc.constantFrom('#212121', '#c62828', '#dcefd9', '#FFD54F');
    const anyBox = fc.record({
      x: coordinate, y: coordinate, width: length, height: length,
      fill: fc.option(color), stroke: fc.option(color), dashed: fc.boolean(),
      radius: fc.oneof(fc.constant(0), decimal(0, 200)),
    }).map(({ x, y, width, height, ...style }) => boxItem(x, y, width, height, style));
    const anyLine = fc.record({ x1: coordinate, y1: coordinate, x2: coordinate, y2: coordinate, color, width: decimal(0.1, 3) })
      .map((l) => lineItem(l.x1, l.y1, l.x2, l.y2, l.color, l.width));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(anyBox, anyLine), { minLength: 1, maxLength: 8 }), async (items) => {
        expect((await pdf(items, shapeOps)).toString('latin1')).toBe((await pdf(items, pdfkitShapes)).toString('latin1'));
      }),
      { numRuns: 80 },
    );
  });
});
