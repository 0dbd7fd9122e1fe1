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
export { createGrader, type Grader } from './grade/grader.js';
export { gradeSubmission } from './grade/grade.js';
export { prepareReference, type Reference } from './grade/reference.js';
export type { GradeReport, GradeResult, SectionScore, Status, StepResult } from './grade/result.js';
export { readSubmission } from './ingest/read.js';
export type { Submission } from './ingest/types.js';
export { writeStudentReport } from './report/pdf.js';
export { renderClassSummaryPdf } from './report/summary-pdf.js';
export { classSummary } from './report/class-summary.js';
export {
  createSay, english, LANGUAGES, msg, parseLanguage, sayWith, titleIn, voiceFor,
  type Language, type Message, type Said, type Say, type Terms, type Voice,
} from './i18n/index.js';
export { localizeResult } from './report/localize.js';
export { planVariants, type VariantPlan } from './variants/plan.js';
export { createVariantDrawer, variantReference, variantRubric, type DrawnVariant, type VariantDrawer } from './variants/draw.js';
export type { HmacSha256 } from './variants/random.js';
export { createVariantGrader, type VariantGrader } from './variants/grader.js';
export { integritySignals, type IntegritySignal } from './variants/integrity.js';
