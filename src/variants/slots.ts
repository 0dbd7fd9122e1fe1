/**
 * The given values of a rubric a variant may change, each by the name the engine gives it
 * (`i3`, `x1_2_3`, `x2_s1`, `KK12`, `k1_2_1_3`, `w5`, `bb1`, `learningRate`), with the groups it
 * belongs to and where it sits in the rubric; and a rubric with some of them replaced.
 *
 * Names are formatted by engine/ids.ts, as the network builder formats them; a property test
 * (test/variants/slots.test.ts) holds the two to the same names and values on random networks.
 */
import { gridId, indexedId, kernelElementId, sampleSuffix } from '../engine/ids.js';
import type { Nested, Rubric } from '../rubric/schema.js';
import { LEARNING_RATE_KEY } from './schema.js';

type PathKey = string | number;

export interface Slot {
  /** The engine's parameter name (`KK12`, `x1_2_3_s2`), or `learningRate`. */
  readonly name: string;
  /**
   * The names that draw it as one of many: its vector, grid or kernels (`KK`, `x`), and in a batch
   * also its sample's input or target (`x_s2`), most general first.
   */
  readonly groups: readonly string[];
  readonly value: number;
  /** Where the value is in the rubric (`['samples', 1, 'input', 'values', 0, 2, 1]`). */
  readonly path: readonly PathKey[];
}

/** Every number of a nested list with its indices, in order. */
function leaves(values: Nested, at: readonly number[] = []): { value: number; at: number[] }[] {
  if (typeof values === 'number') return [{ value: values, at: [...at] }];
  return values.flatMap((item, k) => leaves(item, [...at, k]));
}

const depthOf = (values: Nested): number => (typeof values === 'number' ? 0 : 1 + depthOf(values[0]!));

const cache = new WeakMap<Rubric, Slot[]>();

/**
 * Every value a variant may draw, in rubric order: the learning rate; each sample's input, then
 * its target; then each layer's kernels or weights, then its biases. (A rubric of one input gives
 * the order of the flat rubrics before 2-D values could vary, so their students' variants stay.)
 */
export function slotsOf(rubric: Rubric): Slot[] {
  let slots = cache.get(rubric);
  if (slots === undefined) cache.set(rubric, (slots = collect(rubric)));
  return slots;
}

function collect(rubric: Rubric): Slot[] {
  const slots: Slot[] = [{ name: LEARNING_RATE_KEY, groups: [LEARNING_RATE_KEY], value: rubric.learningRate, path: ['learningRate'] }];
  const samples = rubric.samples
    ? rubric.samples.map((sample, s) => ({ ...sample, suffix: sampleSuffix(s), path: ['samples', s] as PathKey[] }))
    : rubric.input && rubric.target ? [{ input: rubric.input, target: rubric.target, suffix: '', path: [] as PathKey[] }] : [];
  for (const { input, target, suffix, path } of samples) {
    const groups = (name: string) => (suffix === '' ? [name] : [name, `${name}${suffix}`]);
    // A sequence (`x3`), an H×W grid (`x1_2_3`: map 1) or channels × H × W (`x2_2_3`: channel 2).
    const grid = depthOf(input.values as Nested) === 1 ? null : depthOf(input.values as Nested);
    for (const { value, at } of leaves(input.values as Nested)) {
      const id = grid === null ? indexedId(input.name, at[0]!) : grid === 2 ? gridId(input.name, 0, at[0]!, at[1]!) : gridId(input.name, at[0]!, at[1]!, at[2]!);
      slots.push({ name: id + suffix, groups: groups(input.name), value, path: [...path, 'input', 'values', ...at] });
    }
    target.values.forEach((value, k) => slots.push({ name: indexedId(target.name, k) + suffix, groups: groups(target.name), value, path: [...path, 'target', 'values', k] }));
  }
  rubric.layers.forEach((layer, i) => {
    const at: PathKey[] = ['layers', i];
    if (layer.kind === 'conv1d' || layer.kind === 'conv2d') {
      const { name, values } = layer.kernels;
      // kernel → (channel →) elements: a channel level when the nesting is one deeper than the kernel's rank.
      const perChannel = depthOf(values as Nested) === (layer.kind === 'conv1d' ? 1 : 2) + 2;
      for (const leaf of leaves(values as Nested)) {
        const [kernel, ...rest] = leaf.at;
        const id = perChannel ? kernelElementId(name, kernel!, rest[0]!, rest.slice(1)) : kernelElementId(name, kernel!, null, rest);
        slots.push({ name: id, groups: [name], value: leaf.value, path: [...at, 'kernels', 'values', ...leaf.at] });
      }
    } else if (layer.kind === 'dense') {
      const { name, values, from } = layer.weights;
      const width = values[0]?.length ?? 0;
      values.forEach((row, o) => row.forEach((value, h) =>
        slots.push({ name: indexedId(name, from - 1 + o * width + h), groups: [name], value, path: [...at, 'weights', 'values', o, h] })));
    } else return; // pooling and flatten hold no values; a layer kind added later varies nothing until named here
    const { biases } = layer;
    biases?.values.forEach((value, n) =>
      slots.push({ name: indexedId(biases.name, biases.from - 1 + n), groups: [biases.name], value, path: [...at, 'biases', 'values', n] }));
  });
  return slots;
}

/** `rubric` with the values named in `values` replaced (others kept); the `variants:` section stays. */
export function withValues(rubric: Rubric, values: ReadonlyMap<string, number>): Rubric {
  const changed = slotsOf(rubric).filter((slot) => values.has(slot.name));
  if (changed.length === 0) return rubric;
  // A rubric is plain data (parsed YAML): a deep copy holds nothing the original shares.
  const copy = structuredClone(rubric) as unknown as Record<PathKey, unknown>;
  for (const slot of changed) {
    const parent = slot.path.slice(0, -1).reduce<Record<PathKey, unknown>>((node, key) => node[key] as Record<PathKey, unknown>, copy);
    parent[slot.path.at(-1)!] = values.get(slot.name)!;
  }
  return copy as unknown as Rubric;
}
