/**
 * A student's variant: their values drawn from the seed HMAC-SHA256(secret, id) gives, redrawn
 * from the same stream until the variant satisfies the rubric's constraints and is good homework
 * (checks.ts). The same seed always gives the same variant; nothing else is read.
 */
import { evaluateGraph } from '../engine/evaluate.js';
import { LEARNING_RATE, type Graph } from '../engine/graph.js';
import { buildNetwork } from '../engine/network.js';
import { prepareReference, type Reference } from '../grade/reference.js';
import { exactWinners } from '../grade/windows.js';
import { english, msg, type Message } from '../i18n/index.js';
import type { Rubric } from '../rubric/schema.js';
import { checkVariant, profileOf, type BaseProfile, type CheckCode } from './checks.js';
import type { VariantPlan } from './plan.js';
import { LEARNING_RATE_KEY } from './schema.js';
import { choiceStream, variantSeed, type HmacSha256 } from './random.js';
import { withValues } from './slots.js';

export type RedrawReason = CheckCode | 'constraint';

export interface DrawnVariant {
  /** Every value the plan draws, by name (`i3`, `KK12`, `learningRate`). */
  readonly values: ReadonlyMap<string, number>;
  /** How many draws it took (1: the first was good). */
  readonly draws: number;
  /** Why each rejected draw was rejected: how many draws failed each check. */
  readonly redrawn: ReadonlyMap<RedrawReason, number>;
}

export interface VariantDrawer {
  readonly plan: VariantPlan;
  /**
   * The variant the seed gives; throws a NoGoodVariantError when maxDraws draws all fail. With
   * `after`, the draws up to that one are passed over: a student's next variant, when a TA asks
   * for a new one (`draws` counts from the start of the stream).
   */
  draw(seed: Uint8Array, after?: number): DrawnVariant;
  /** The same, from the course secret and the student id. */
  forStudent(secret: Uint8Array, studentId: string, after?: number): Promise<DrawnVariant>;
}

export class NoGoodVariantError extends Error {
  readonly code = 'no-good-variant';
  /** The message as a catalog key and parameters, to say it in any language (`message` is its English). */
  readonly note: Message;
  constructor(readonly draws: number, readonly redrawn: ReadonlyMap<RedrawReason, number>) {
    const note = msg('variants.noGoodVariant', { draws, redrawn: redrawsNote(redrawn) });
    super(english(note));
    this.note = note;
  }
}

/** Why draws were rejected, by reason and count, to say in any language. */
export const redrawsNote = (redrawn: ReadonlyMap<RedrawReason, number>): Message =>
  msg('variants.redraws', { counts: Object.fromEntries([...redrawn].map(([reason, count]) => [reason, String(count)])) });

/** `maxpool-close 3; constraint 1` (no commas: a CSV cell a TA can edit as text) */
export function describeRedraws(redrawn: ReadonlyMap<RedrawReason, number>): string {
  return [...redrawn].map(([reason, count]) => `${reason} ${count}`).join('; ');
}

/** The rubric with the variant's values in place. */
export function variantRubric(plan: VariantPlan, values: ReadonlyMap<string, number>): Rubric {
  return withValues(plan.base, values);
}

const baseReferences = new WeakMap<VariantPlan, Reference>();

/** The base rubric's reference, prepared once per plan. */
export function baseReference(plan: VariantPlan): Reference {
  let reference = baseReferences.get(plan);
  if (reference === undefined) baseReferences.set(plan, (reference = prepareReference(plan.base, build(plan.base))));
  return reference;
}

/**
 * The reference for a variant: the base rubric's graph with the variant's given values. A step's
 * formula reads given values by name and no value changes a shape, so the base's formulas, its
 * other readings (convention, flip) and its grading settings are every variant's; only the
 * values, and the max-pool winners they decide, are evaluated anew (test/variants/draw.test.ts checks this against a fresh build).
 */
export function variantReference(plan: VariantPlan, values: ReadonlyMap<string, number>): Reference {
  const base = baseReference(plan);
  const params = new Map(base.graph.params);
  for (const [name, value] of values) params.set(name === LEARNING_RATE_KEY ? LEARNING_RATE : name, value);
  const graph: Graph = { ...base.graph, params };
  const stepValues = evaluateGraph(graph);
  // Which element wins a max-pool window moves with the values: the base's winners are not the variant's.
  const winners = exactWinners(graph, { param: (name) => params.get(name)!, ref: (id) => stepValues.get(id)! });
  return { ...base, rubric: variantRubric(plan, values), graph, values: stepValues, exactWinners: winners };
}

/** Every step's exact value under a variant. */
export function variantStepValues(plan: VariantPlan, values: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  return variantReference(plan, values).values;
}

function build(rubric: Rubric): Graph {
  const built = buildNetwork(rubric);
  if (!built.ok) throw new Error(`a variant did not build: ${built.problems.map((p) => p.message).join('; ')}`);
  return built.graph;
}

export function createVariantDrawer(plan: VariantPlan, hmac: HmacSha256): VariantDrawer {
  let base: BaseProfile | null = null;
  const profile = () => (base ??= profileOf(baseReference(plan)));
  const draw = (seed: Uint8Array, after = 0): DrawnVariant => {
    const next = choiceStream(seed);
    // Every draw takes one number per choice, whether it is kept or not.
    for (let skipped = 0; skipped < after * plan.choices.length; skipped++) next(1);
    const redrawn = new Map<RedrawReason, number>();
    const count = (reason: RedrawReason) => redrawn.set(reason, (redrawn.get(reason) ?? 0) + 1);
    for (let draws = after + 1; draws <= after + plan.spec.maxDraws; draws++) {
      const values = new Map<string, number>();
      for (const choice of plan.choices) {
        const option = choice.options[next(choice.options.length)]!;
        choice.names.forEach((name, k) => values.set(name, option[k]!));
      }
      if (!meetsConstraints(plan, values)) {
        count('constraint');
        continue;
      }
      const failures = checkVariant(variantReference(plan, values), profile(), plan.spec.margin);
      if (failures.length === 0) return { values, draws, redrawn };
      for (const code of new Set(failures.map((f) => f.code))) count(code);
    }
    throw new NoGoodVariantError(plan.spec.maxDraws, redrawn);
  };
  return {
    plan,
    draw,
    forStudent: async (secret, studentId, after) => draw(await variantSeed(hmac, secret, studentId), after),
  };
}

function meetsConstraints(plan: VariantPlan, values: ReadonlyMap<string, number>): boolean {
  // A constraint may name values the plan does not draw: they keep the base rubric's.
  const valueOf = (name: string) => values.get(name) ?? plan.baseValues.get(name)!;
  return plan.constraints.every(({ kind, names }) => {
    const xs = names.map(valueOf);
    return kind === 'distinct' ? new Set(xs).size === xs.length : xs.every((x) => x !== 0);
  });
}

/**
 * What is wrong with numbers pinned by hand (a TA's edit of variants.csv `file`): one message per
 * student and problem, by the same constraints and checks a draw must pass. They are still used as written.
 */
export function pinnedProblems(plan: VariantPlan, byId: ReadonlyMap<string, ReadonlyMap<string, number>>, file: string): Message[] {
  const base = profileOf(baseReference(plan));
  const problems: Message[] = [];
  for (const [id, values] of byId) {
    if (!meetsConstraints(plan, values)) problems.push(msg('variants.pinned.constraint', { file, id }));
    for (const failure of checkVariant(variantReference(plan, values), base, plan.spec.margin)) problems.push(msg('variants.pinned.notGood', { file, id, problem: failure.note }));
  }
  return problems;
}
