/** Everything grading needs that does not depend on the submission: built once per rubric. */
import { evaluateGraph } from '../engine/evaluate.js';
import type { Expr } from '../engine/expr.js';
import type { Graph } from '../engine/graph.js';
import { buildNetwork } from '../engine/network.js';
import { paddingVariants, withFlipsToggled, type PaddingVariant } from '../engine/variants.js';
import type { Convention, Rubric } from '../rubric/schema.js';
import { settingsFor, type StepSettings } from './settings.js';
import { exactWinners, type Winners } from './windows.js';

/**
 * The homework as a student may have done it under another reading of the rubric: each map holds
 * the formula of every step that reads differently there, by step id. Diagnoses try them.
 */
export interface Variants {
  /** Deltas through the other convention's weights (before / after their update). */
  readonly convention: ReadonlyMap<string, Expr>;
  /** Every conv layer's `flip` toggled: cross-correlation for true convolution, or the reverse. */
  readonly flip: ReadonlyMap<string, Expr>;
  /** A conv layer's pre-activations with another zero padding (none, one less, one more). */
  readonly padding: ReadonlyMap<string, readonly PaddingVariant[]>;
}

export interface Reference {
  readonly rubric: Rubric;
  readonly graph: Graph;
  readonly values: ReadonlyMap<string, number>;
  readonly variants: Variants;
  /** Each step's grading settings (the rubric's with its group's overrides) and points, by step id. */
  readonly settings: ReadonlyMap<string, StepSettings>;
  /** Each max-pool window's winner on the exact values (see windows.ts). */
  readonly exactWinners: Winners;
}

/**
 * The reference for grading a batch against `graph` (built from `rubric`).
 *
 * @example
 * const { loaded, graph } = compileRubric(text, file);
 * const reference = prepareReference(loaded.rubric, graph);
 * gradeSubmission(reference, submission);
 */
export function prepareReference(rubric: Rubric, graph: Graph): Reference {
  const other: Convention = graph.convention === 'standard' ? 'updated-weights' : 'standard';
  const flipped = withFlipsToggled(rubric);
  const values = evaluateGraph(graph);
  return {
    rubric,
    graph,
    values,
    exactWinners: exactWinners(graph, { param: (name) => graph.params.get(name)!, ref: (id) => values.get(id)! }),
    settings: new Map(graph.steps.map((step) => [step.id, settingsFor(rubric, step)])),
    variants: {
      convention: differences(graph, buildNetwork(rubric, { convention: other })),
      flip: differences(graph, buildNetwork(flipped, { convention: graph.convention })),
      padding: paddingVariants(rubric, graph),
    },
  };
}

/** The formulas of `variant` that differ from the same step's formula in `graph`. */
function differences(graph: Graph, variant: ReturnType<typeof buildNetwork>): Map<string, Expr> {
  const changed = new Map<string, Expr>();
  if (!variant.ok) return changed;
  for (const step of variant.graph.steps) {
    const own = graph.byId.get(step.id);
    if (own !== undefined && JSON.stringify(own.expr) !== JSON.stringify(step.expr)) changed.set(step.id, step.expr);
  }
  return changed;
}
