/**
 * `convention` and `kernel-not-flipped`: the step as it reads under the other backprop convention,
 * or with every conv layer's kernel reversed the other way. The formulas come from graphs built
 * once per rubric (`Reference.variants`), so these rules only look them up.
 */
import { msg, type Message } from '../../i18n/index.js';
import type { Rubric } from '../../rubric/schema.js';
import type { Alternative, DiagnosisContext } from './context.js';

export function conventionAlternatives(ctx: DiagnosisContext): Alternative[] {
  const expr = ctx.reference.variants.convention.get(ctx.step.id);
  if (expr === undefined) return [];
  const message =
    ctx.reference.graph.convention === 'updated-weights'
      ? msg('diagnosis.convention.usedWeightsBefore')
      : msg('diagnosis.convention.usedUpdatedWeights');
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

function flipMessage(flip: boolean | null): Message {
  if (flip === true) return msg('diagnosis.flip.notReversed');
  if (flip === false) return msg('diagnosis.flip.reversed');
  return msg('diagnosis.flip.someLayer');
}

/** `padding`: a conv layer's pre-activation computed without, or with the wrong, zero padding. */
export function paddingAlternatives(ctx: DiagnosisContext): Alternative[] {
  const variants = ctx.reference.variants.padding.get(ctx.step.id) ?? [];
  return variants.map(({ expr, padding, rubricPadding }) => ({ expr, message: paddingMessage(padding, rubricPadding) }));
}

function paddingMessage(used: readonly number[], rubric: readonly number[]): Message {
  const amount = (padding: readonly number[]) => (new Set(padding).size === 1 ? String(padding[0]) : padding.join(' × '));
  if (used.every((p) => p === 0)) return msg('diagnosis.padding.none', { rubric: amount(rubric) });
  if (rubric.every((p) => p === 0)) return msg('diagnosis.padding.unwanted', { used: amount(used) });
  return msg('diagnosis.padding.wrong', { used: amount(used), rubric: amount(rubric) });
}
