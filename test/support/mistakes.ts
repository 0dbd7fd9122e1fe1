/**
 * Mistakes planted the way a student makes them: the step computed on the student's own
 * (hand-rounded) earlier values with one thing done wrong, then rounded. Written from the rubric
 * and the engine's formulas, independently of src/grade/rules.
 */
import { evaluateExact } from '../../src/engine/exact.js';
import { nodesOf, num, param, paramsOf, ref, refsOf, sub, substitute, type Expr } from '../../src/engine/expr.js';
import { LEARNING_RATE, type Graph, type Step } from '../../src/engine/graph.js';
import { buildForward, buildNetwork } from '../../src/engine/network.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import type { Reference } from '../../src/grade/reference.js';
import type { GradeResult } from '../../src/grade/result.js';
import type { DiagnosisCode, Rubric } from '../../src/rubric/schema.js';
import { handRounded, submissionOf, writeAs } from './submissions.js';

export interface Planted {
  readonly step: string;
  /** The value as the student writes it: a number (written at the solution's decimals) or a raw string. */
  readonly written: number | string;
}

export interface Plot {
  readonly reference: Reference;
  /** The student's own values: the hand-rounded solution. */
  readonly hand: ReadonlyMap<string, number>;
  readonly decimals: number;
  /** A source of choices in [0, 1). */
  readonly choose: () => number;
}

const pick = <T>(items: readonly T[], choose: () => number): T | undefined => items[Math.floor(choose() * items.length)];

/** The formula evaluated on the student's own values, before rounding. */
function onHand(plot: Plot, expr: Expr): number {
  const { graph } = plot.reference;
  return evaluateExact(expr, { param: (name) => graph.params.get(name)!, ref: (id) => plot.hand.get(id)! });
}

const rounded = (plot: Plot, x: number) => Number(x.toFixed(plot.decimals));

/** A step of `other` whose formula differs from the reference's, computed that way. */
function fromVariant(plot: Plot, other: Graph | null): Planted | null {
  if (other === null) return null;
  const differ = other.steps.filter((s) => JSON.stringify(s.expr) !== JSON.stringify(plot.reference.graph.byId.get(s.id)!.expr));
  const step = pick(differ, plot.choose);
  return step ? { step: step.id, written: rounded(plot, onHand(plot, step.expr)) } : null;
}

function built(rubric: Rubric, convention: Rubric['convention']): Graph | null {
  const result = buildNetwork(rubric, { convention });
  return result.ok ? result.graph : null;
}

const flipped = (rubric: Rubric): Rubric => ({
  ...rubric,
  layers: rubric.layers.map((layer) => (layer.kind === 'conv1d' || layer.kind === 'conv2d' ? { ...layer, flip: !layer.flip } : layer)),
});

/**
 * A conv layer's pre-activation computed without its zero padding (or with padding 1 where it has
 * none), on the student's own values: the value at the same row and column of the other map.
 */
function otherPadding(plot: Plot): Planted | null {
  const { rubric, graph } = plot.reference;
  const convs = rubric.layers.flatMap((layer, i) => (layer.kind === 'conv1d' || layer.kind === 'conv2d' ? [i] : []));
  const i = pick(convs, plot.choose);
  if (i === undefined) return null;
  const layer = rubric.layers[i] as Extract<Rubric['layers'][number], { kind: 'conv1d' | 'conv2d' }>;
  const padded = typeof layer.padding === 'number' ? layer.padding > 0 : layer.padding.some((p) => p > 0);
  const layers = rubric.layers.map((other, k) => (k === i ? { ...layer, padding: padded ? 0 : 1 } : other));
  const steps = buildForward({ ...rubric, layers }, { convention: graph.convention })
    .filter((s) => s.kind === 'pre-activation' && s.layer === layer.name && graph.byId.has(s.id) && JSON.stringify(s.expr) !== JSON.stringify(graph.byId.get(s.id)!.expr));
  const step = pick(steps, plot.choose);
  return step ? { step: step.id, written: rounded(plot, onHand(plot, step.expr)) } : null;
}

/** A delta with its sign flipped: the student's own value, negated. */
function negated(plot: Plot): Planted | null {
  const step = pick(plot.reference.graph.steps.filter((s) => s.kind === 'coef'), plot.choose);
  return step ? { step: step.id, written: rounded(plot, -onHand(plot, step.expr)) } : null;
}

/**
 * One pooled delta routed wrongly: max pooling sends it to the elements that were not the maximum
 * (1 − [was the max]); average pooling forgets 1/size.
 */
function rerouted(plot: Plot): Planted | null {
  const routes = plot.reference.graph.steps.flatMap((step) =>
    step.kind !== 'coef' ? [] : nodesOf(step.expr)
      .filter((n) => (n.op === 'argmaxIs' && n.args.length > 1) || (n.op === 'div' && n.left.op === 'const'))
      .map((node) => ({ step, node })));
  const choice = pick(routes, plot.choose);
  if (choice === undefined) return null;
  const { step, node } = choice;
  const wrong = substitute(step.expr, (n) => (n === node ? (n.op === 'argmaxIs' ? sub(num(1), n) : num(1)) : undefined));
  return { step: step.id, written: rounded(plot, onHand(plot, wrong)) };
}

/** The derivative of the step's unit's activation at the student's own values, or null. */
function derivativeOf(plot: Plot, id: string): number | null {
  const { layers, loss } = plot.reference.rubric;
  for (const layer of layers) {
    if (layer.kind !== 'conv1d' && layer.kind !== 'conv2d' && layer.kind !== 'dense') continue;
    if (!id.startsWith(layer.steps.coef) || layer.activation === 'softmax') continue;
    // Binary cross-entropy over sigmoid gives the output delta out − target directly: no derivative factor.
    if (layer === layers.at(-1) && loss.kind === 'binary-cross-entropy') continue;
    const out = plot.hand.get(`${layer.steps.out}${id.slice(layer.steps.coef.length)}`)!;
    if (layer.activation === 'sigmoid') return out * (1 - out);
    if (layer.activation === 'tanh') return 1 - out * out;
  }
  return null;
}

function withoutDerivative(plot: Plot): Planted | null {
  const { steps } = plot.reference.graph;
  const candidates = steps.filter((s) => s.kind === 'coef' && (derivativeOf(plot, s.id) ?? 0) !== 0);
  const relu = steps.filter((s) => s.kind === 'coef' && s.expr.op === 'mul' && s.expr.args.some((a) => a.op === 'step'));
  const step = pick([...candidates, ...relu], plot.choose);
  if (step === undefined) return null;
  const derivative = derivativeOf(plot, step.id);
  const sum = derivative !== null
    ? onHand(plot, step.expr) / derivative
    : onHand(plot, substitute(step.expr, (n) => (n.op === 'step' ? num(1) : undefined)));
  return { step: step.id, written: rounded(plot, sum) };
}

/** p_new = p − α·g on the student's values: p, α and g. */
function updateParts(plot: Plot, step: Step) {
  const { graph, rubric } = plot.reference;
  const p = graph.params.get(step.id.slice(0, -rubric.newSuffix.length))!;
  const alpha = graph.params.get(LEARNING_RATE)!;
  return { p, alpha, g: (p - onHand(plot, step.expr)) / alpha };
}

function update(plot: Plot, wrong: (parts: ReturnType<typeof updateParts>) => number): Planted | null {
  const step = pick(plot.reference.graph.steps.filter((s) => s.kind === 'update'), plot.choose);
  return step ? { step: step.id, written: rounded(plot, wrong(updateParts(plot, step))) } : null;
}

/** `KK13` -> `KK12`, `KK14`; `w1_new` -> `w2_new` (the suffix kept). */
function besides(name: string, suffix: string): string[] {
  const tail = name.endsWith(suffix) ? suffix : '';
  const m = /^(.*?)(\d+)$/.exec(name.slice(0, name.length - tail.length));
  return m === null ? [] : [Number(m[2]) - 1, Number(m[2]) + 1].map((k) => `${m[1]}${k}${tail}`);
}

/** One value the formula reads swapped for the one with the next or previous index. */
function neighbour(plot: Plot): Planted | null {
  const { graph, rubric } = plot.reference;
  const options: { step: Step; from: Expr; to: Expr }[] = [];
  graph.steps.forEach((step, k) => {
    const earlier = new Set(graph.steps.slice(0, k).map((s) => s.id));
    for (const id of refsOf(step.expr)) {
      for (const to of besides(id, rubric.newSuffix)) if (earlier.has(to)) options.push({ step, from: ref(id), to: ref(to) });
    }
    for (const name of paramsOf(step.expr)) {
      for (const to of besides(name, rubric.newSuffix)) if (graph.params.has(to)) options.push({ step, from: param(name), to: param(to) });
    }
  });
  const choice = pick(options, plot.choose);
  if (choice === undefined) return null;
  const key = JSON.stringify(choice.from);
  const swapped = substitute(choice.step.expr, (n) => (JSON.stringify(n) === key ? choice.to : undefined));
  return { step: choice.step.id, written: rounded(plot, onHand(plot, swapped)) };
}

/** A digit of the written value changed (not the last), or two adjacent digits swapped. */
function slip(plot: Plot): Planted | null {
  const id = pick(plot.reference.graph.steps, plot.choose)!.id;
  const text = plot.hand.get(id)!.toFixed(plot.decimals);
  const digits = [...text].flatMap((c, k) => (/\d/.test(c) ? [k] : []));
  if (Math.abs(plot.hand.get(id)!) < 10 ** (1 - plot.decimals)) return null;
  const chars = [...text];
  const at = digits[Math.floor(plot.choose() * (digits.length - 1))]!;
  const next = digits[digits.indexOf(at) + 1]!;
  if (plot.choose() < 0.5 && chars[at] !== chars[next]) [chars[at], chars[next]] = [chars[next]!, chars[at]!];
  else chars[at] = String((Number(chars[at]) + 1 + Math.floor(plot.choose() * 9)) % 10);
  return { step: id, written: chars.join('') };
}

/** Another step's value (as the student has it), from the row above or below in the same section, written in this step's row. */
function copiedRow(plot: Plot): Planted | null {
  const { steps } = plot.reference.graph;
  const at = Math.floor(plot.choose() * steps.length);
  const step = steps[at]!;
  // A later row computed from this one changes with it: its value could not have been copied.
  const reads = new Map<string, boolean>();
  const readsStep = (id: string): boolean => {
    if (!reads.has(id)) reads.set(id, refsOf(plot.reference.graph.byId.get(id)!.expr).some((r) => r === step.id || readsStep(r)));
    return reads.get(id)!;
  };
  const others = steps
    .slice(Math.max(0, at - 1), at + 2)
    .filter((s) => s !== step && s.layer === step.layer && s.phase === step.phase && !readsStep(s.id));
  const other = pick(others, plot.choose);
  if (other === undefined) return null;
  const copied = plot.hand.get(other.id)!;
  if (Math.abs(copied) < 10 ** (1 - plot.decimals)) return null;
  return { step: step.id, written: copied };
}

export function plant(code: DiagnosisCode, plot: Plot): Planted | null {
  const { rubric, graph } = plot.reference;
  const any = () => pick(graph.steps, plot.choose)!;
  switch (code) {
    case 'sign-flip':
      return negated(plot);
    case 'convention':
      return fromVariant(plot, built(rubric, graph.convention === 'standard' ? 'updated-weights' : 'standard'));
    case 'kernel-not-flipped':
      return fromVariant(plot, built(flipped(rubric), graph.convention));
    case 'padding':
      return otherPadding(plot);
    case 'pool-routing':
      return rerouted(plot);
    case 'activation-derivative':
      return withoutDerivative(plot);
    case 'update-direction':
      return update(plot, ({ p, alpha, g }) => p + alpha * g);
    case 'learning-rate':
      return update(plot, ({ p, alpha, g }) => (plot.choose() < 0.5 ? p - g : p - alpha * alpha * g));
    case 'wrong-input':
      return neighbour(plot);
    case 'rounding': {
      const step = any();
      const x = onHand(plot, step.expr);
      const fewer = plot.decimals - 1 - Math.floor(plot.choose() * 2);
      const truncated = Math.trunc(x * 10 ** plot.decimals + 1e-9 * Math.sign(x)) / 10 ** plot.decimals;
      return { step: step.id, written: plot.choose() < 0.5 ? x.toFixed(fewer) : truncated.toFixed(plot.decimals) };
    }
    case 'digit-slip':
      return slip(plot);
    case 'wrong-row':
      return copiedRow(plot);
    case 'decimal-shift': {
      const step = any();
      const shifted = plot.hand.get(step.id)! * 10 ** pick([-1, 1, 2], plot.choose)!;
      // Two significant digits at least, or there is no pattern to see shifted.
      return Math.abs(shifted) < 10 ** (1 - plot.decimals) ? null : { step: step.id, written: rounded(plot, shifted) };
    }
  }
}

/** A hand-rounded solution at `decimals` with the planted value in place, later steps computed from it, graded. */
export function gradePlanted(reference: Reference, planted: Planted, decimals: number): GradeResult {
  const { written } = planted;
  const value = typeof written === 'string' ? Number(written) : written;
  const submission = submissionOf(handRounded(reference.graph, decimals, {}, new Map([[planted.step, value]])), decimals);
  if (typeof written === 'string') writeAs(submission, planted.step, written);
  return gradeSubmission(reference, submission);
}
