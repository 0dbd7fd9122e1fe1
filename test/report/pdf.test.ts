import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPdftotext } from './helpers.js';
import { reportModel } from '../../src/report/model.js';
import { renderReportPdf, writeStudentReport } from '../../src/report/pdf.js';
import { GRADED_AT, gradeBroken, gradeExample, reference } from './example.js';
import { fonts, pageTexts, pdfObjects } from './pdf-text.js';

const result = gradeExample();
const options = { revealExpected: false, gradedAt: GRADED_AT };
const stepIds = reference.graph.steps.map((s) => s.id);


/** The text poppler extracts, page by page. */
function pdftotext(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'stepmark-report-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the PDF report of the transcribed handwritten solution', async () => {
  const bytes = await writeStudentReport(result, reference.graph, options);
  const text = pageTexts(bytes);

  it('is a PDF, the same bytes every time for the same input', async () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.from(bytes.subarray(-6)).toString()).toContain('%%EOF');
    expect(Buffer.compare(await writeStudentReport(result, reference.graph, options), bytes)).toBe(0);
    expect(Buffer.compare(await renderReportPdf(reportModel(result, reference.graph, options)), bytes)).toBe(0);
  });

  it('dates the PDF by the grading, not by the clock', async () => {
    const pdf = Buffer.from(bytes).toString('latin1');
    const infoRef = /\/Info (\d+) 0 R/.exec(pdf)![1];
    const info = pdfObjects(bytes).get(Number(infoRef))!.dict;
    const dates = ['CreationDate', 'ModDate'].map((key) => pdfObjects(bytes).get(Number(new RegExp(`/${key} (\\d+) 0 R`).exec(info)![1]))!.dict);
    expect(dates).toEqual(['(D:20240601010000Z)', '(D:20240601010000Z)']);
    const later = await writeStudentReport(result, reference.graph, { ...options, gradedAt: '2024-06-02T09:00:00+08:00' });
    expect(Buffer.compare(later, bytes)).not.toBe(0);
  });

  it('embeds subsets of its fonts, with a ToUnicode map that has the Chinese name and the marks', () => {
    const embedded = [...fonts(pdfObjects(bytes)).values()];
    expect(embedded.map((f) => f.baseFont.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(
      ['DejaVuSans', 'DejaVuSans-Bold', 'NotoSansSC-Bold', 'NotoSansSC-Regular'],
    );
    for (const font of embedded) expect(font.baseFont).toMatch(/^[A-Z]{6}\+/);
    const mapped = new Set(embedded.flatMap((f) => [...f.unicode.values()]));
    for (const char of ['王', '晓', '东', '✓', '✗', '↻', '–', 'σ', 'α', '−', '·']) expect(mapped, char).toContain(char);
  });

  it("reads back every step id, the student's name and the marks (decoded through the fonts' ToUnicode maps)", () => {
    const all = text.join('\n');
    for (const id of stepIds) expect(all.split('\n'), id).toContain(id);
    expect(all).toContain('王晓东');
    for (const mark of ['✓', '↻', '✗', '–']) expect(all).toContain(mark);
    expect(text[0]).toContain('68 / 91');
  });

  it('reads back the same through poppler, where pdftotext is installed (else: as decoded above)', () => {
    // CI machines may lack poppler-utils; the test above then carries the same assertions.
    const pages = hasPdftotext() ? pdftotext(bytes) : text;
    expect(pages).toHaveLength(text.length);
    const words = new Set(pages.join('\n').split(/\s+/));
    for (const id of stepIds) expect(words, id).toContain(id);
    for (const mark of ['✓', '↻', '✗', '–']) expect(words).toContain(mark);
    expect(pages.join('\n')).toContain('王晓东');
    // Both readings hold the same characters (in their own orders): the decoder reads what poppler reads.
    const letters = (page: string) => [...page.replace(/\s/g, '')].sort().join('');
    expect(pages.map(letters)).toEqual(text.map(letters));
  });

  it('is a few pages and a few tens of kilobytes', () => {
    expect(text.length).toBeGreaterThanOrEqual(4);
    expect(text.length).toBeLessThanOrEqual(9);
    expect(bytes.length).toBeLessThan(150_000);
  });
});

describe('the PDF report of a file that could not be read', () => {
  it('says why, names no student, and still lists every step as missing', async () => {
    const result = gradeBroken();
    expect(result.error).not.toBeNull();
    const text = pageTexts(await writeStudentReport(result, reference.graph, options)).join('\n');
    expect(text).toContain('could not read the file');
    expect(text).toContain('student not named in the file');
    expect(text).toContain(`0 / ${result.maxScore}`);
    for (const id of stepIds) expect(text.split('\n'), id).toContain(id);
  });
});
