/** Reference values: every step of a graph evaluated exactly, in graph order. */
import { evaluateExact } from './exact.js';
import type { Graph } from './graph.js';

export interface EvaluateOptions {
  /** Replaces given values (inputs, weights, the learning rate) by name, e.g. for finite differences. */
  readonly params?: Readonly<Record<string, number>>;
  /**
   * Applied to each value as it is computed, before later steps read it: with rounding to d
   * decimals this is a solution computed by hand, rounded at every step.
   */
  readonly round?: (value: number) => number;
  /** Values some steps take instead of their formula's (a student's slip); later steps read them. */
  readonly given?: ReadonlyMap<string, number>;
}

/** Every step's exact value, keyed by step id, in graph order. */
export function evaluateGraph(graph: Graph, options: EvaluateOptions = {}): Map<string, number> {
  const values = new Map<string, number>();
  const overrides = options.params ?? {};
  const lookup = {
    param(name: string): number {
      const value = overrides[name] ?? graph.params.get(name);
      if (value === undefined) throw new Error(`unknown parameter ${name}`);
      return value;
    },
    ref(id: string): number {
      const value = values.get(id);
      if (value === undefined) throw new Error(`step ${id} read before it is computed`);
      return value;
    },
  };
  const round = options.round ?? ((value: number) => value);
  for (const step of graph.steps) {
    values.set(step.id, options.given?.get(step.id) ?? round(evaluateExact(step.expr, lookup)));
  }
  return values;
}
