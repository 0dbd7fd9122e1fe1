/**
 * A class roster (CSV) and how a batch of results lines up with it: who submitted nothing,
 * which files belong to no one on it, and who handed in more than one file.
 */
import { english, msg, type Message } from '../i18n/index.js';
import * as XLSX from 'xlsx';
import type { GradeResult } from '../grade/result.js';
import { normaliseLabel } from '../ingest/labels.js';
import { resolveLimits } from '../ingest/limits.js';
import { readWorkbook } from '../ingest/sheetjs.js';
import { guessSeparator } from '../ingest/text.js';

export interface RosterEntry {
  /** The student id (学号; Canvas's SIS User ID). */
  readonly id: string;
  readonly name: string | null;
  readonly section: string | null;
  readonly email: string | null;
  /** Canvas's SIS Login ID. */
  readonly login: string | null;
  /** Canvas's own user id (the `ID` column of a Canvas export). */
  readonly canvasId: string | null;
  /** The roster row it came from (1-based). */
  readonly line: number;
}

export interface Roster {
  readonly entries: readonly RosterEntry[];
  /** Every problem, each as `file:line: message`; rows with a problem are left out. */
  readonly problems: readonly string[];
  /** The problems as messages, to say in any language (not enumerable). */
  readonly notes?: readonly Message[];
}

type Field = Exclude<keyof RosterEntry, 'line'>;

/** Header names as normaliseLabel reads them (case, spaces, `_` and `-` do not matter). */
const HEADERS: Record<Field, readonly string[]> = {
  id: ['studentid', 'studentno', 'studentno.', 'studentnumber', 'sisuserid', 'matriculationnumber', '学号', '学生学号', '学生编号', '学籍号'],
  name: ['name', 'studentname', 'student', 'fullname', '姓名', '学生姓名', '名字'],
  section: ['section', 'class', 'classname', 'group', '班级', '班', '教学班', '行政班', '分组'],
  email: ['email', 'emailaddress', 'mail', '邮箱', '电子邮箱', '电子邮件'],
  login: ['sisloginid', 'loginid', 'login', 'username', 'netid', '用户名', '账号'],
  canvasId: ['canvasid', 'canvasuserid'],
};
/** A bare `ID` is the student id, unless another column is (a Canvas export: then it is Canvas's id). */
const BARE_ID = 'id';
/** A title or notes may stand above the header. */
const HEADER_SEARCH_ROWS = 10;
/** Rows of a Canvas gradebook export that are not students. */
const NOT_A_STUDENT = /^(points possible|student,\s*test|test student)$/i;

type Columns = Partial<Record<Field, number>>;

/**
 * Reads a roster CSV (any separator; headers in English or Chinese: `Student ID`/`学号`,
 * `Name`/`姓名`, `Section`/`班级`, `Email`/`邮箱`; a Canvas gradebook export works as it is).
 * `text` is already decoded (ingest's decodeText reads UTF-8 and GB18030). Lines are row
 * numbers, which differ from the file's lines only after a quoted cell that spans lines.
 *
 * @example parseRoster('学号,姓名\n2023000001,王晓东\n', 'roster.csv').entries[0]?.name // '王晓东'
 */
export function parseRoster(text: string, file: string): Roster {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return noted([], [msg('roster.empty', { file })]);
  const reading = readWorkbook({ kind: 'csv', text: body, separator: guessSeparator(body) }, resolveLimits({ maxRows: 100_000 }));
  if (!reading.ok) return noted([], [msg('roster.unreadable', { file, detail: reading.detail })]);
  const sheet = reading.workbook.Sheets[reading.workbook.SheetNames[0] ?? ''];
  if (sheet === undefined || sheet['!ref'] === undefined) return noted([], [msg('roster.empty', { file })]);
  const first = XLSX.utils.decode_range(sheet['!ref']).s.r + 1;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '', blankrows: true })
    .map((cells, index) => ({ line: first + index, cells: cells.map((cell) => String(cell ?? '').trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ''));
  const headerAt = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => columnsOf(row.cells).id !== undefined);
  const header = rows[headerAt];
  if (header === undefined) {
    return noted([], [msg('roster.noIdColumn', { file })]);
  }
  return readEntries(rows.slice(headerAt + 1), columnsOf(header.cells), file);
}

function columnsOf(cells: readonly string[]): Columns {
  const columns: Columns = {};
  const keys = cells.map((cell) => normaliseLabel(cell));
  for (const field of Object.keys(HEADERS) as Field[]) {
    const at = keys.findIndex((key) => HEADERS[field].includes(key));
    if (at >= 0) columns[field] = at;
  }
  const bare = keys.indexOf(BARE_ID);
  if (bare >= 0) {
    if (columns.id === undefined) columns.id = bare;
    else columns.canvasId ??= bare;
  }
  return columns;
}

function readEntries(rows: readonly { line: number; cells: readonly string[] }[], columns: Columns, file: string): Roster {
  const entries: RosterEntry[] = [];
  const problems: Message[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const field = (name: Field): string | null => {
      const at = columns[name];
      const value = at === undefined ? '' : (cells[at] ?? '');
      return value === '' ? null : value;
    };
    const id = field('id');
    const name = field('name');
    if (NOT_A_STUDENT.test(cells[0] ?? '') || NOT_A_STUDENT.test(name ?? '')) continue;
    if (id === null) {
      problems.push(msg('roster.noId', { file, line, name }));
      continue;
    }
    const earlier = seen.get(idKey(id));
    if (earlier !== undefined) {
      problems.push(msg('roster.duplicateId', { file, line, id, earlier }));
      continue;
    }
    seen.set(idKey(id), line);
    entries.push({ id, name, section: field('section'), email: field('email'), login: field('login'), canvasId: field('canvasId'), line });
  }
  return noted(entries, problems);
}

/** A roster with its problems in English, and as messages (not enumerable, as in i18n/note.ts). */
const noted = (entries: RosterEntry[], notes: readonly Message[]): Roster =>
  Object.defineProperty({ entries, problems: notes.map(english) }, 'notes', { value: notes, enumerable: false });

/** Ids compare without case, width or spaces (`ＡＢ 123` is `ab123`). */
const idKey = (id: string): string => id.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
const nameKey = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();

/**
 * Finds a result's student on the roster: by id; a result without an id, by name, but only a
 * name no one else on the roster has. A result whose id is not on the roster is matched to no
 * one (even if the name is), so a mistyped id is flagged rather than guessed.
 */
export function rosterLookup(roster: readonly RosterEntry[]): (student: GradeResult['student']) => RosterEntry | null {
  const byId = new Map(roster.map((entry) => [idKey(entry.id), entry]));
  const byName = new Map<string, RosterEntry | null>();
  for (const entry of roster) {
    if (entry.name === null) continue;
    const key = nameKey(entry.name);
    byName.set(key, byName.has(key) ? null : entry);
  }
  return (student) => {
    if (student.id !== null) return byId.get(idKey(student.id)) ?? null;
    return student.name === null ? null : (byName.get(nameKey(student.name)) ?? null);
  };
}

export interface RosterMatch {
  /** On the roster, no file. */
  readonly missing: readonly RosterEntry[];
  /** A file that matches no roster entry. */
  readonly unmatched: readonly GradeResult[];
  /** Two or more files for one student (the files as given). */
  readonly duplicates: readonly { readonly student: RosterEntry; readonly files: readonly string[] }[];
}

/** Lines a batch up with the roster; a file that could not be read still counts as handed in. */
export function matchRoster(results: readonly GradeResult[], roster: readonly RosterEntry[]): RosterMatch {
  const lookup = rosterLookup(roster);
  const files = new Map<RosterEntry, string[]>();
  const unmatched: GradeResult[] = [];
  for (const result of results) {
    const entry = lookup(result.student);
    if (entry === null) unmatched.push(result);
    else files.set(entry, [...(files.get(entry) ?? []), result.file]);
  }
  return {
    missing: roster.filter((entry) => !files.has(entry)),
    unmatched,
    duplicates: [...files].filter(([, paths]) => paths.length > 1).map(([student, paths]) => ({ student, files: paths })),
  };
}
