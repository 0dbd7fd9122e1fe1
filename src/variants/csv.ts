/**
 * variants.csv: every student's numbers, one row each, which the TA keeps. Given to `grade` or
 * `template`, its rows pin the numbers: a student is re-drawn by editing their row alone.
 *
 * Columns: `Student ID`, `Name`, `Draws`, `Redrawn` (why earlier draws were rejected), then one
 * column per value drawn, by the engine's name (`learningRate`, `i1`, `KK12`, ...).
 */
import { stringify } from 'csv-stringify/sync';
import * as XLSX from 'xlsx';
import { english, msg, type Message, type Said, type Say } from '../i18n/index.js';
import { normaliseLabel } from '../ingest/labels.js';
import { resolveLimits } from '../ingest/limits.js';
import { readWorkbook } from '../ingest/sheetjs.js';
import { guessSeparator } from '../ingest/text.js';
import { neutraliseCell } from '../report/sanitize.js';
import { describeRedraws, type DrawnVariant } from './draw.js';
import type { IntegritySignal } from './integrity.js';
import { variantKey } from './key.js';
import type { VariantPlan } from './plan.js';

export interface VariantRow {
  readonly id: string;
  readonly name: string | null;
  readonly variant: DrawnVariant;
}

const FIXED = ['Student ID', 'Name', 'Draws', 'Redrawn'] as const;

/** The CSV text: UTF-8 with a BOM (Excel shows Chinese names), CRLF line ends, text cells neutralised. */
export function variantsCsv(plan: VariantPlan, rows: readonly VariantRow[]): string {
  const records = [
    [...FIXED, ...plan.names],
    ...rows.map(({ id, name, variant }) => [
      neutraliseCell(id),
      neutraliseCell(name ?? ''),
      variant.draws,
      describeRedraws(variant.redrawn),
      ...plan.names.map((n) => variant.values.get(n)!),
    ]),
  ];
  return toCsvText(records);
}

export interface PinnedVariants {
  /** By `variantKey(id)`: every drawn name's value. */
  readonly byId: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Every problem, each naming the file and line; a row with a problem is left out. */
  readonly problems: readonly Message[];
}

export { variantKey } from './key.js';

const ID_HEADERS = new Set(['studentid', '学号']);

/** The cells of a CSV file as text, row by row (blank rows kept, so row k is line k + 1), or why it cannot be read. */
export function csvRows(text: string): { rows: string[][] } | { problem: Said } {
  const body = text.replace(/^\uFEFF/, '');
  const reading = readWorkbook({ kind: 'csv', text: body, separator: guessSeparator(body) }, resolveLimits({ maxRows: 100_000 }));
  if (!reading.ok) return { problem: reading.detail };
  const sheet = reading.workbook.Sheets[reading.workbook.SheetNames[0] ?? ''];
  const rows = sheet === undefined ? [] : XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '', blankrows: true })
    .map((cells) => cells.map((cell) => String(cell ?? '').trim()));
  return { rows };
}

/** Rows as CSV text, as variants.csv is written. */
export function toCsvText(rows: readonly (readonly (string | number)[])[]): string {
  return stringify(rows as (string | number)[][], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** The column of the student id in a header row, or -1. */
export const idColumnOf = (header: readonly string[]): number => header.findIndex((cell) => ID_HEADERS.has(normaliseLabel(cell)));

/** Reads variants.csv against the plan: every drawn name needs a column, every cell a number. */
export function parseVariantsCsv(text: string, file: string, plan: VariantPlan): PinnedVariants {
  const read = csvRows(text);
  if ('problem' in read) return { byId: new Map(), problems: [msg('variants.csv.problem', { path: file, problem: read.problem })] };
  const { rows } = read;
  const header = rows[0] ?? [];
  const idColumn = idColumnOf(header);
  const columns = plan.names.map((name) => header.indexOf(name));
  const absent = plan.names.filter((_, k) => columns[k]! < 0);
  if (idColumn < 0 || absent.length > 0) {
    const wanted = idColumn < 0 ? ['Student ID', ...absent] : absent;
    return { byId: new Map(), problems: [msg('variants.csv.header', { path: file, columns: wanted })] };
  }
  const byId = new Map<string, ReadonlyMap<string, number>>();
  const problems: Message[] = [];
  rows.slice(1).forEach((cells, k) => {
    const line = k + 2;
    const id = cells[idColumn] ?? '';
    if (cells.every((cell) => cell === '')) return;
    if (id === '') return void problems.push(msg('variants.csv.noId', { path: file, line }));
    if (byId.has(variantKey(id))) return void problems.push(msg('variants.csv.duplicate', { path: file, line, id }));
    const values = new Map<string, number>();
    const bad: string[] = [];
    plan.names.forEach((name, j) => {
      const text = cells[columns[j]!] ?? '';
      const value = text === '' ? Number.NaN : Number(text);
      if (Number.isFinite(value)) values.set(name, value);
      else bad.push(`${name} ("${text}")`);
    });
    if (bad.length > 0) return void problems.push(msg('variants.csv.notNumbers', { path: file, line, id, cells: bad }));
    byId.set(variantKey(id), values);
  });
  return { byId, problems };
}

const INTEGRITY_COLUMNS = ['signal', 'studentId', 'name', 'file', 'otherId', 'otherName', 'otherFile', 'steps', 'detail'] as const;

/**
 * integrity.csv: one row per signal of copied work (a header alone when there is none), its
 * headings and details in the TA's language; text neutralised. The signal column holds the code.
 */
export function integrityCsv(signals: readonly IntegritySignal[], say: Say = english): string {
  const text = (value: string | null) => neutraliseCell(value ?? '');
  const header = INTEGRITY_COLUMNS.map((column) => say(msg(`variants.integrityCsv.${column}`)));
  const rows = signals.map((s) => [
    s.kind, text(s.student.id), text(s.student.name), text(s.file), text(s.other.id), text(s.other.name), text(s.other.file), s.steps.join(' '), text(say(s.note)),
  ]);
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
