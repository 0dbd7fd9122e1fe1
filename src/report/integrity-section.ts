/**
 * The class summary's section on signals of copied work (src/variants/integrity.ts): one entry
 * per signal, the two students and what the signal rests on. Laid out like the rest (pure).
 */
import { english, msg, type Message, type Say } from '../i18n/index.js';
import type { IntegritySignal, SignalKind } from '../variants/integrity.js';
import { line, MUTED, paragraph, RULE, text, type Block, type Item, type Measure } from './layout.js';

const KIND_WORDS: Record<SignalKind, Message> = {
  'fits-another-variant': msg('integrity.kind.fits-another-variant'),
  'shared-wrong-values': msg('integrity.kind.shared-wrong-values'),
};

const who = (id: string | null, name: string | null, file: string | null, say: Say) =>
  [id, name].filter((part) => part !== null && part !== '').join(' ') || file || say(msg('integrity.unknown'));

export function integrityBlocks(signals: readonly IntegritySignal[], width: number, measure: Measure, say: Say = english): Block[] {
  const intro = paragraph(0, 0, width, say(msg('integrity.intro')), { font: 'regular', size: 8.5, color: MUTED }, measure);
  if (signals.length === 0) {
    return [{ height: intro.height + 14, items: [...intro.items, text(0, intro.height + 2, say(msg('integrity.none')), 'regular', 8.5, MUTED)] }];
  }
  return [{ height: intro.height + 4, items: intro.items, keepWithNext: true }, ...signals.map((signal) => signalBlock(signal, width, measure, say))];
}

function signalBlock(signal: IntegritySignal, width: number, measure: Measure, say: Say): Block {
  const pad = 4;
  const student = who(signal.student.id, signal.student.name, signal.file, say);
  const other = who(signal.other.id, signal.other.name, signal.other.file, say);
  const title = say(msg('integrity.title', { student, kind: KIND_WORDS[signal.kind], other }));
  const head = paragraph(0, pad, width, title, { font: 'bold', size: 9 }, measure);
  const detail = paragraph(0, pad + head.height, width, say(msg('integrity.detail', { detail: say(signal.note), file: signal.file })), { font: 'regular', size: 8, color: MUTED }, measure);
  const height = pad + head.height + detail.height + pad;
  const items: Item[] = [...head.items, ...detail.items, line(0, height, width, height, RULE, 0.4)];
  return { height, items };
}
