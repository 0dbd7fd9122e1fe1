/**
 * `wrong-input`: one value the formula reads (an earlier step or a given value) replaced by its
 * neighbour — the same name with the index one lower or higher (`out_pp3` → `out_pp2`, `out_pp4`;
 * `KK13` → `KK12`; `w1_new` → `w2_new`): a window or a kernel read one position off.
 *
 * Ids are written by the network builder as a prefix and a 1-based index, updated parameters with
 * the rubric's suffix after it; this is the one place that reads an index back out of an id.
 */
import { param, paramsOf, ref, refsOf, substitute, type Expr } from '../../engine/expr.js';
import { LEARNING_RATE } from '../../engine/graph.js';
import { msg } from '../../i18n/index.js';
import type { Alternative, DiagnosisContext } from './context.js';

const INDEXED = /^(.*?)(\d+)$/;

/** The names one index below and above `name`, e.g. `KK13` -> `KK12`, `KK14`; `w1_new` -> `w2_new`. */
function neighbourNames(name: string, suffix: string): string[] {
  const tail = suffix !== '' && name.endsWith(suffix) ? suffix : '';
  const match = INDEXED.exec(name.slice(0, name.length - tail.length));
  if (match === null) return [];
  const [, prefix, digits] = match;
  const index = Number(digits);
  return [index - 1, index + 1].filter((k) => k >= 1).map((k) => `${prefix}${k}${tail}`);
}

/** A value the formula reads, and how to read another one of its kind by name (null if none). */
interface Leaf {
  readonly node: Expr;
  readonly name: string;
  readonly as: (name: string) => Expr | null;
}

const sameLeaf = (a: Expr, b: Expr): boolean =>
  (a.op === 'ref' && b.op === 'ref' && a.id === b.id) || (a.op === 'param' && b.op === 'param' && a.name === b.name);

export function neighbourAlternatives(ctx: DiagnosisContext): Alternative[] {
  const { graph, rubric } = ctx.reference;
  const { expr } = ctx.step;
  // A step can only have read steps computed before it.
  const earlier = new Set(graph.steps.slice(0, graph.steps.indexOf(ctx.step)).map((s) => s.id));
  const leaves: Leaf[] = [
    ...refsOf(expr).map((id) => ({ node: ref(id), name: id, as: (n: string) => (earlier.has(n) ? ref(n) : null) })),
    ...paramsOf(expr)
      .filter((name) => name !== LEARNING_RATE)
      .map((name) => ({ node: param(name), name, as: (n: string) => (graph.params.has(n) ? param(n) : null) })),
  ];
  const alternatives: Alternative[] = [];
  for (const leaf of leaves) {
    for (const other of neighbourNames(leaf.name, rubric.newSuffix)) {
      const replacement = leaf.as(other);
      if (replacement === null) continue;
      const rewritten = substitute(expr, (node) => (sameLeaf(node, leaf.node) ? replacement : undefined));
      alternatives.push({ expr: rewritten, message: msg('diagnosis.wrongInput', { used: other, right: leaf.name }) });
    }
  }
  return alternatives;
}
