/**
 * The class summary's section on signals of copied work (src/variants/integrity.ts): one entry
 * per signal, the two students and what the signal rests on. Laid out like the rest (pure).
 */
import type { IntegritySignal, SignalKind } from '../variants/integrity.js';
import { line, MUTED, paragraph, RULE, text, type Block, type Item, type Measure } from './layout.js';

const KIND_WORDS: Record<SignalKind, string> = {
  'fits-another-variant': "fits another student's numbers",
  'shared-wrong-values': 'shares wrong values with another file',
};

const who = (id: string | null, name: string | null, file: string | null) =>
  [id, name].filter((part) => part !== null && part !== '').join(' ') || file || 'unknown';

export function integrityBlocks(signals: readonly IntegritySignal[], width: number, measure: Measure): Block[] {
  const intro = paragraph(0, 0, width,
    'These never change a score: they point a TA at files worth a second look (integrity.csv lists the same).',
    { font: 'regular', size: 8.5, color: MUTED }, measure);
  if (signals.length === 0) {
    return [{ height: intro.height + 14, items: [...intro.items, text(0, intro.height + 2, 'No signal of copied work.', 'regular', 8.5, MUTED)] }];
  }
  return [{ height: intro.height + 4, items: intro.items, keepWithNext: true }, ...signals.map((signal) => signalBlock(signal, width, measure))];
}

function signalBlock(signal: IntegritySignal, width: number, measure: Measure): Block {
  const pad = 4;
  const title = `${who(signal.student.id, signal.student.name, signal.file)} — ${KIND_WORDS[signal.kind]}: ${who(signal.other.id, signal.other.name, signal.other.file)}`;
  const head = paragraph(0, pad, width, title, { font: 'bold', size: 9 }, measure);
  const detail = paragraph(0, pad + head.height, width, `${signal.detail} File: ${signal.file}`, { font: 'regular', size: 8, color: MUTED }, measure);
  const height = pad + head.height + detail.height + pad;
  const items: Item[] = [...head.items, ...detail.items, line(0, height, width, height, RULE, 0.4)];
  return { height, items };
}
