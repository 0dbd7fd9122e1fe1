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
  if (result.error !== null) return `${result.file}: could not read: ${result.error}`;
  const counts = countStatuses(result.steps);
  const parts = (Object.keys(counts) as Status[]).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const problems = result.problems.length === 0 ? '' : ` · ${result.problems.length === 1 ? 'problem' : `${result.problems.length} problems`}: ${result.problems.join('; ')}`;
  return `${result.file}: ${formatScore(result)} · ${parts.join(', ')}${problems}`;
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
  const who = [result.student.id, result.student.name].filter((x) => x !== null).join(' ');
  const lines = [paint.bold(`${who || result.file}: ${formatScore(result)}`)];
  if (result.error !== null) return `${lines[0]}\n${paint.red(`could not read the file: ${result.error}`)}\n`;
  for (const problem of result.problems) lines.push(paint.yellow(`! ${problem}`));
  const idWidth = Math.max(...result.steps.map((s) => s.id.length));
  const byId = new Map(result.steps.map((s) => [s.id, s]));
  for (const section of result.sections) {
    lines.push('', paint.bold(`${section.id}  ${formatNumber(section.score, 6)}/${formatNumber(section.maxScore, 6)}`));
    for (const step of section.stepIds.map((id) => byId.get(id)!)) {
      const expected = options.revealExpected ? `  expected ${formatNumber(step.expected, 4)}` : '';
      const written = (step.raw || '—').padEnd(10);
      lines.push(`  ${paintStatus(paint, step.status, MARKS[step.status])} ${step.id.padEnd(idWidth)}  ${written} ${paint.dim(step.message)}${expected}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
