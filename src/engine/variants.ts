/**
 * The rubric as a student may have misread it, for diagnoses: every conv layer's kernel reversed
 * the other way, or a conv layer computed with another zero padding. Built once per rubric.
 */
import type { ConvLayer, Rubric } from '../rubric/schema.js';
import type { Expr } from './expr.js';
import type { Graph } from './graph.js';
import { buildForward } from './network.js';
import { perDimension } from './tensor.js';

const isConv = (layer: Rubric['layers'][number]): layer is ConvLayer => layer.kind === 'conv1d' || layer.kind === 'conv2d';

/** The rubric with every conv layer's `flip` toggled: cross-correlation for true convolution, or the reverse. */
export function withFlipsToggled(rubric: Rubric): Rubric {
  return { ...rubric, layers: rubric.layers.map((layer) => (isConv(layer) ? { ...layer, flip: !layer.flip } : layer)) };
}

export interface PaddingVariant {
  /** The pre-activation's formula with the other padding. */
  readonly expr: Expr;
  /** The padding it was computed with, and the rubric's (per dimension). */
  readonly padding: readonly number[];
  readonly rubricPadding: readonly number[];
}

/** Another padding for a layer, the same on every side: none, one less, one more (below the kernel's size). */
function otherPaddings(layer: ConvLayer, rank: number): number[] {
  const own = perDimension(layer.padding, rank);
  const kernel = kernelSize(layer, rank);
  const candidates = new Set([0, ...own.map((p) => p - 1), ...own.map((p) => p + 1)]);
  return [...candidates].filter((p) => p >= 0 && kernel.every((k) => p < k) && !own.every((q) => q === p));
}

function kernelSize(layer: ConvLayer, rank: number): number[] {
  let values: unknown = layer.kernels.values[0];
  const dims: number[] = [];
  while (Array.isArray(values)) {
    dims.push(values.length);
    values = values[0];
  }
  return dims.slice(-rank);
}

/**
 * Each conv layer's pre-activations computed with another padding, by step id: the element at
 * the same row and column of the map the other padding gives (a student who forgot the padding
 * fills the answer sheet's first cells with the smaller map).
 */
export function paddingVariants(rubric: Rubric, graph: Graph): Map<string, PaddingVariant[]> {
  const variants = new Map<string, PaddingVariant[]>();
  rubric.layers.forEach((layer, i) => {
    if (!isConv(layer)) return;
    const rank = layer.kind === 'conv1d' ? 1 : 2;
    for (const p of otherPaddings(layer, rank)) {
      const padding = perDimension(p, rank);
      const layers = rubric.layers.map((other, k) => (k === i ? { ...layer, padding: p } : other));
      for (const step of buildForward({ ...rubric, layers }, { convention: graph.convention })) {
        const own = graph.byId.get(step.id);
        if (own === undefined || own.layer !== layer.name || own.kind !== 'pre-activation') continue;
        if (JSON.stringify(own.expr) === JSON.stringify(step.expr)) continue;
        const list = variants.get(step.id) ?? [];
        list.push({ expr: step.expr, padding, rubricPadding: perDimension(layer.padding, rank) });
        variants.set(step.id, list);
      }
    }
  });
  return variants;
}
