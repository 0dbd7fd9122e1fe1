/** A graded result said in another language: its messages, problems and error, from the notes it carries. */
import type { GradeResult } from '../grade/result.js';
import { english, type Say } from '../i18n/index.js';

/**
 * The result with every message said by `say`; nothing is graded again. A result built by hand
 * (no notes) keeps its text.
 *
 * @example localizeResult(result, createSay('zh-CN')).steps[0]?.message // '正确'
 */
export function localizeResult(result: GradeResult, say: Say): GradeResult {
  if (say === english) return result;
  const { notes } = result;
  return {
    ...result,
    steps: result.steps.map((step) => (step.note === undefined ? step : { ...step, message: say(step.note) })),
    problems: notes === undefined ? result.problems : notes.problems.map(say),
    error: notes === undefined || notes.error === null ? result.error : say(notes.error),
  };
}
