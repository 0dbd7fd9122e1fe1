/**
 * Class gradebooks from graded results: grades.csv / grades.xlsx, a Canvas import file, and
 * Gradescope's results.json. Pure: each returns text, bytes or an object; nothing is recomputed.
 *
 * Every text cell goes through neutraliseCell; numbers are written as numbers (see sanitize.ts).
 */
import { stringify } from 'csv-stringify/sync';
import * as XLSX from 'xlsx';
import { formatNumber } from '../engine/text.js';
import type { GradeReport, GradeResult, StepResult } from '../grade/result.js';
import { english, msg, type Say } from '../i18n/index.js';
import { localizeResult } from './localize.js';
import { matchRoster, rosterLookup, type RosterEntry } from './roster.js';
import { boundCell, joinBounded, MAX_CELL_CHARS, neutraliseCell } from './sanitize.js';
import { formatScore, statusCounts } from './terminal.js';

export type Cell = string | number | null;

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Score as a percentage of the maximum, exact; 0 when nothing can be scored. */
export const percentOf = (score: number, max: number): number => (max === 0 ? 0 : (100 * score) / max);

const problemsOf = (result: GradeResult, say: Say): string =>
  joinBounded([...(result.error === null ? [] : [say(msg('report.couldNotRead', { error: result.error }))]), ...result.problems], '; ', MAX_CELL_CHARS, (count) => say(msg('gradebook.andMore', { count })));

export const NO_SUBMISSION = english(msg('gradebook.noSubmission'));

/**
 * One row per result: student id, name, file, score, max, percent, each section's score, each
 * step's points, problems. `sections` and `steps` are ids in column order (the graph's). With a
 * roster, a missing name is taken from it, and every student on it with no file gets a row
 * with score 0 and the problem "no submission".
 */
export function gradebookRows(
  report: GradeReport, sections: readonly string[], steps: readonly string[], roster?: readonly RosterEntry[], say: Say = english,
): Table {
  const header = ['Student ID', 'Name', 'File', 'Score', 'Max', 'Percent', ...sections, ...steps, 'Problems'];
  const lookup = roster === undefined ? () => null : rosterLookup(roster);
  const rows: Cell[][] = report.results.map((result) => {
    const sectionScores = new Map(result.sections.map((s) => [s.id, s.score]));
    const stepPoints = new Map(result.steps.map((s) => [s.id, s.points]));
    return [
      result.student.id,
      result.student.name ?? lookup(result.student)?.name ?? null,
      result.file,
      result.score,
      result.maxScore,
      percentOf(result.score, result.maxScore),
      ...sections.map((id) => sectionScores.get(id) ?? null),
      ...steps.map((id) => stepPoints.get(id) ?? null),
      problemsOf(result, say),
    ];
  });
  const max = report.results[0]?.maxScore ?? null;
  for (const entry of roster === undefined ? [] : matchRoster(report.results, roster).missing) {
    rows.push([entry.id, entry.name, null, 0, max, 0, ...sections.map(() => null), ...steps.map(() => null), say(msg('gradebook.noSubmission'))]);
  }
  return { header, rows };
}

/** grades.csv: UTF-8 with a BOM (so Excel shows Chinese names), CRLF line ends. */
export function gradebookCsv(
  report: GradeReport, sections: readonly string[], steps: readonly string[], roster?: readonly RosterEntry[], say: Say = english,
): string {
  return toCsv(gradebookRows(report, sections, steps, roster, say), say);
}

/** grades.xlsx: numbers as numeric cells, text neutralised, the header row frozen, columns sized. */
export function gradebookXlsx(
  report: GradeReport, sections: readonly string[], steps: readonly string[], roster?: readonly RosterEntry[], say: Say = english,
): Uint8Array {
  const table = gradebookRows(report, sections, steps, roster, say);
  return toXlsx(table, 'Grades', { [table.header.indexOf('Percent')]: '0.0' }, say);
}

/** The Canvas gradebook import format's identity columns; the last one must be `Section`. */
export const CANVAS_COLUMNS = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section'] as const;

/**
 * A CSV Canvas imports into one assignment column: the header, a `Points Possible` row, then a
 * row per result (name as Student, student id as SIS User ID; Canvas's ID, SIS Login ID and
 * Section from the roster when given). Scores are scaled to `pointsPossible` when it differs
 * from the rubric's maximum. A file that could not be read gets an empty score, so a grade a
 * TA entered by hand is left alone; with a roster, students with no file get 0.
 */
export function canvasCsv(report: GradeReport, assignment: { assignment: string; pointsPossible: number }, roster?: readonly RosterEntry[]): string {
  const lookup = roster === undefined ? () => null : rosterLookup(roster);
  const identity = (entry: RosterEntry | null, name: string | null, id: string | null): Cell[] =>
    [entry?.name ?? name, entry?.canvasId ?? null, entry?.id ?? id, entry?.login ?? null, entry?.section ?? null];
  const scaled = (result: GradeResult): Cell => {
    if (result.error !== null) return null;
    if (result.maxScore === assignment.pointsPossible) return result.score;
    return result.maxScore === 0 ? 0 : (result.score * assignment.pointsPossible) / result.maxScore;
  };
  const rows: Cell[][] = [
    ['Points Possible', null, null, null, null, assignment.pointsPossible],
    ...report.results.map((result) => [...identity(lookup(result.student), result.student.name, result.student.id), scaled(result)]),
    ...(roster === undefined ? [] : matchRoster(report.results, roster).missing).map((entry) => [...identity(entry, null, null), 0]),
  ];
  return toCsv({ header: [...CANVAS_COLUMNS, assignment.assignment], rows });
}

export type GradescopeVisibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export interface GradescopeTest {
  readonly name: string;
  /** Orders the tests on Gradescope: `<section>.<step>`. */
  readonly number: string;
  readonly score: number;
  readonly max_score: number;
  readonly status: 'passed' | 'failed';
  readonly output: string;
  readonly visibility: GradescopeVisibility;
}

/** Gradescope's autograder `results.json`. */
export interface GradescopeResults {
  readonly score: number;
  readonly output: string;
  readonly visibility: GradescopeVisibility;
  readonly stdout_visibility: GradescopeVisibility;
  readonly tests: readonly GradescopeTest[];
}

export interface GradescopeOptions {
  /** The rubric's `feedback.revealExpected`: expected values appear in a test's output only when true. */
  readonly revealExpected: boolean;
  /** For the results and every test; default `visible`. */
  readonly visibility?: GradescopeVisibility;
  /** The autograder's own stdout (never needed by students); default `hidden`. */
  readonly stdoutVisibility?: GradescopeVisibility;
  /** The language of every message (English by default). */
  readonly say?: Say;
}

/**
 * One Gradescope test per step, in graph order, named `<step id>: <status>` and numbered by
 * section, so a student sees each step's mark and message as the PDF gives it. The test scores
 * are the steps' points, which sum to `score`. A file that could not be read has no tests: its
 * output says why.
 */
export function gradescopeResults(graded: GradeResult, options: GradescopeOptions): GradescopeResults {
  const say = options.say ?? english;
  const result = localizeResult(graded, say);
  const visibility = options.visibility ?? 'visible';
  const numbers = new Map(result.sections.flatMap((section, s) => section.stepIds.map((id, i) => [id, `${s + 1}.${i + 1}`] as const)));
  const tests = result.error !== null ? [] : result.steps.map((step, index): GradescopeTest => ({
    name: say(msg('gradescope.testName', { step: step.id, status: msg(`status.${step.status}`) })),
    number: numbers.get(step.id) ?? `${result.sections.length + 1}.${index + 1}`,
    score: step.points,
    max_score: step.maxPoints,
    status: step.status === 'correct' || step.status === 'follow-through' ? 'passed' : 'failed',
    output: stepOutput(step, options.revealExpected, say),
    visibility,
  }));
  return { score: result.score, output: resultOutput(result, say), visibility, stdout_visibility: options.stdoutVisibility ?? 'hidden', tests };
}

function stepOutput(step: StepResult, revealExpected: boolean, say: Say): string {
  const lines = [step.message];
  if (step.raw !== '') lines.push(say(msg('gradescope.youWrote', { raw: step.raw, cell: step.cell })));
  if (revealExpected) lines.push(say(msg('gradescope.expected', { value: formatNumber(step.expected, 6) })));
  return lines.join('\n');
}

function resultOutput(result: GradeResult, say: Say): string {
  const who = [result.student.id, result.student.name].filter((x) => x !== null).join(' ');
  const lines = [say(msg('terminal.score', { who: who || result.file, score: formatScore(result) }))];
  if (result.error !== null) lines.push(say(msg('report.couldNotRead', { error: result.error })));
  else lines.push(say(msg('status.list', { counts: statusCounts(result.steps, say) })), ...result.problems.map((problem) => say(msg('gradescope.problem', { problem }))));
  return lines.join('\n');
}

/** Every text cell neutralised and bounded (MAX_CELL_CHARS), whatever a student's file held; a cut said by `say`. */
function neutralised(table: Table, say: Say): Cell[][] {
  const more = (count: number) => say(msg('gradebook.moreCharacters', { count }));
  const textCell = (cell: Cell): Cell => (typeof cell === 'string' ? neutraliseCell(boundCell(cell, MAX_CELL_CHARS, more)) : cell);
  return [table.header, ...table.rows].map((row) => row.map(textCell));
}

/** Cells with a line break are quoted too: csv-stringify quotes only the record delimiter itself (CRLF), and a bare CR or LF would start a new row. */
function toCsv(table: Table, say: Say = english): string {
  return stringify(neutralised(table, say), { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** Excel's column width is in characters; Han, kana and Hangul take two. */
function displayWidth(cell: Cell): number {
  const text = cell === null ? '' : typeof cell === 'number' ? String(Math.round(cell * 100) / 100) : cell;
  return [...text].reduce((width, ch) => width + (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\uFF00-\uFFEF]/u.test(ch) ? 2 : 1), 0);
}

function toXlsx(table: Table, sheetName: string, formats: Record<number, string>, say: Say): Uint8Array {
  const rows = neutralised(table, say);
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  const columns = table.header.length;
  sheet['!cols'] = Array.from({ length: columns }, (_, c) => ({ wch: Math.min(60, Math.max(6, ...rows.map((row) => displayWidth(row[c] ?? null))) + 2) }));
  sheet['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: columns - 1 } }) };
  for (const [column, format] of Object.entries(formats)) {
    for (let r = 1; r < rows.length; r++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c: Number(column) })] as XLSX.CellObject | undefined;
      if (cell?.t === 'n') cell.z = format;
    }
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName);
  book.Props = { CreatedDate: new Date(Date.UTC(2000, 0, 1)) };
  return freezeHeaderRow(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array);
}

/** The slice of SheetJS's bundled CFB/ZIP library used here (it is typed `any`). */
interface ZipContainer {
  readonly FullPaths: readonly string[];
}
interface ZipLibrary {
  read(bytes: Uint8Array, options: { type: 'buffer' }): ZipContainer;
  find(container: ZipContainer, path: string): { content: Uint8Array } | null;
  write(container: ZipContainer, options: { fileType: 'zip'; type: 'buffer'; compression: boolean }): Uint8Array;
}

const PLAIN_VIEW = '<sheetView workbookViewId="0"/>';
const FROZEN_VIEW = '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>';

/**
 * SheetJS's community edition writes no frozen panes, so the first sheet's `<sheetView>` gets
 * its `<pane>` here, through the ZIP library SheetJS ships. The entries' dates are fixed, so
 * the bytes stay the same for the same input.
 */
function freezeHeaderRow(bytes: Uint8Array): Uint8Array {
  const zip = XLSX.CFB as ZipLibrary;
  const container = zip.read(bytes, { type: 'buffer' });
  const entry = zip.find(container, '/xl/worksheets/sheet1.xml');
  const xml = entry === null ? '' : new TextDecoder().decode(entry.content);
  if (entry === null || !xml.includes(PLAIN_VIEW)) throw new Error('SheetJS wrote a worksheet without the expected <sheetView>: cannot freeze the header row');
  entry.content = new TextEncoder().encode(xml.replace(PLAIN_VIEW, FROZEN_VIEW));
  return zip.write(container, { fileType: 'zip', type: 'buffer', compression: true });
}
