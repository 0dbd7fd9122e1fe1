/** The reference values as a table for a person, CSV for a spreadsheet, or JSON for a program. */
import { stringify } from 'csv-stringify/sync';
import pc from 'picocolors';
import type { Lookup } from '../engine/exact.js';
import type { Graph } from '../engine/graph.js';
import { formatNumber, renderSubstituted, renderSymbolic } from '../engine/text.js';
import { english, msg, type Say } from '../i18n/index.js';
import { sectionHeading } from '../report/sections.js';

export { REFERENCE_FORMATS, type ReferenceFormat } from './choices.js';

/** `{ "<step id>": <number>, ... }` in graph order, full precision. */
export function referenceJson(graph: Graph, values: ReadonlyMap<string, number>): string {
  const record: Record<string, number | null> = {};
  for (const step of graph.steps) {
    const value = values.get(step.id)!;
    record[step.id] = Number.isFinite(value) ? value : null;
  }
  return `${JSON.stringify(record, null, 2)}\n`;
}

export function referenceCsv(graph: Graph, values: ReadonlyMap<string, number>, say: Say = english): string {
  const rows = graph.steps.map((step) => [step.id, step.layer, step.phase, values.get(step.id)!, renderSymbolic(step.expr), say(step.descriptionNote)]);
  return stringify([['id', 'layer', 'phase', 'value', 'formula', 'description'], ...rows]);
}

/** Grouped by layer and phase: id, value, formula, and the formula with numbers substituted. */
export function referenceTable(graph: Graph, values: ReadonlyMap<string, number>, color: boolean, say: Say = english, title = graph.title): string {
  const paint = pc.createColors(color);
  const lookup: Lookup<number> = { param: (name) => graph.params.get(name)!, ref: (id) => values.get(id)! };
  const idWidth = Math.max(...graph.steps.map((s) => s.id.length));
  const convention = graph.convention === 'standard' ? msg('convention.standard') : msg('convention.updated-weights');
  const lines = [paint.bold(title), paint.dim(say(msg('reference.header', { rubric: graph.rubricId, convention, steps: graph.steps.length })))];
  for (const section of graph.sections) {
    lines.push('', paint.bold(paint.cyan(say(sectionHeading(graph, section)))));
    for (const id of section.stepIds) {
      const step = graph.byId.get(id)!;
      const value = formatNumber(values.get(id)!, 6).padStart(12);
      lines.push(`  ${id.padEnd(idWidth)} ${paint.yellow(value)}  = ${renderSymbolic(step.expr)}`);
      lines.push(`  ${' '.repeat(idWidth + 13)}  ${paint.dim(`= ${renderSubstituted(step.expr, lookup)}`)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
