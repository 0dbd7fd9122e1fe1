/**
 * A rubric's `variants:` section read against its values: what is drawn, from which options, under
 * which constraints. Every name that is not in the rubric is a problem (all are listed).
 */
import { msg } from '../i18n/index.js';
import { problemAt, type Problem } from '../rubric/problems.js';
import type { Rubric } from '../rubric/schema.js';
import type { Constraint, ValueSpec, VariantsSpec } from './schema.js';
import { slotsOf, type Slot } from './slots.js';

/** One draw: the names it sets, and the options (one value per name in each). */
export interface Choice {
  readonly names: readonly string[];
  readonly options: readonly (readonly number[])[];
}

export interface VariantPlan {
  readonly base: Rubric;
  readonly spec: VariantsSpec;
  /** In rubric order, so that the same seed gives the same values however the YAML keys are ordered. */
  readonly choices: readonly Choice[];
  /** Every name drawn, in rubric order: the columns of variants.csv. */
  readonly names: readonly string[];
  /** Every value of the base rubric a variant may change, by name. */
  readonly baseValues: ReadonlyMap<string, number>;
  readonly constraints: readonly { readonly kind: 'distinct' | 'nonzero'; readonly names: readonly string[] }[];
}

export type PlanResult = { readonly ok: true; readonly plan: VariantPlan } | { readonly ok: false; readonly problems: Problem[] };

/** The plan of `rubric`'s variants, or null when it has none. */
export function planVariants(rubric: Rubric): PlanResult | null {
  const spec = rubric.variants;
  if (spec === undefined) return null;
  const slots = slotsOf(rubric);
  const groups = new Map<string, Slot[]>();
  for (const slot of slots) for (const group of slot.groups) groups.set(group, [...(groups.get(group) ?? []), slot]);
  const byName = new Map(slots.map((slot) => [slot.name, slot]));
  const problems: Problem[] = [];
  const expand = (key: string, path: Problem['path']): Slot[] => {
    const found = byName.has(key) ? [byName.get(key)!] : groups.get(key);
    if (found === undefined) problems.push(problemAt(path, msg('variants.unknownName', { key, known: [...groups.keys()] })));
    return found ?? [];
  };
  // How closely a key names a slot: its own name, then its sample's input or target, then its vector.
  const closeness = (key: string, slot: Slot) => (key === slot.name ? slot.groups.length : slot.groups.indexOf(key));

  const own = new Map<string, { key: string; spec: ValueSpec }>();
  for (const [key, valueSpec] of Object.entries(spec.values)) {
    for (const slot of expand(key, ['variants', 'values', key])) {
      const earlier = own.get(slot.name);
      if (earlier === undefined || closeness(key, slot) > closeness(earlier.key, slot)) own.set(slot.name, { key, spec: valueSpec });
    }
  }
  const choices: Choice[] = [];
  const wholeDone = new Set<string>();
  for (const slot of slots) {
    const entry = own.get(slot.name);
    if (entry === undefined) continue;
    const { key, spec: valueSpec } = entry;
    if ('choices' in valueSpec && Array.isArray(valueSpec.choices[0])) {
      if (wholeDone.has(key)) continue;
      wholeDone.add(key);
      const members = groups.get(key);
      const lists = valueSpec.choices as number[][];
      const at = ['variants', 'values', key, 'choices'];
      if (members === undefined) {
        problems.push(problemAt(at, msg('variants.listForGroup')));
        continue;
      }
      const bad = lists.findIndex((list) => list.length !== members.length);
      if (bad >= 0) problems.push(problemAt([...at, bad], msg('variants.listLength', { key, count: members.length, given: lists[bad]!.length })));
      // A member with an entry of its own would be drawn twice.
      const apart = members.find((m) => own.get(m.name)?.key !== key);
      if (apart !== undefined) problems.push(problemAt(at, msg('variants.listOverlaps', { key, name: apart.name, other: own.get(apart.name)!.key })));
      choices.push({ names: members.map((m) => m.name), options: lists });
    } else {
      const options = 'choices' in valueSpec ? (valueSpec.choices as number[]) : rangeValues(valueSpec.range, valueSpec.step);
      choices.push({ names: [slot.name], options: options.map((v) => [v]) });
    }
  }
  const constraints = spec.constraints.map((constraint, k) => {
    const kind = 'distinct' in constraint ? 'distinct' : 'nonzero';
    const keys = constraintNames(constraint);
    return { kind, names: keys.flatMap((key, j) => expand(key, ['variants', 'constraints', k, kind, j]).map((s) => s.name)) } as const;
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { base: rubric, spec, choices, names: choices.flatMap((c) => c.names), baseValues: new Map(slots.map((s) => [s.name, s.value])), constraints } };
}

const constraintNames = (constraint: Constraint): readonly string[] => ('distinct' in constraint ? constraint.distinct : constraint.nonzero);

/** lowest, lowest + step, ... up to highest, written with the decimals of the range and step (0.1 + 0.2 is 0.3 here). */
export function rangeValues([lowest, highest]: readonly [number, number], step: number): number[] {
  const decimals = Math.min(12, Math.max(...[lowest, highest, step].map(decimalsOf)));
  const count = Math.floor((highest - lowest) / step + 1e-9) + 1;
  return Array.from({ length: count }, (_, k) => Number((lowest + k * step).toFixed(decimals)));
}

function decimalsOf(x: number): number {
  const [mantissa = '', exponent = '0'] = String(x).split('e');
  return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
}
