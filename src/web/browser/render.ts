/**
 * A graded file as the page shows it: what `stepmark check` prints (every step with its mark and
 * message, section scores, the score) plus the network picture. Everything shown comes from the
 * report model the worker made (report/model.ts); nothing is recomputed here.
 */
import { networkBlock } from '../../report/pdf-network.js';
import { STATUS_STYLE, type FontStyle, type Measure } from '../../report/layout.js';
import type { ReportModel, SectionRow, StatusCount, StepRow } from '../../report/model.js';
import { STATUSES } from '../../grade/result.js';
import { MARKS } from '../../report/terminal.js';
import { SVG_FONT, svgMarkup } from '../svg.js';
import type { Words } from '../words.js';
import { h } from './dom.js';
import { sayWith } from '../../i18n/index.js';

const NETWORK_WIDTH = 760;
const NETWORK_MAX_HEIGHT = 560;

/** Text widths as the browser will draw them in the SVG (user units are CSS pixels). */
function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d');
  return (text: string, font: FontStyle, size: number) => {
    if (context === null) return text.length * size * 0.6;
    context.font = `${font === 'bold' ? 'bold ' : ''}${size}px ${SVG_FONT}`;
    return context.measureText(text).width;
  };
}

function mark(status: StepRow['status'], words: Words): HTMLElement {
  return h('span', { class: 'mark' }, h('span', { class: 'sym', 'aria-hidden': 'true' }, MARKS[status]), ' ', h('span', { class: 'word' }, words.status[status]));
}

function countsText(counts: readonly StatusCount[], words: Words): string {
  return counts.filter((c) => c.count > 0).map((c) => `${c.mark} ${c.count} ${words.status[c.status]}`).join(' · ');
}

function header(model: ReportModel, words: Words): HTMLElement {
  const { header: head } = model;
  return h(
    'section',
    { 'aria-labelledby': 'result-title' },
    h('h2', { id: 'result-title' }, head.student || head.file),
    h(
      'dl',
      { class: 'head' },
      // The student already heads the result; the list names only what the heading does not.
      ...(head.student ? [] : [h('dt', {}, words.student), h('dd', { class: 'student' }, '—')]),
      h('dt', {}, words.file), h('dd', { class: 'file' }, head.file),
      h('dt', {}, words.score), h('dd', { class: 'score', id: 'score' }, `${head.score}/${head.maxScore} (${head.percent})`),
    ),
    h('p', { class: 'counts' }, countsText(head.counts, words)),
    h('p', { class: 'muted' }, words.checkedOn(head.date)),
  );
}

function problems(model: ReportModel, words: Words): HTMLElement | null {
  if (model.problems.length === 0) return null;
  return h('section', {}, h('h3', {}, words.problems), h('ul', { class: 'problems' }, ...model.problems.map((p) => h('li', {}, p))));
}

function networkFigure(model: ReportModel, words: Words): HTMLElement {
  const block = networkBlock(model.network, NETWORK_WIDTH, NETWORK_MAX_HEIGHT, canvasMeasure(), sayWith(model.voice));
  const label = words.networkLabel(countsText(model.header.counts, words));
  const figure = h('figure', { class: 'network' });
  figure.innerHTML = svgMarkup(block.items, NETWORK_WIDTH, block.height, label); // every text in it is escaped
  const legend = h(
    'p',
    { class: 'legend', 'aria-hidden': 'true' },
    ...STATUSES.map((status) => {
      const style = STATUS_STYLE[status];
      const border = `1px ${style.dashed ? 'dashed' : 'solid'} ${style.stroke}`;
      const swatch = h('span', { class: 'swatch', style: `background:${style.fill};border:${border};color:${style.onFill}` }, MARKS[status]);
      return h('span', {}, swatch, words.status[status]);
    }),
  );
  return h('section', { 'aria-labelledby': 'network-title' }, h('h3', { id: 'network-title' }, words.network), legend, figure);
}

function sectionTable(sections: readonly SectionRow[], words: Words): HTMLElement {
  const rows = sections.map((s) =>
    h('tr', { 'data-section': s.id }, h('th', { scope: 'row' }, s.heading ?? s.id), h('td', { class: 'num' }, `${s.score}/${s.maxScore}`), h('td', {}, countsText(s.counts, words))),
  );
  return h(
    'section',
    {},
    h('h3', {}, words.sections),
    h('table', { class: 'sections' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, words.section), h('th', { scope: 'col', class: 'num' }, words.points), h('th', { scope: 'col' }, words.mark))), h('tbody', {}, ...rows)),
  );
}

function stepTables(model: ReportModel, words: Words): HTMLElement {
  const reveal = model.revealExpected;
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, words.mark),
    h('th', { scope: 'col' }, words.step),
    h('th', { scope: 'col', class: 'written' }, words.written),
    reveal && h('th', { scope: 'col', class: 'expected' }, words.expected),
    h('th', { scope: 'col', class: 'num' }, words.points),
    h('th', { scope: 'col' }, words.message),
  );
  const tables = model.sections.map((section) => {
    const steps = model.steps.filter((s) => s.section === section.id);
    const rows = steps.map((step) =>
      h(
        'tr',
        { class: `step st-${step.status}`, 'data-step': step.id, 'data-status': step.status },
        h('td', {}, mark(step.status, words)),
        h('th', { scope: 'row', class: 'id' }, step.id),
        h('td', { class: 'written' }, step.submitted || '—'),
        reveal && h('td', { class: 'expected' }, step.expected ?? ''),
        h('td', { class: 'num' }, `${step.points}/${step.maxPoints}`),
        h('td', { class: 'message' }, step.message),
      ),
    );
    return h('table', { class: 'steps' }, h('caption', { class: 'visually-hidden' }, section.id), h('thead', {}, head.cloneNode(true)), h('tbody', {}, ...rows));
  });
  return h('section', {}, h('h3', {}, words.steps), ...model.sections.flatMap((s, k) => [h('h4', {}, `${s.heading ?? s.id}  ${s.score}/${s.maxScore}`), tables[k]!]));
}

/** The result of one file; a file that could not be read shows why, and nothing else, as `check` does. */
export function renderResult(model: ReportModel, words: Words): HTMLElement[] {
  if (model.error !== null) {
    return [header(model, words), h('p', { class: 'alert file-error', role: 'alert' }, `${words.couldNotRead}: ${model.error}`)];
  }
  return [header(model, words), problems(model, words), networkFigure(model, words), sectionTable(model.sections, words), stepTables(model, words)].filter(
    (part): part is HTMLElement => part !== null,
  );
}
