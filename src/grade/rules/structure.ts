/**
 * `convention` and `kernel-not-flipped`: the step as it reads under the other backprop convention,
 * or with every conv layer's kernel reversed the other way. The formulas come from graphs built
 * once per rubric (`Reference.variants`), so these rules only look them up.
 */
import type { Rubric } from '../../rubric/schema.js';
import type { Alternative, DiagnosisContext } from './context.js';

export function conventionAlternatives(ctx: DiagnosisContext): Alternative[] {
  const expr = ctx.reference.variants.convention.get(ctx.step.id);
  if (expr === undefined) return [];
  const message =
    ctx.reference.graph.convention === 'updated-weights'
      ? 'computed through the weights before their update; this course uses the updated weights'
      : 'computed through the updated weights; this course uses the weights before their update';
  return [{ expr, message }];
}

export function flipAlternatives(ctx: DiagnosisContext): Alternative[] {
  const expr = ctx.reference.variants.flip.get(ctx.step.id);
  if (expr === undefined) return [];
  return [{ expr, message: flipMessage(rubricFlip(ctx.reference.rubric, ctx.step.layer)) }];
}

/** The step's own conv layer's flip; otherwise the one every conv layer shares; null when they differ. */
function rubricFlip(rubric: Rubric, layerName: string): boolean | null {
  const convs = rubric.layers.flatMap((layer) => (layer.kind === 'conv1d' || layer.kind === 'conv2d' ? [layer] : []));
  const own = convs.find((layer) => layer.name === layerName);
  if (own !== undefined) return own.flip;
  const flips = new Set(convs.map((layer) => layer.flip));
  return flips.size === 1 ? [...flips][0]! : null;
}

function flipMessage(flip: boolean | null): string {
  if (flip === true) return 'computed with the kernel as written (cross-correlation); this course uses true convolution, with the kernel reversed';
  if (flip === false) return 'computed with the kernel reversed (true convolution); this course uses cross-correlation, with the kernel as written';
  return 'a kernel was applied the wrong way round: check which layers reverse their kernel';
}

/** `padding`: a conv layer's pre-activation computed without, or with the wrong, zero padding. */
export function paddingAlternatives(ctx: DiagnosisContext): Alternative[] {
  const variants = ctx.reference.variants.padding.get(ctx.step.id) ?? [];
  return variants.map(({ expr, padding, rubricPadding }) => ({ expr, message: paddingMessage(padding, rubricPadding) }));
}

function paddingMessage(used: readonly number[], rubric: readonly number[]): string {
  const amount = (padding: readonly number[]) => (new Set(padding).size === 1 ? String(padding[0]) : padding.join(' × '));
  if (used.every((p) => p === 0)) return `computed without zero padding; this layer pads its input with ${amount(rubric)} of zeros on every side`;
  if (rubric.every((p) => p === 0)) return `computed with zero padding ${amount(used)}; this layer uses no padding`;
  return `computed with zero padding ${amount(used)}; this layer's padding is ${amount(rubric)}`;
}
