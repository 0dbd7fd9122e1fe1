/**
 * The laid-out report drawn with pdfkit. pdfkit is reached only through `Canvas`, four calls wide;
 * the document's dates are the grading date and its ID follows from them, so the same input gives
 * the same bytes. pdfkit and the fonts are loaded when the first PDF is made, not before.
 */
import type { Graph } from '../engine/graph.js';
import { assertNever } from '../engine/expr.js';
import type { GradeResult } from '../grade/result.js';
import { loadAllFonts, loadFonts } from './fonts.js';
import type { BoxItem, LineItem, Page, TextItem } from './layout.js';
import { msg, sayWith } from '../i18n/index.js';
import { reportModel, type ReportModel, type ReportOptions } from './model.js';
import { layoutReport } from './pdf-layout.js';
import { boxOps, lineOps, writeOps } from './pdf-ops.js';
import { textWriter } from './pdf-runs.js';

/** What drawing needs from a PDF library. */
export interface Canvas {
  addPage(): void;
  text(item: TextItem): void;
  box(item: BoxItem): void;
  line(item: LineItem): void;
}

export function draw(pages: readonly Page[], canvas: Canvas): void {
  for (const page of pages) {
    canvas.addPage();
    for (const item of page.items) {
      switch (item.kind) {
        case 'text':
          canvas.text(item);
          break;
        case 'box':
          canvas.box(item);
          break;
        case 'line':
          canvas.line(item);
          break;
        default:
          assertNever(item);
      }
    }
  }
}

function pdfkitCanvas(doc: PDFKit.PDFDocument): Canvas {
  return {
    addPage: () => doc.addPage({ size: 'A4', margin: 0 }),
    text: textWriter(doc as unknown as Parameters<typeof textWriter>[0]),
    box: (item) => writeOps(doc, boxOps(item)),
    line: (item) => writeOps(doc, lineOps(item)),
  };
}

/** Document info: fixed producer, and the grading date as creation and modification date (pdfkit derives the file ID from these). */
export function documentInfo(fields: { title: string; subject: string; gradedAt: string }): PDFKit.DocumentInfo {
  const when = new Date(fields.gradedAt);
  if (Number.isNaN(when.getTime())) throw new RangeError(`gradedAt must be an ISO date, not "${fields.gradedAt}"`);
  return { Title: fields.title, Subject: fields.subject, Author: 'stepmark', Creator: 'stepmark', Producer: 'stepmark', CreationDate: when, ModDate: when };
}

/** Laid-out pages as PDF bytes, for every report: the same pages and info always give the same bytes. */
export async function renderPages(pages: readonly Page[], info: PDFKit.DocumentInfo): Promise<Uint8Array> {
  const [{ default: PDFDocument }] = await Promise.all([import('pdfkit'), loadFonts()]);
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 0, compress: true, info, displayTitle: true });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(pages, pdfkitCanvas(doc));
  doc.end();
  return done;
}

/** Loads pdfkit and reads every font now, rather than with the first report (a batch worker's start-up). */
export async function preparePdf(): Promise<void> {
  await Promise.all([import('pdfkit'), loadAllFonts()]);
}

/** The student's report as PDF bytes: the same model always gives the same bytes. */
export async function renderReportPdf(model: ReportModel): Promise<Uint8Array> {
  const h = model.header;
  const title = `${h.title}${h.student ? ` — ${h.student}` : ''}`;
  const subject = sayWith(model.voice)(msg('report.subject', { file: h.file }));
  return renderPages(layoutReport(model, await loadFonts()), documentInfo({ title, subject, gradedAt: h.gradedAt }));
}

/**
 * A student's PDF report of one graded file, for the batch and `check --pdf` commands.
 *
 * @example
 * const bytes = await writeStudentReport(result, reference.graph, { revealExpected: false, gradedAt: '2024-06-01T09:00:00Z' });
 */
export function writeStudentReport(result: GradeResult, graph: Graph, options: ReportOptions): Promise<Uint8Array> {
  return renderReportPdf(reportModel(result, graph, options));
}
