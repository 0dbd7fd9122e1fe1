/**
 * Grading and diagnoses on the layers of issue 10, with nothing special-cased: hand-rounded
 * solutions of random 2-D / multi-channel / padded / batched networks grade 100%, and mistakes
 * planted on the new layers are incorrect and named.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../src/engine/compile.js';
import { buildNetwork } from '../../src/engine/network.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import type { Reference } from '../../src/grade/reference.js';
import type { GradeResult } from '../../src/grade/result.js';
import { MARGIN_RELATIVE, MARGIN_UNITS, RULE_ORDER } from '../../src/grade/rules/index.js';
import type { DiagnosisCode, Rubric } from '../../src/rubric/schema.js';
import { gradePlanted, plant } from '../support/mistakes.js';
import { arbWideNetwork } from '../support/networks.js';
import { handRounded, referenceFor, submissionOf } from '../support/submissions.js';

const build = (rubric: Rubric): Reference => {
  const built = buildNetwork(rubric);
  if (!built.ok) throw new Error('generator made an invalid network');
  return referenceFor(rubric, built.graph);
};

const shipped = (name: string): Reference => {
  const text = readFileSync(new URL(`../../rubrics/${name}.yaml`, import.meta.url), 'utf8');
  const { loaded, graph } = compileRubric(text, `rubrics/${name}.yaml`);
  return referenceFor(loaded.rubric, graph);
};

const stepOf = (result: GradeResult, id: string) => result.steps.find((s) => s.id === id)!;

describe('grading random networks with the new layers', () => {
  it('gives 100% to a hand-rounded solution, every step correct or follow-through', () => {
    fc.assert(
      fc.property(arbWideNetwork({ values: 'homework' }), fc.integer({ min: 3, max: 5 }), (rubric, decimals) => {
        const reference = build(rubric);
        const hand = handRounded(reference.graph, decimals);
        // A hand value that drives a softmax or sigmoid output to 0.000 or 1.000 leaves a loss undefined: no homework.
        fc.pre([...hand.values()].every(Number.isFinite));
        const result = gradeSubmission(reference, submissionOf(hand, decimals));
        expect(result.steps.filter((s) => s.status !== 'correct' && s.status !== 'follow-through').map((s) => s.id)).toEqual([]);
        expect(result.score).toBe(result.maxScore);
      }),
      { numRuns: 150 },
    );
  });
});

/** Steps of the layers issue 10 added: conv2d, multi-channel or padded conv1d, a batch's suffixed steps. */
function onNewLayer(rubric: Rubric, stepLayer: string, id: string): boolean {
  if (/_s\d+$/.test(id)) return true;
  const layer = rubric.layers.find((l) => 'name' in l && l.name === stepLayer);
  if (layer === undefined) return false;
  if (layer.kind === 'conv2d') return true;
  return layer.kind === 'conv1d' && (layer.padding > 0 || Array.isArray(layer.kernels.values[0]));
}

describe('mistakes planted on the new layers of random networks', () => {
  const codes: DiagnosisCode[] = ['sign-flip', 'learning-rate', 'activation-derivative', 'kernel-not-flipped', 'padding'];
  it.each(codes.map((code) => [code]))('%s is incorrect and named', (code) => {
    let named = 0;
    let other = 0;
    fc.assert(
      fc.property(
        arbWideNetwork({ values: 'homework' }),
        fc.integer({ min: 3, max: 4 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        (rubric, decimals, stream) => {
          const reference = build(rubric);
          const hand = handRounded(reference.graph, decimals);
          fc.pre([...hand.values()].every(Number.isFinite));
          const planted = plant(code, { reference, hand, decimals, choose: () => stream.next().value });
          fc.pre(planted !== null);
          const step = reference.graph.byId.get(planted.step)!;
          fc.pre(code === 'learning-rate' || onNewLayer(rubric, step.layer, step.id));
          const result = gradePlanted(reference, planted, decimals);
          fc.pre(result.steps.every((s) => s.submitted === null || Number.isFinite(s.submitted)));
          const verdict = stepOf(result, planted.step);
          // A planted value that is still right (a zero delta, a symmetric kernel) is no mistake.
          fc.pre(verdict.status === 'incorrect');
          if (verdict.diagnosis === code) {
            named++;
            return;
          }
          // As in diagnose.test.ts: a value within the rules' margin of the right one (see
          // rules/context.ts), or one an earlier rule explains as well, is not this rule's to name.
          const right = hand.get(planted.step)!;
          const margin = Math.max(MARGIN_UNITS * 10 ** -decimals, MARGIN_RELATIVE * Math.abs(right));
          const earlier = verdict.diagnosis !== null && RULE_ORDER.indexOf(verdict.diagnosis) < RULE_ORDER.indexOf(code);
          fc.pre(!earlier && Math.abs(Number(planted.written) - right) > 3 * margin);
          other++;
        },
      ),
      { numRuns: 120 },
    );
    expect(named).toBeGreaterThan(20);
    expect(other).toBeLessThanOrEqual(0.05 * (named + other));
  });
});

describe('mistakes planted in the shipped 2-D rubrics, by hand', () => {
  const references = new Map(['cnn2d', 'cnn2d-channels'].map((name) => [name, shipped(name)]));
  type Read = (id: string) => number;
  const rows: [string, DiagnosisCode, string, (v: Read) => number, RegExp][] = [
    // in_c1_2_2 reads x1_1_1..x1_2_2 with padding 1; without padding the student's (1,1) is the (2,2) window.
    ['cnn2d', 'padding', 'in_c1_1_1', (v) => v('x1_1_1') * v('k1_1_1') + v('x1_1_2') * v('k1_1_2') + v('x1_2_1') * v('k1_2_1') + v('x1_2_2') * v('k1_2_2') + v('b1'), /without zero padding; this layer pads its input with 1 of zeros on every side/],
    ['cnn2d', 'kernel-not-flipped', 'in_c1_3_3', (v) => v('x1_2_2') * v('k1_2_2') + v('x1_2_3') * v('k1_2_1') + v('x1_3_2') * v('k1_1_2') + v('x1_3_3') * v('k1_1_1') + v('b1'), /reversed \(true convolution\); this course uses cross-correlation/],
    // coef_c1_1_1 = coef_d1_1_1 · q1_1_1_1 · out_c1_1_1 · (1 − out_c1_1_1): C2's stride 2 reads (1, 1) once.
    ['cnn2d-channels', 'activation-derivative', 'coef_c1_1_1', (v) => v('coef_d1_1_1') * v('q1_1_1_1'), /derivative factor is missing/],
    ['cnn2d', 'sign-flip', 'coef_o1', (v) => v('t1') - v('out_o1'), /sign is flipped/],
    ['cnn2d', 'learning-rate', 'k1_2_2_new', (v) => v('k1_2_2') - (v('k1_2_2') - v('k1_2_2_new')) / v('α'), /learning rate α is missing/],
  ];
  it.each(rows)('%s: %s on %s', (name, code, id, wrong, message) => {
    const reference = references.get(name)!;
    const decimals = 4;
    const hand = handRounded(reference.graph, decimals);
    const v: Read = (name) => hand.get(name) ?? reference.graph.params.get(name)!;
    const result = gradePlanted(reference, { step: id, written: Number(wrong(v).toFixed(decimals)) }, decimals);
    expect(stepOf(result, id)).toMatchObject({ status: 'incorrect', diagnosis: code, points: 0 });
    expect(stepOf(result, id).message).toMatch(message);
    expect(result.steps.filter((s) => s.status === 'incorrect').map((s) => s.id)).toEqual([id]);
  });

  it.each(['cnn2d', 'cnn2d-channels', 'mlp-batch2', 'mazur-mlp'])('%s: a hand-rounded solution gets 100%%', (name) => {
    const reference = shipped(name);
    const decimals = reference.rubric.grading.decimals;
    const result = gradeSubmission(reference, submissionOf(handRounded(reference.graph, decimals), decimals));
    expect(result.score).toBe(result.maxScore);
  });
});
