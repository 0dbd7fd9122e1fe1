/** Rubric text -> reference graph, or one RubricError listing every problem with its line. */
import { parseRubric, type LoadedRubric } from '../rubric/load.js';
import { RubricError } from '../rubric/problems.js';
import type { Graph } from './graph.js';
import { buildNetwork, type BuildOptions } from './network.js';

export interface CompiledRubric {
  readonly loaded: LoadedRubric;
  readonly graph: Graph;
}

/**
 * Parses, validates and builds a rubric.
 *
 * @example
 * const { graph } = compileRubric(yamlText, 'rubrics/seed-cnn.yaml');
 * evaluateGraph(graph).get('coef_c5'); // ≈ −0.0261
 */
export function compileRubric(text: string, file: string, options: BuildOptions = {}): CompiledRubric {
  const loaded = parseRubric(text, file);
  const built = buildNetwork(loaded.rubric, options);
  if (!built.ok) throw new RubricError(file, loaded.locate(built.problems));
  return { loaded, graph: built.graph };
}
