// Types for bench/false-alarms.js, which test/grade/false-alarms.test.ts runs over src/.
import type { buildNetwork } from '../src/engine/network.js';
import type { evaluateGraph } from '../src/engine/evaluate.js';
import type { gradeSubmission } from '../src/grade/grade.js';
import type { prepareReference } from '../src/grade/reference.js';
import type { DiagnosisCode, Rubric } from '../src/rubric/schema.js';

export function lcg(seed: number): () => number;
export function randomLike(rubric: Rubric, random: () => number): Rubric;

export interface FalseAlarms {
  readonly trials: number;
  /** Solutions in which some step got a diagnosis. */
  readonly claimed: number;
  readonly rate: number;
  readonly byCode: Partial<Record<DiagnosisCode, number>>;
}

export function measureFalseAlarms(options: {
  engine: {
    buildNetwork: typeof buildNetwork;
    evaluateGraph: typeof evaluateGraph;
    prepareReference: typeof prepareReference;
    gradeSubmission: typeof gradeSubmission;
  };
  nextRubric: (random: () => number, attempt: number) => Rubric;
  trials?: number;
  seed?: number;
}): FalseAlarms;
