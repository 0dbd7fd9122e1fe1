/**
 * The seed homework graded as students really write it (issue 8): each case is written to a
 * spreadsheet file, read back and graded as a TA's batch would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as XLSX from 'xlsx';
import { compileRubric } from '../../src/engine/compile.js';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import { evaluateExact } from '../../src/engine/exact.js';
import { mul, num, substitute, type Expr } from '../../src/engine/expr.js';
import { buildNetwork } from '../../src/engine/network.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import { prepareReference } from '../../src/grade/reference.js';
import type { GradeResult } from '../../src/grade/result.js';
import { fileOf, gradeBytes, gradeCase, sheetOf, stepIn, type BookType, type ValueSpec } from '../support/casefiles.js';
import { roundTo, seedReference, submissionOf } from '../support/submissions.js';

const reference = seedReference();
const { graph } = reference;
const fixed = (values: ReadonlyMap<string, number>, decimals: number): Map<string, ValueSpec> =>
  new Map([...values].map(([id, x]) => [id, Number(x.toFixed(decimals))]));
/** A hand solution at 3 decimals, with some values given as the student wrote them and later steps computed from them. */
const hand = (given: Record<string, number> = {}) => evaluateGraph(graph, { round: roundTo(3), given: new Map(Object.entries(given)) });
const notAccepted = (result: GradeResult) => result.steps.filter((s) => s.status !== 'correct' && s.status !== 'follow-through').map((s) => s.id);

describe('precision from what was typed (1)', () => {
  it('gives full marks to the exact values typed at 3 decimals in a column formatted 0.0000', () => {
    const values = new Map([...fixed(reference.values, 3)].map(([id, v]) => [id, { t: 'n', v: v as number, z: '0.0000' } as ValueSpec]));
    const result = gradeCase(reference, values);
    expect(notAccepted(result)).toEqual([]);
    expect(result.score).toBe(result.maxScore);
  });

  it.each<BookType>(['xlsx', 'ods'])('gives full marks to a perfect solution typed as formulas with float noise (%s)', (bookType) => {
    // =x+0.1-0.1 as Excel or LibreOffice saves it: the result carries noise in its last bits.
    const values = new Map(
      [...reference.values].map(([id, x]) => {
        const typed = Number(x.toFixed(3));
        return [id, { t: 'n', v: typed + 0.1 - 0.1, f: `${typed}+0.1-0.1` } as ValueSpec];
      }),
    );
    expect([...values.values()].some((cell) => typeof cell === 'object' && cell.v !== Number(String(cell.v).slice(0, 8)))).toBe(true);
    const result = gradeCase(reference, values, bookType);
    expect(notAccepted(result)).toEqual([]);
    expect(result.score).toBe(result.maxScore);
  });
});

describe('graded at the decimals asked (2)', () => {
  it('accepts out_cc1 = 0.6459: 3 decimals are asked and it rounds to the right 0.646', () => {
    const values = fixed(reference.values, 3);
    values.set('out_cc1', 0.6459);
    const result = gradeCase(reference, values);
    expect(stepIn(result, 'out_cc1').status).toBe('correct');
    expect(result.score).toBe(result.maxScore);
  });
});

describe('carrying the asked decimals (3)', () => {
  it('gives full marks to a student who carries 3 decimals and writes 4 (out_cc3 = 0.6726, out_pp2 = 0.680)', () => {
    const carried = hand();
    const values = new Map<string, ValueSpec>(
      graph.steps.map((step) => {
        const computed = evaluateExact(step.expr, { param: (name) => graph.params.get(name)!, ref: (id) => carried.get(id)! });
        return [step.id, Number(computed.toFixed(4))];
      }),
    );
    values.set('out_pp2', 0.68); // exactly (0.673 + 0.686)/2, rounded at 3
    expect(values.get('out_cc3')).toBe(0.6726);
    expect(values.get('out_cc4')).toBe(0.6857);
    expect(values.get('coef_cc5')).toBe(-0.0013);
    const result = gradeCase(reference, values);
    expect(notAccepted(result)).toEqual([]);
    expect(result.score).toBe(result.maxScore);
    expect(result.steps.filter((s) => s.diagnosis !== null)).toEqual([]);
  });
});

describe('one winner per max-pool window (4)', () => {
  it('does not accept the max-pool delta sent to both elements of a window whose outputs round equal', () => {
    const values = fixed(reference.values, 3);
    values.set('coef_c2', -0.015); // coef_c1 = −0.015 too
    values.set('coef_c3', -0.022); // coef_c4 = −0.022 too
    const result = gradeCase(reference, values);
    expect(result.score).toBe(result.maxScore - 2);
    for (const id of ['coef_c2', 'coef_c3']) expect(stepIn(result, id)).toMatchObject({ status: 'incorrect', diagnosis: 'pool-routing' });
    expect(stepIn(result, 'coef_c1').status).toBe('correct');
    expect(stepIn(result, 'coef_c4').status).toBe('correct');
  });

  it('accepts the other winner when the student routes every delta of the window to it', () => {
    // out_c1 and out_c2 round equal (0.558): routing to c2 throughout is honest.
    const values = fixed(reference.values, 3);
    values.set('coef_c1', 0);
    values.set('coef_c2', -0.015);
    const result = gradeCase(reference, values);
    expect(stepIn(result, 'coef_c1').status).toBe('follow-through');
    expect(stepIn(result, 'coef_c2').status).toBe('follow-through');
  });
});

describe('the right value carried on (5)', () => {
  it("accepts out_pp3 computed from the right σ(in_cc5) of the student's own in_cc5, with out_cc6's value in the out_cc5 row", () => {
    const given = { in_cc5: -0.4, out_cc5: 0.426, out_pp3: 0.413 };
    const values = fixed(hand(given), 3);
    const result = gradeCase(reference, values);
    expect(stepIn(result, 'out_cc5').status).toBe('incorrect');
    expect(stepIn(result, 'out_pp3')).toMatchObject({ status: 'follow-through', from: ['out_cc5'] });
    expect(stepIn(result, 'out_pp3').message).toMatch(/right value of out_cc5/);
  });
});

describe('wrong-row (6)', () => {
  it("names out_cc6's value written in the out_cc5 row", () => {
    const values = fixed(hand({ out_cc5: 0.426 }), 3);
    const result = gradeCase(reference, values);
    expect(stepIn(result, 'out_cc5')).toMatchObject({ status: 'incorrect', diagnosis: 'wrong-row' });
    expect(stepIn(result, 'out_cc5').message).toBe('this is your value of out_cc6: written in the wrong row?');
  });
});

describe('reading (8)', () => {
  const exact3 = () => fixed(reference.values, 3);

  it('reads 。 and ， as decimal marks, 约 / 大约 / ≈ / ~ before a value and a bracketed note after it', () => {
    const values = exact3();
    values.set('out_cc6', '0\u3002426'); // 0。426
    values.set('out_cc7', '0\uFF0C440'); // 0，440
    values.set('out_cc8', '\u7EA60.455'); // 约0.455
    values.set('out_cc5', '\u5927\u7EA60.411'); // 大约0.411
    values.set('out_pp4', '\u22480.448'); // ≈0.448
    values.set('out_pp1', '~0.652');
    values.set('out_pp3', '0.418\uFF08\u4FDD\u7559\u4E09\u4F4D\uFF09'); // 0.418（保留三位）
    const result = gradeCase(reference, values);
    expect(notAccepted(result)).toEqual([]);
    expect(stepIn(result, 'out_pp3').raw).toBe('0.418\uFF08\u4FDD\u7559\u4E09\u4F4D\uFF09');
  });

  it('finds values typed two columns right of their label, and says so', () => {
    const rows = [...exact3()].map(([id, v]) => [{ t: 's', v: id }, null, { t: 'n', v: v as number }] as (XLSX.CellObject | null)[]);
    const result = gradeBytes(reference, fileOf({ Work: sheetOf(rows) }));
    expect(result.score).toBe(result.maxScore);
    expect(stepIn(result, 'loss').cell).toMatch(/^Work!C\d+$/);
    expect(stepIn(result, 'loss').message).toMatch(/^correct \(read from C\d+, 2 cells right of the label\)$/);
  });

  it('takes the sheet with the most recognised labels over a scratch sheet before it, and says which', () => {
    const scratch = sheetOf([[{ t: 's', v: 'loss' }, { t: 'n', v: 0.3 }], [{ t: 's', v: 'w1_new' }, { t: 'n', v: 0.2 }]]);
    const answers = sheetOf([...exact3()].map(([id, v]) => [{ t: 's', v: id }, { t: 'n', v: v as number }]));
    const result = gradeBytes(reference, fileOf({ Scratch: scratch, Answers: answers }));
    expect(result.score).toBe(result.maxScore);
    expect(stepIn(result, 'loss').cell).toMatch(/^Answers!/);
    expect(result.problems).toContainEqual(expect.stringMatching(/duplicate label "loss" at Answers!A\d+ and Scratch!A1: the one in sheet "Answers" is used \(the sheet with the most step labels\)/));
  });

  it('suggests the step id an unknown label is close to', () => {
    const values = new Map<string, ValueSpec>([...exact3()].filter(([id]) => id !== 'w4_new'));
    values.set('w4_nwe', reference.values.get('w4_new')!);
    const result = gradeCase(reference, values);
    expect(result.problems).toContainEqual(expect.stringMatching(/unknown step "w4_nwe" at Answers!A\d+: its value is not graded \(did you mean w4_new\?\)/));
  });

  it("says in the step's message that a formula has no saved value", () => {
    const values = exact3();
    values.set('loss', { t: 'n', f: '0.1*2' } as XLSX.CellObject);
    const result = gradeCase(reference, values);
    expect(stepIn(result, 'loss')).toMatchObject({ status: 'unreadable', raw: '=0.1*2' });
    expect(stepIn(result, 'loss').message).toMatch(/formula without a saved value/);
  });
});

describe('patterns across siblings (7)', () => {
  const params = (name: string) => graph.params.get(name)!;
  const onHand = (h: ReadonlyMap<string, number>, id: string, rewrite: (expr: Expr) => Expr) =>
    evaluateExact(rewrite(graph.byId.get(id)!.expr), { param: params, ref: (r) => h.get(r)! });
  /** The student's solution with `ids` computed by `rewrite` on their own values, every later step from them. */
  const planted = (ids: readonly string[], rewrite: (expr: Expr) => Expr) => {
    const before = hand();
    const given = Object.fromEntries(ids.map((id) => [id, Number(onHand(before, id, rewrite).toFixed(3))]));
    return gradeCase(reference, fixed(hand(given), 3));
  };
  const expectNamed = (result: GradeResult, ids: readonly string[], code: string) => {
    const wrong = result.steps.filter((s) => s.status === 'incorrect');
    expect(wrong.length).toBeGreaterThan(1);
    for (const s of wrong) expect([s.id, s.diagnosis]).toEqual([s.id, code]);
    expect(wrong.map((s) => s.id).every((id) => ids.includes(id))).toBe(true);
  };
  const without = (pick: (node: Expr) => boolean, by: Expr) => (expr: Expr) => substitute(expr, (node) => (pick(node) ? by : undefined));

  it('names the forgotten average-pool ½ on every coef_cc it makes wrong', () => {
    const ids = graph.steps.filter((s) => s.id.startsWith('coef_cc')).map((s) => s.id);
    const result = planted(ids, without((n) => n.op === 'div' && n.left.op === 'const' && n.right.op === 'const', num(1)));
    expectNamed(result, ids, 'pool-routing');
    for (const id of ['coef_cc1', 'coef_cc2', 'coef_cc5', 'coef_cc6', 'coef_cc7', 'coef_cc8']) expect(stepIn(result, id).diagnosis).toBe('pool-routing');
  });

  it("names α forgotten on all of kernel 1's updates on every one of them", () => {
    const ids = ['k11_new', 'k12_new', 'k13_new', 'b1_new'];
    const result = planted(ids, without((n) => n.op === 'param' && n.name === 'α', num(1)));
    expectNamed(result, ids, 'learning-rate');
    for (const id of ids) expect(stepIn(result, id).diagnosis).toBe('learning-rate');
  });

  it("names σ′ forgotten throughout conv C's deltas on every one it makes wrong", () => {
    const ids = graph.steps.filter((s) => /^coef_c\d$/.test(s.id)).map((s) => s.id);
    const dropDerivative = (expr: Expr): Expr => {
      if (expr.op !== 'mul') return expr;
      const out = expr.args.find((a) => a.op === 'sub' && a.left.op === 'const' && a.right.op === 'ref');
      const at = out?.op === 'sub' && out.right.op === 'ref' ? out.right.id : '';
      return mul(...expr.args.filter((a) => a !== out && !(a.op === 'ref' && a.id === at)));
    };
    const result = planted(ids, dropDerivative);
    expectNamed(result, ids, 'activation-derivative');
    for (const id of ['coef_c1', 'coef_c4', 'coef_c5']) expect(stepIn(result, id).diagnosis).toBe('activation-derivative');
  });

  it('names the other convention on every delta of the backward pass it makes wrong', () => {
    const standard = buildNetwork(reference.rubric, { convention: 'standard' });
    if (!standard.ok) throw new Error('no standard graph');
    const theirs = evaluateGraph(standard.graph, { round: roundTo(3) });
    const result = gradeCase(reference, fixed(theirs, 3));
    const ids = [...reference.variants.convention.keys()];
    expectNamed(result, ids, 'convention');
  });
});

describe('the margin of an update is relative to the update (7)', () => {
  // Matt Mazur's worked example ("A Step by Step Backpropagation Example"): 2-2-2, sigmoid, mse ½,
  // α = 0.5; its 8 weight updates and 4 bias updates move each parameter by far less than 5% of it.
  const mazur = `
id: mazur
title: Mazur's worked example
convention: standard
learningRate: 0.5
input: { name: i, values: [0.05, 0.10] }
target: { name: t, values: [0.01, 0.99] }
layers:
  - kind: dense
    name: H
    steps: { in: net_h, out: out_h, coef: coef_h }
    weights: { name: w, values: [[0.15, 0.20], [0.25, 0.30]] }
    biases: { name: b, values: [0.35, 0.35] }
    activation: sigmoid
  - kind: dense
    name: O
    steps: { in: net_o, out: out_o, coef: coef_o }
    weights: { name: u, values: [[0.40, 0.45], [0.50, 0.55]] }
    biases: { name: c, values: [0.60, 0.60] }
    activation: sigmoid
loss: { kind: mse, step: loss, factor: 0.5 }
grading:
  decimals: 4
  tolerance: { mode: decimals, atol: 1.0e-9, rtol: 0 }
`;
  const { loaded, graph: mazurGraph } = compileRubric(mazur, 'mazur.yaml');
  const mazurReference = prepareReference(loaded.rubric, mazurGraph);
  const updates = mazurGraph.steps.filter((s) => s.kind === 'update').map((s) => s.id);

  it('checks the example against its published values', () => {
    expect(mazurReference.values.get('loss')).toBeCloseTo(0.298371109, 8);
    expect(mazurReference.values.get('u1_new')).toBeCloseTo(0.35891648, 8); // w5+
    expect(mazurReference.values.get('w1_new')).toBeCloseTo(0.149780716, 8); // w1+
    expect(updates).toHaveLength(12);
  });

  it.each(updates.map((id) => [id]))('names α forgotten on %s alone', (id) => {
    const alpha = mazurGraph.params.get('α')!;
    const p = mazurGraph.params.get(id.replace(/_new$/, ''))!;
    const forgotten = p - (p - mazurReference.values.get(id)!) / alpha;
    const values = new Map(mazurReference.values);
    values.set(id, forgotten);
    const result = gradeSubmission(mazurReference, submissionOf(values, 4));
    expect(stepIn(result, id)).toMatchObject({ status: 'incorrect', diagnosis: 'learning-rate' });
  });
});

describe('number formats never change the grade of a typed value (1)', () => {
  it('grades a hand solution the same whatever formats its typed values carry', () => {
    const formats = ['0.0000', '0.00', '0', '0.0%', '0.00E+00', '#,##0.000', '0.0##', 'General'];
    const typed = fixed(hand({ out_pp1: 0.7 }), 3); // one wrong value, later steps computed from it
    const plain = gradeCase(reference, typed);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: typed.size - 1 }), fc.constantFrom(...formats)), { minLength: 1, maxLength: 30 }), (picks) => {
        const ids = [...typed.keys()];
        const formatted = new Map(typed);
        for (const [k, z] of picks) formatted.set(ids[k]!, { t: 'n', v: typed.get(ids[k]!) as number, z } as ValueSpec);
        const result = gradeCase(reference, formatted);
        expect(result.steps.map((s) => [s.id, s.status, s.diagnosis, s.points])).toEqual(plain.steps.map((s) => [s.id, s.status, s.diagnosis, s.points]));
      }),
      { numRuns: 15 },
    );
  });
});
