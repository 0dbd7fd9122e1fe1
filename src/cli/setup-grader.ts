/** The grader made from a GradingSetup: in a reading worker from the main thread's copy, or in the thread that prepared it. */
import { parentPort } from 'node:worker_threads';
import { graderOf } from '../grade/grade-file.js';
import type { Grader } from '../grade/grader.js';
import type { Reference } from '../grade/reference.js';
import type { GradeResult } from '../grade/result.js';
import type { GradingSetup } from './variant-grader.js';

export async function graderFromSetup({ reference, variants }: GradingSetup): Promise<Grader> {
  const base = graderOf(reference);
  if (variants === null) return base;
  // Loaded only for a rubric with variants (the drawing code and its schema).
  const { createVariantGrader } = await import('../variants/grader.js');
  return createVariantGrader(base, variants.plan, variants.values, { studentId: variants.studentId });
}

/** The reference `result` was graded against: the rubric's own, or its student's variant's. */
export async function referenceOfSetup(setup: GradingSetup, result: GradeResult): Promise<Reference> {
  if (setup.variants === null) return setup.reference;
  const { referenceOfResult } = await import('../variants/grader.js');
  return referenceOfResult(await graderFromSetup(setup), result);
}

/** In a worker thread: the grader made from the setup its pool posts (`{ setup }`, see batch/pool.ts). */
export async function graderFromParent(): Promise<Grader> {
  const setup = await new Promise<GradingSetup>((resolve) => {
    parentPort?.once('message', (message: { setup: GradingSetup }) => resolve(message.setup));
  });
  return graderFromSetup(setup);
}
