/**
 * Whether a drawn variant is good homework, compared with the base rubric:
 * - no max-pool window whose two largest values are within `margin` units of the asked decimals
 *   (a student's rounding would decide which one wins);
 * - no ReLU or leaky-ReLU pre-activation within `margin` units of 0 (the same for which side of the kink);
 * - no more steps rounding to 0 at the asked decimals in any section than in the base rubric;
 * - the common mistakes stay visible: the rewrites the diagnosis rules try (sign, one term's
 *   sign, the learning rate, the activation's derivative, the kernel flip, another zero padding,
 *   the other convention, the update's direction, pool routing) stand apart from the right value, by the rules' own
 *   margin, at least as often in each section as in the base rubric.
 *
 * The last two are counted per section, not per step: under max pooling, which element of a
 * window carries the delta (and which deltas are 0) moves with the values, by design.
 */
import { evaluateExact, type Lookup } from '../engine/exact.js';
import type { Expr } from '../engine/expr.js';
import type { Step } from '../engine/graph.js';
import { point } from '../engine/interval.js';
import type { Reference } from '../grade/reference.js';
import { standsApart, type Alternative, type DiagnosisContext } from '../grade/rules/context.js';
import { derivativeAlternatives } from '../grade/rules/derivative.js';
import { routingAlternatives } from '../grade/rules/routing.js';
import { signAlternatives } from '../grade/rules/sign.js';
import { conventionAlternatives, flipAlternatives, paddingAlternatives } from '../grade/rules/structure.js';
import { msg, type Message } from '../i18n/index.js';
import { directionAlternatives, learningRateAlternatives } from '../grade/rules/update.js';

/** What a variant is compared with: the base rubric's visible mistakes and non-zero steps. */
export interface BaseProfile {
  /** By section id: how many rewrites of its steps' common mistakes stand apart from the right value. */
  readonly visibleMistakes: ReadonlyMap<string, number>;
  /** By section id: how many of its steps round to 0 at the asked decimals. */
  readonly zeros: ReadonlyMap<string, number>;
}

export const CHECK_CODES = ['maxpool-close', 'relu-near-zero', 'zero-step', 'mistake-hidden'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export interface CheckFailure {
  readonly code: CheckCode;
  /** The step (max-pool, ReLU) or the section (zeros, mistakes) that fails. */
  readonly section: string;
  /** One sentence for the TA, in any language. */
  readonly note: Message;
}

/**
 * The pre-activation where an activation step has its kink at 0, or null: ReLU, relu(x), and
 * leaky ReLU, max(x, slope·x). (A max-pool window is a `max` too, but of a pooling step.)
 */
function kinkOf(step: Step): Expr | null {
  const { expr } = step;
  if (expr.op === 'relu') return expr.arg;
  if (step.kind === 'activation' && expr.op === 'max' && expr.args.length === 2) return expr.args[0]!;
  return null;
}

const unitOf = (reference: Reference, id: string) => 10 ** -reference.settings.get(id)!.grading.decimals;

function exactLookup(reference: Reference): Lookup<number> {
  return { param: (name) => reference.graph.params.get(name)!, ref: (id) => reference.values.get(id)! };
}

export function profileOf(reference: Reference): BaseProfile {
  const sum = (ids: readonly string[], f: (id: string) => number) => ids.reduce((total, id) => total + f(id), 0);
  const bySection = (f: (id: string) => number) => new Map(reference.graph.sections.map((s) => [s.id, sum(s.stepIds, f)]));
  return {
    visibleMistakes: bySection((id) => visibleMistakes(reference, reference.graph.byId.get(id)!)),
    zeros: bySection((id) => (roundsToZero(reference, id) ? 1 : 0)),
  };
}

const roundsToZero = (reference: Reference, id: string) => Math.abs(reference.values.get(id)!) < 0.5 * unitOf(reference, id);

/** Every way the variant `reference` falls short of its base; empty when it is good homework. */
export function checkVariant(reference: Reference, base: BaseProfile, margin: number): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const lookup = exactLookup(reference);
  for (const step of reference.graph.steps) {
    const close = margin * unitOf(reference, step.id);
    const { expr } = step;
    const kink = kinkOf(step);
    if (kink !== null) {
      if (Math.abs(evaluateExact(kink, lookup)) <= close) failures.push({ code: 'relu-near-zero', section: step.id, note: msg('variants.check.reluNearZero', { step: step.id, margin }) });
    } else if (expr.op === 'max') {
      const [first = 0, second = -Infinity] = expr.args.map((arg) => evaluateExact(arg, lookup)).sort((a, b) => b - a);
      if (first - second <= close) failures.push({ code: 'maxpool-close', section: step.id, note: msg('variants.check.maxpoolClose', { step: step.id, margin }) });
    }
  }
  // The cheap checks first: a draw that fails them is redrawn without counting its mistakes.
  if (failures.length > 0) return failures;
  const mine = profileOf(reference);
  for (const section of reference.graph.sections) {
    const zeros = mine.zeros.get(section.id)!;
    const baseZeros = base.zeros.get(section.id) ?? 0;
    if (zeros > baseZeros) failures.push({ code: 'zero-step', section: section.id, note: msg('variants.check.zeroStep', { section: section.id, zeros, base: baseZeros }) });
    const visible = mine.visibleMistakes.get(section.id)!;
    const wanted = base.visibleMistakes.get(section.id) ?? 0;
    if (visible < wanted) failures.push({ code: 'mistake-hidden', section: section.id, note: msg('variants.check.mistakeHidden', { section: section.id, visible, base: wanted }) });
  }
  return failures;
}

/** How many rewrites of `step`'s common mistakes stand apart from its right value. */
function visibleMistakes(reference: Reference, step: Step): number {
  const value = reference.values.get(step.id)!;
  const { grading } = reference.settings.get(step.id)!;
  // Points, not intervals: max-pool windows are checked apart first, so no indicator is undecided.
  const exact = exactLookup(reference);
  const right = [point(value)];
  const ctx: DiagnosisContext = {
    reference,
    step,
    written: { value, decimals: null },
    grading,
    claimed: point(value),
    unit: 10 ** -grading.decimals,
    sources: [],
    rightValues: [value],
    writtenValues: exact,
    underWinners: (expr) => expr,
    pattern: false,
  };
  const apart = (expr: Expr) => standsApart(ctx, point(evaluateExact(expr, exact)), right);
  return mistakesOf(ctx).filter(apart).length;
}

/**
 * The rewritten formulas of a step's common mistakes. They depend on the formulas alone, which
 * every variant of a rubric shares (its steps are one array), so they are built once per step.
 */
const rewrites = new WeakMap<readonly Step[], Map<string, readonly Expr[]>>();

function mistakesOf(ctx: DiagnosisContext): readonly Expr[] {
  const { steps } = ctx.reference.graph;
  let byStep = rewrites.get(steps);
  if (byStep === undefined) rewrites.set(steps, (byStep = new Map()));
  let exprs = byStep.get(ctx.step.id);
  if (exprs === undefined) {
    const alternatives: Alternative[] = [
      ...signAlternatives(ctx),
      ...conventionAlternatives(ctx),
      ...flipAlternatives(ctx),
      ...paddingAlternatives(ctx),
      ...routingAlternatives(ctx),
      ...derivativeAlternatives(ctx),
      ...directionAlternatives(ctx),
      ...learningRateAlternatives(ctx),
    ];
    byStep.set(ctx.step.id, (exprs = alternatives.map((alternative) => alternative.expr)));
  }
  return exprs;
}
