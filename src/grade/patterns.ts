/**
 * Patterns: a mistake named on one step is looked for on the step's siblings.
 *
 * A student who forgets the average-pool ½ forgets it on every element; one who leaves α out of
 * kernel 1's updates leaves it out of all of them. Where hand rounding brings a sibling's wrong
 * value within the margin of the right one (rules/context.ts), the rule alone stays silent on it.
 * Once the mistake is named on one sibling, it is named on every other wrong sibling whose value
 * it explains strictly better than the right formula, margin or not — unless a more specific
 * formula rule (earlier in RULE_ORDER) already names it; the rules on digits and inputs, which
 * name one value at a time, give way to a pattern. Siblings: the steps of the
 * same layer, phase and kind; for `convention`, every step of the backward pass that the other
 * convention computes differently (a convention is chosen once, for the whole pass).
 */
import type { Step } from '../engine/graph.js';
import { english, msg } from '../i18n/index.js';
import type { DiagnosisCode } from '../rubric/schema.js';
import { diagnoseAsPattern, type StudentValues } from './diagnose.js';
import type { Reference } from './reference.js';
import type { StepResult } from './result.js';
import { RULE_ORDER } from './rules/index.js';
import type { WrittenNumber } from './tolerance.js';

/** The rules that rewrite a formula the same way on every step they apply to. */
const PATTERN_CODES: ReadonlySet<DiagnosisCode> = new Set<DiagnosisCode>([
  'convention',
  'kernel-not-flipped',
  'padding',
  'pool-routing',
  'activation-derivative',
  'update-direction',
  'learning-rate',
  'sign-flip',
]);

function siblingsOf(reference: Reference, step: Step, code: DiagnosisCode): Step[] {
  const { graph, variants } = reference;
  if (code === 'convention') return graph.steps.filter((s) => s !== step && variants.convention.has(s.id));
  if (code === 'kernel-not-flipped') return graph.steps.filter((s) => s !== step && variants.flip.has(s.id));
  return graph.steps.filter((s) => s !== step && s.layer === step.layer && s.phase === step.phase && s.kind === step.kind);
}

/**
 * The verdicts with each pattern named on the wrong siblings it explains. `written(id)`: the
 * student's number for a step (every incorrect step has one).
 */
export function namePatterns(
  reference: Reference,
  steps: readonly StepResult[],
  written: (id: string) => WrittenNumber,
  student: StudentValues,
): StepResult[] {
  const result = [...steps];
  const at = new Map(result.map((s, k) => [s.id, k]));
  const order = (code: DiagnosisCode) => RULE_ORDER.indexOf(code);
  // Most specific first, as the rules are tried: a pattern never replaces an earlier formula rule's name.
  for (const code of RULE_ORDER.filter((c) => PATTERN_CODES.has(c))) {
    for (const named of steps.filter((s) => s.diagnosis === code)) {
      for (const sibling of siblingsOf(reference, reference.graph.byId.get(named.id)!, code)) {
        const k = at.get(sibling.id)!;
        const verdict = result[k]!;
        if (verdict.status !== 'incorrect' || (verdict.diagnosis !== null && PATTERN_CODES.has(verdict.diagnosis) && order(verdict.diagnosis) <= order(code))) continue;
        const { grading, maxPoints } = reference.settings.get(sibling.id)!;
        const diagnosis = diagnoseAsPattern(code, reference, sibling, written(sibling.id), student, grading);
        if (diagnosis === null) continue;
        const credit = grading.diagnosisCredit[code] ?? 0;
        const note = msg('diagnosis.asOn', { diagnosis, step: named.id });
        result[k] = { ...verdict, diagnosis: code, message: english(note), note, points: maxPoints * credit };
      }
    }
  }
  return result;
}
