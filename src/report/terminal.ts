/** A GradeResult for a terminal: one summary line, or the student's step-by-step table. */
import pc from 'picocolors';
import { formatNumber } from '../engine/text.js';
import type { GradeResult, Status, StepResult } from '../grade/result.js';

export const MARKS: Record<Status, string> = {
  correct: '✓',
  'follow-through': '↻',
  incorrect: '✗',
  missing: '–',
  unreadable: '?',
};

/**
 * Text from a file (its name, the student's name and id, what they wrote, problems) for a
 * terminal: control characters (escape sequences that retitle the window or clear the screen,
 * bells, backspaces, bidi overrides) become visible `\u{..}` escapes; tabs become spaces.
 */
export function plainText(text: string): string {
  return text
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

const percent = (score: number, max: number) => (max === 0 ? 0 : (100 * score) / max);

export function formatScore(result: Pick<GradeResult, 'score' | 'maxScore'>): string {
  return `${formatNumber(result.score, 6)}/${formatNumber(result.maxScore, 6)} (${percent(result.score, result.maxScore).toFixed(1)}%)`;
}

export function countStatuses(steps: readonly StepResult[]): Record<Status, number> {
  const counts: Record<Status, number> = { correct: 0, 'follow-through': 0, incorrect: 0, missing: 0, unreadable: 0 };
  for (const step of steps) counts[step.status]++;
  return counts;
}

/** `2023123456_张三.xlsx  85/91 (93.4%) · 80 ✓ 5 ↻ 3 ✗ 3 –` or `file: could not read: why`. */
export function summaryLine(result: GradeResult): string {
  if (result.error !== null) return `${plainText(result.file)}: could not read: ${plainText(result.error)}`;
  const counts = countStatuses(result.steps);
  const parts = (Object.keys(counts) as Status[]).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const problems = result.problems.length === 0 ? '' : ` · ${result.problems.length === 1 ? 'problem' : `${result.problems.length} problems`}: ${plainText(result.problems.join('; '))}`;
  return `${plainText(result.file)}: ${formatScore(result)} · ${parts.join(', ')}${problems}`;
}

type Paint = ReturnType<typeof pc.createColors>;

function paintStatus(paint: Paint, status: Status, text: string): string {
  switch (status) {
    case 'correct':
      return paint.green(text);
    case 'follow-through':
      return paint.cyan(text);
    case 'incorrect':
      return paint.red(text);
    case 'missing':
    case 'unreadable':
      return paint.yellow(text);
  }
}

/** The self-check table. Expected values appear only when `revealExpected`. */
export function checkTable(result: GradeResult, options: { revealExpected: boolean; color: boolean }): string {
  const paint = pc.createColors(options.color);
  const who = plainText([result.student.id, result.student.name].filter((x) => x !== null).join(' '));
  const lines = [paint.bold(`${who || plainText(result.file)}: ${formatScore(result)}`)];
  if (result.error !== null) return `${lines[0]}\n${paint.red(`could not read the file: ${plainText(result.error)}`)}\n`;
  for (const problem of result.problems) lines.push(paint.yellow(`! ${plainText(problem)}`));
  const idWidth = Math.max(...result.steps.map((s) => s.id.length));
  const byId = new Map(result.steps.map((s) => [s.id, s]));
  for (const section of result.sections) {
    lines.push('', paint.bold(`${section.id}  ${formatNumber(section.score, 6)}/${formatNumber(section.maxScore, 6)}`));
    for (const step of section.stepIds.map((id) => byId.get(id)!)) {
      const expected = options.revealExpected ? `  expected ${formatNumber(step.expected, 4)}` : '';
      const written = plainText(step.raw || '—').padEnd(10);
      lines.push(`  ${paintStatus(paint, step.status, MARKS[step.status])} ${step.id.padEnd(idWidth)}  ${written} ${paint.dim(plainText(step.message))}${expected}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
