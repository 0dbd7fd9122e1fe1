import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureFalseAlarms, randomLike } from '../../bench/false-alarms.js';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import { buildNetwork } from '../../src/engine/network.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import { prepareReference } from '../../src/grade/reference.js';
import { arbNetwork } from '../support/networks.js';
import { seedReference } from '../support/submissions.js';

// A statistical bound on a fixed seed (bench/diagnose.js prints the same measurement over dist/):
// hand-rounded correct solutions with one arbitrary wrong value, graded incorrect; a diagnosis on
// such a value is a false alarm.
const engine = { buildNetwork, evaluateGraph, prepareReference, gradeSubmission };
const TRIALS = 1000;

describe('diagnoses claimed for arbitrary wrong values (false alarms)', () => {
  it('stay under 5% on networks shaped like the seed, with random values and choices', () => {
    const { rubric } = seedReference();
    const measured = measureFalseAlarms({ engine, nextRubric: (random) => randomLike(rubric, random), trials: TRIALS, seed: 1 });
    expect(measured.trials).toBe(TRIALS);
    expect(measured.rate).toBeLessThan(0.05);
  });

  it('stay under 5% on random networks from the engine generator', () => {
    const networks = fc.sample(arbNetwork({ values: 'homework' }), { numRuns: 2 * TRIALS, seed: 4 });
    const measured = measureFalseAlarms({ engine, nextRubric: (_, attempt) => networks[attempt % networks.length]!, trials: TRIALS, seed: 2 });
    expect(measured.rate).toBeLessThan(0.05);
  });
});
