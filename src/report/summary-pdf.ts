/** The class summary as a PDF document, drawn like the students' reports (pdf.ts). */
import type { ClassSummary } from './class-summary.js';
import { msg, sayWith } from '../i18n/index.js';
import { loadFonts } from './fonts.js';
import { documentInfo, renderPages } from './pdf.js';
import { layoutClassSummary, type SummaryHeader } from './summary-layout.js';
import type { IntegritySignal } from '../variants/integrity.js';

export type { SummaryHeader } from './summary-layout.js';

/**
 * The class summary PDF of a batch: the same summary and header always give the same bytes (its
 * dates are `gradedAt`).
 *
 * @example
 * const bytes = await renderClassSummaryPdf(classSummary(report), { title: 'CNN homework', gradedAt: '2024-06-01T09:00:00Z', rubricId: 'cnn-hw' });
 */
export async function renderClassSummaryPdf(summary: ClassSummary, header: SummaryHeader, integrity?: readonly IntegritySignal[]): Promise<Uint8Array> {
  const say = sayWith(header.voice);
  const title = say(msg('summary.title', { title: header.title }));
  const subject = say(msg('summary.subject', { files: summary.files, rubric: header.rubricId }));
  const info = documentInfo({ title, subject, gradedAt: header.gradedAt });
  return renderPages(layoutClassSummary(summary, header, await loadFonts(), undefined, integrity), info);
}
