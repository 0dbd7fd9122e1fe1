/** stepmark's public API: re-exports only. */
export { compileRubric, type CompiledRubric } from './engine/compile.js';
export { evaluateGraph, type EvaluateOptions } from './engine/evaluate.js';
export { buildNetwork, type BuildOptions, type BuildResult } from './engine/network.js';
export type { Graph, Phase, Section, Step, StepKind } from './engine/graph.js';
export * as expr from './engine/expr.js';
export { evaluateExact, type Lookup } from './engine/exact.js';
export { evaluateInterval, type Interval } from './engine/interval.js';
export { formatNumber, renderSubstituted, renderSymbolic } from './engine/text.js';
export { parseRubric, type LoadedRubric } from './rubric/load.js';
export { isRubricError, RubricError, type LocatedProblem, type Problem } from './rubric/problems.js';
export type { Rubric } from './rubric/schema.js';
