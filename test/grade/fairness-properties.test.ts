/**
 * Fairness as properties over random networks and honest students (issue 8): full marks for
 * every honest way of writing a solution, more decimals never cost anything, and one max-pool
 * winner per window per submission.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import { evaluateExact } from '../../src/engine/exact.js';
import { mul, nodesOf, num, substitute, type Expr } from '../../src/engine/expr.js';
import { LEARNING_RATE, type Step } from '../../src/engine/graph.js';
import { buildNetwork } from '../../src/engine/network.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import type { Reference } from '../../src/grade/reference.js';
import type { GradeResult } from '../../src/grade/result.js';
import { RULE_ORDER } from '../../src/grade/rules/index.js';
import type { DiagnosisCode, Rubric } from '../../src/rubric/schema.js';
import { arbNetwork } from '../support/networks.js';
import { handRounded, referenceFor, roundTo, submissionOf, writeAs } from '../support/submissions.js';

const build = (rubric: Rubric): Reference => {
  const built = buildNetwork(rubric);
  if (!built.ok) throw new Error('generator made an invalid network');
  return referenceFor(rubric, built.graph);
};
const accepted = (result: GradeResult) => result.steps.filter((s) => s.status === 'correct' || s.status === 'follow-through');
const notAccepted = (result: GradeResult) => result.steps.filter((s) => s.status !== 'correct' && s.status !== 'follow-through').map((s) => `${s.id}: ${s.raw} (${s.message})`);
/** Every value finite: a value that drives a softmax output to 0 leaves the loss undefined (no homework). */
const finite = (values: ReadonlyMap<string, number>) => [...values.values()].every(Number.isFinite);

/** Each step computed on the student's values carried at `carried` decimals, then written with `written` decimals. */
function carriedAndWritten(reference: Reference, carried: number, written: number): Map<string, number> {
  const { graph } = reference;
  const kept = handRounded(graph, carried);
  return new Map(
    graph.steps.map((step) => {
      const computed = evaluateExact(step.expr, { param: (name) => graph.params.get(name)!, ref: (id) => kept.get(id)! });
      return [step.id, Number(computed.toFixed(written))];
    }),
  );
}

describe('honest students get full marks on random networks', () => {
  it('exact, hand-rounded at any decimals ≥ the rubric’s, or carried at the asked decimals and written with more', () => {
    fc.assert(
      fc.property(arbNetwork({ values: 'homework' }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('exact', 'hand', 'carried'), (rubric, extra, how) => {
        const reference = build(rubric);
        const asked = rubric.grading.decimals;
        const decimals = asked + (how === 'carried' ? Math.max(1, extra) : extra);
        const values =
          how === 'exact' ? reference.values : how === 'hand' ? handRounded(reference.graph, decimals) : carriedAndWritten(reference, asked, decimals);
        fc.pre(finite(values));
        const result = gradeSubmission(reference, submissionOf(values, decimals));
        expect(notAccepted(result)).toEqual([]);
        expect(result.score).toBe(result.maxScore);
      }),
      { numRuns: 150 },
    );
  });
});

describe('more decimals never lower a score', () => {
  it('writing any value with more digits that round to it never lowers the score', () => {
    fc.assert(
      fc.property(
        arbNetwork({ values: 'homework' }),
        fc.nat(),
        fc.integer({ min: -49, max: 49 }),
        fc.nat(),
        fc.integer({ min: -300, max: 300 }),
        (rubric, pick, digits, wrongPick, wrongOffset) => {
          const reference = build(rubric);
          const { steps } = reference.graph;
          const decimals = rubric.grading.decimals;
          // A hand solution, maybe with one wrong value (later steps computed from it).
          const wrongId = steps[wrongPick % steps.length]!.id;
          const hand = handRounded(reference.graph, decimals);
          const given = new Map([[wrongId, hand.get(wrongId)! + wrongOffset * 10 ** -decimals]]);
          const values = handRounded(reference.graph, decimals, {}, wrongOffset === 0 ? new Map() : given);
          fc.pre(finite(values));
          const before = gradeSubmission(reference, submissionOf(values, decimals));
          // One value written with two more digits that still round to it.
          const id = steps[pick % steps.length]!.id;
          const longer = submissionOf(values, decimals);
          writeAs(longer, id, (values.get(id)! + digits * 10 ** -(decimals + 2)).toFixed(decimals + 2));
          const after = gradeSubmission(reference, longer);
          expect(after.score).toBeGreaterThanOrEqual(before.score);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('one max-pool winner per window per submission', () => {
  it('accepts a nonzero delta on at most one element of each window, even when the student sends it to every element', () => {
    let windows = 0;
    fc.assert(
      fc.property(arbNetwork({ values: 'homework' }), fc.integer({ min: 3, max: 4 }), fc.infiniteStream(fc.boolean()), (rubric, decimals, both) => {
        const reference = build(rubric);
        const { graph } = reference;
        // Steps reading exactly one max-pool indicator, by window.
        const byWindow = new Map<string, string[]>();
        for (const step of graph.steps) {
          const indicators = nodesOf(step.expr).filter((n) => n.op === 'argmaxIs');
          if (indicators.length !== 1) continue;
          const key = JSON.stringify(indicators[0]!.op === 'argmaxIs' ? indicators[0]!.args : []);
          byWindow.set(key, [...(byWindow.get(key) ?? []), step.id]);
        }
        fc.pre(byWindow.size > 0);
        // The student sends the delta to every element of some windows, computed on their own values.
        const hand = handRounded(graph, decimals);
        const given = new Map<string, number>();
        for (const ids of byWindow.values()) {
          if (!both.next().value) continue;
          for (const id of ids) {
            const toAll = substitute(graph.byId.get(id)!.expr, (n) => (n.op === 'argmaxIs' ? num(1) : undefined));
            given.set(id, roundTo(decimals)(evaluateExact(toAll, { param: (name) => graph.params.get(name)!, ref: (r) => hand.get(r)! })));
          }
        }
        const values = handRounded(graph, decimals, {}, given);
        fc.pre(finite(values));
        const result = gradeSubmission(reference, submissionOf(values, decimals));
        const ok = new Set(accepted(result).map((s) => s.id));
        for (const ids of byWindow.values()) {
          windows++;
          // Nonzero at the decimals asked (−0.0001 is 0 at 3 decimals, and right for a non-winner).
          const nonzero = ids.filter((id) => ok.has(id) && Math.abs(values.get(id)!) >= 10 ** -rubric.grading.decimals);
          expect(nonzero.length, `${ids.join(', ')}: ${ids.map((id) => values.get(id)).join(', ')}`).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
    expect(windows).toBeGreaterThan(20);
  });
});

describe('a mistake planted on all siblings of a layer is named on every sibling it makes wrong', () => {
  type Rewrite = (expr: Expr) => Expr;
  const FORMULA_RULES: readonly DiagnosisCode[] = ['convention', 'kernel-not-flipped', 'pool-routing', 'activation-derivative', 'update-direction', 'learning-rate', 'sign-flip'];
  const replace = (pick: (n: Expr) => boolean, by: (n: Expr) => Expr): Rewrite => (expr) => substitute(expr, (n) => (pick(n) ? by(n) : undefined));
  const noHalf = replace((n) => n.op === 'div' && n.left.op === 'const' && n.left.value === 1 && n.right.op === 'const', () => num(1));
  const noAlpha = replace((n) => n.op === 'param' && n.name === LEARNING_RATE, () => num(1));
  /** σ′ = out·(1 − out) or tanh′ = 1 − out² dropped from the top product of a delta. */
  const noDerivative: Rewrite = (expr) => {
    if (expr.op !== 'mul') return expr;
    const factor = expr.args.find((a) => a.op === 'sub' && a.left.op === 'const' && a.left.value === 1 && (a.right.op === 'ref' || (a.right.op === 'sq' && a.right.arg.op === 'ref')));
    if (factor === undefined || factor.op !== 'sub') return expr;
    const out = factor.right.op === 'ref' ? factor.right.id : null;
    return mul(...expr.args.filter((a) => a !== factor && !(out !== null && a.op === 'ref' && a.id === out)));
  };
  const plans: [DiagnosisCode, (step: Step) => boolean, Rewrite][] = [
    // One pooling window per delta (with overlapping windows, the rule forgets ½ in one window at a time).
    ['pool-routing', (s) => s.kind === 'coef' && nodesOf(s.expr).filter((n) => n.op === 'div' && n.left.op === 'const' && n.right.op === 'const').length === 1, noHalf],
    ['learning-rate', (s) => s.kind === 'update', noAlpha],
    ['activation-derivative', (s) => s.kind === 'coef' && JSON.stringify(noDerivative(s.expr)) !== JSON.stringify(s.expr), noDerivative],
  ];

  it.each(plans)('%s', (code, applies, rewrite) => {
    const tally = { named: 0, silent: 0 };
    fc.assert(
      fc.property(arbNetwork({ values: 'homework' }), fc.integer({ min: 3, max: 4 }), fc.nat(), (rubric, decimals, pick) => {
        const reference = build(rubric);
        const { graph } = reference;
        const layers = [...new Set(graph.steps.filter(applies).map((s) => s.layer))];
        fc.pre(layers.length > 0);
        const layer = layers[pick % layers.length]!;
        const planted = graph.steps.filter((s) => applies(s) && s.layer === layer);
        // Each planted step computed wrongly on the student's own values, later steps from them.
        const given = new Map<string, number>();
        let values = handRounded(graph, decimals);
        for (const step of planted) {
          const wrong = evaluateExact(rewrite(step.expr), { param: (name) => graph.params.get(name)!, ref: (id) => values.get(id)! });
          given.set(step.id, roundTo(decimals)(wrong));
          values = handRounded(graph, decimals, {}, given);
        }
        fc.pre(finite(values));
        const result = gradeSubmission(reference, submissionOf(values, decimals));
        const wrong = result.steps.filter((s) => s.status === 'incorrect');
        fc.pre(wrong.length > 1);
        if (!wrong.some((s) => s.diagnosis === code)) {
          tally.silent++;
          return;
        }
        tally.named++;
        const ids = new Set(planted.map((s) => s.id));
        // Named with the planted code, or with a more specific formula rule that explains the same value.
        const specific = (d: DiagnosisCode | null) => d === code || (d !== null && FORMULA_RULES.includes(d) && RULE_ORDER.indexOf(d) < RULE_ORDER.indexOf(code));
        for (const s of wrong) if (ids.has(s.id) && !specific(s.diagnosis)) expect(`${s.id}: ${s.diagnosis}`).toBe(`${s.id}: ${code}`);
      }),
      { numRuns: 100 },
    );
    expect(tally.named).toBeGreaterThan(tally.silent);
  });

  it('convention throughout', () => {
    fc.assert(
      fc.property(arbNetwork({ values: 'homework' }), fc.integer({ min: 3, max: 4 }), (rubric, decimals) => {
        const reference = build(rubric);
        const other = buildNetwork(rubric, { convention: rubric.convention === 'standard' ? 'updated-weights' : 'standard' });
        if (!other.ok) throw new Error('no graph under the other convention');
        const values = handRounded(other.graph, decimals);
        fc.pre(finite(values));
        const result = gradeSubmission(reference, submissionOf(values, decimals));
        const wrong = result.steps.filter((s) => s.status === 'incorrect');
        fc.pre(wrong.some((s) => s.diagnosis === 'convention'));
        for (const s of wrong) if (reference.variants.convention.has(s.id)) expect(`${s.id}: ${s.diagnosis}`).toBe(`${s.id}: convention`);
      }),
      { numRuns: 100 },
    );
  });
});
