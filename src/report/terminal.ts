/** A GradeResult for a terminal: one summary line, or the student's step-by-step table. */
import pc from 'picocolors';
import stringWidth from 'string-width';
import { formatNumber } from '../engine/text.js';
import type { GradeResult, Status, StepResult } from '../grade/result.js';
import { english, msg, type Message, type Say } from '../i18n/index.js';
import { wrap } from './layout.js';
import { localizeResult } from './localize.js';

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

/** Each status as a word a person reads. */
export const STATUS_WORDS: Record<Status, Message> = {
  correct: msg('status.correct'),
  'follow-through': msg('status.follow-through'),
  incorrect: msg('status.incorrect'),
  missing: msg('status.missing'),
  unreadable: msg('status.unreadable'),
};

/** `80 correct, 5 follow-through`: how many steps have each status that some step has. */
export function statusCounts(steps: readonly StepResult[], say: Say = english): string[] {
  const counts = countStatuses(steps);
  return (Object.keys(counts) as Status[]).filter((s) => counts[s] > 0).map((s) => say(msg('status.count', { count: counts[s], status: STATUS_WORDS[s] })));
}

/** `2023123456_张三.xlsx: 85/91 (93.4%) · 80 correct, 5 follow-through` or `file: could not read: why`. */
export function summaryLine(graded: GradeResult, say: Say = english): string {
  const result = localizeResult(graded, say);
  const file = plainText(result.file);
  if (result.error !== null) return say(msg('terminal.fileUnreadable', { file, error: plainText(result.error) }));
  return say(msg('terminal.summary', { file, score: formatScore(result), counts: statusCounts(result.steps, say), problems: result.problems.map(plainText) }));
}

/** `text` padded with spaces to `width` terminal columns (a Chinese character takes two). */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
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

export interface CheckTableOptions {
  readonly revealExpected: boolean;
  readonly color: boolean;
  /** The language of the table (English by default). */
  readonly say?: Say;
  /** Section headings by section id (`CC 层 · 正向传播`); the id where none is given. */
  readonly headings?: ReadonlyMap<string, string>;
  /** The terminal's width in columns: messages wrap to it, continuing under the message column. None: one line per step. */
  readonly width?: number;
}

/**
 * The self-check table. Expected values appear only when `revealExpected`. Columns are aligned by
 * display width, so a Chinese name or value (two columns a character) keeps the rows straight.
 */
export function checkTable(graded: GradeResult, options: CheckTableOptions): string {
  const say = options.say ?? english;
  const result = localizeResult(graded, say);
  const paint = pc.createColors(options.color);
  const who = plainText([result.student.id, result.student.name].filter((x) => x !== null).join(' '));
  const lines = [paint.bold(say(msg('terminal.score', { who: who || plainText(result.file), score: formatScore(result) })))];
  if (result.error !== null) return `${lines[0]}\n${paint.red(say(msg('report.couldNotRead', { error: plainText(result.error) })))}\n`;
  for (const problem of result.problems) lines.push(paint.yellow(`! ${plainText(problem)}`));
  const idWidth = Math.max(...result.steps.map((s) => stringWidth(s.id)));
  const writtenWidth = Math.max(10, ...result.steps.map((s) => stringWidth(plainText(s.raw))));
  const byId = new Map(result.steps.map((s) => [s.id, s]));
  for (const section of result.sections) {
    const heading = options.headings?.get(section.id) ?? section.id;
    lines.push('', paint.bold(`${heading}  ${formatNumber(section.score, 6)}/${formatNumber(section.maxScore, 6)}`));
    for (const step of section.stepIds.map((id) => byId.get(id)!)) {
      const expected = options.revealExpected ? `  ${say(msg('terminal.expected', { value: formatNumber(step.expected, 4) }))}` : '';
      const written = padDisplay(plainText(step.raw || '—'), writtenWidth);
      const start = `  ${paintStatus(paint, step.status, MARKS[step.status])} ${padDisplay(step.id, idWidth)}  ${written} `;
      if (options.width === undefined) {
        lines.push(`${start}${paint.dim(plainText(step.message))}${expected}`);
        continue;
      }
      const column = 2 + stringWidth(MARKS[step.status]) + 1 + idWidth + 2 + writtenWidth + 1;
      const [first = '', ...rest] = messageLines(plainText(step.message), expected, Math.max(MIN_MESSAGE_WIDTH, options.width - column), paint);
      lines.push(`${start}${first}`, ...rest.map((line) => ' '.repeat(column) + line));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Narrower than this, a message column would be one word a line: it runs past the terminal's edge instead. */
const MIN_MESSAGE_WIDTH = 20;

/** A step's message (dimmed) and the expected value after it, in lines of at most `room` display columns. */
function messageLines(message: string, expected: string, room: number, paint: ReturnType<typeof pc.createColors>): string[] {
  const measure = (text: string) => stringWidth(text);
  const lines = message === '' ? [''] : wrap(message, room, 'regular', 1, measure);
  const painted = lines.map((line) => paint.dim(line));
  if (expected === '') return painted;
  const last = lines.at(-1)!;
  if (measure(last + expected) <= room) return [...painted.slice(0, -1), painted.at(-1)! + expected];
  return [...painted, ...wrap(expected.trimStart(), room, 'regular', 1, measure)];
}
