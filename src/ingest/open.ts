/**
 * Bytes -> a SheetJS workbook, or an IngestError that says in one line why not.
 *
 * The format is told from the bytes (students rename files); the cheap checks (size, magic
 * bytes, archive bounds, encryption) all run before SheetJS sees the file.
 */
import type * as XLSX from 'xlsx';
import { assertNever } from '../engine/expr.js';
import { msg, type Message } from '../i18n/index.js';
import { inspectCfb } from './cfb.js';
import { ingestProblem } from './problems.js';
import type { Container } from './detect.js';
import { detectContainer, formatFromName } from './detect.js';
import { IngestError } from './errors.js';
import type { IngestLimits } from './limits.js';
import { MESSAGES } from './messages.js';
import type { WorkbookSource } from './sheetjs.js';
import { readWorkbook } from './sheetjs.js';
import { capCells, decodeText, guessSeparator, longestLine } from './text.js';
import type { IngestProblem, SpreadsheetFormat } from './types.js';
import { inspectZip } from './zip.js';

export interface OpenedWorkbook {
  readonly format: SpreadsheetFormat;
  readonly workbook: XLSX.WorkBook;
  readonly problems: readonly IngestProblem[];
  /** Cell records an xls holds by a scan of its bytes (0 for other formats): see cfb.ts. */
  readonly cellRecords: number;
}

interface Prepared {
  readonly format: SpreadsheetFormat;
  readonly source: WorkbookSource;
  readonly problems: readonly IngestProblem[];
  readonly cellRecords?: number;
}

export function openWorkbook(bytes: Uint8Array, file: string, limits: IngestLimits): OpenedWorkbook {
  if (bytes.length === 0) throw new IngestError(file, 'empty', MESSAGES.empty());
  if (bytes.length > limits.maxFileBytes) throw new IngestError(file, 'too-large', MESSAGES.tooLarge(bytes.length, limits.maxFileBytes));
  const prepared = prepare(detectContainer(bytes), bytes, file, limits);
  const reading = readWorkbook(prepared.source, limits, prepared.format);
  if (!reading.ok) throw new IngestError(file, reading.reason, reading.detail);
  return {
    format: prepared.format,
    workbook: reading.workbook,
    problems: [...prepared.problems, ...nameMismatch(file, prepared.format)],
    cellRecords: prepared.cellRecords ?? 0,
  };
}

function prepare(container: Container, bytes: Uint8Array, file: string, limits: IngestLimits): Prepared {
  const binary: WorkbookSource = { kind: 'binary', bytes };
  switch (container.kind) {
    case 'zip':
      return { format: zipFormat(bytes, file, limits), source: binary, problems: [] };
    case 'cfb':
      return { format: 'xls', source: binary, problems: [], cellRecords: xlsCellRecords(bytes, file) };
    case 'text':
      return prepareCsv(bytes, file, limits);
    case 'foreign':
      throw notASpreadsheet(file, container.looksLike);
    default:
      return assertNever(container);
  }
}

function zipFormat(bytes: Uint8Array, file: string, limits: IngestLimits): SpreadsheetFormat {
  const zip = inspectZip(bytes, limits);
  if (!zip.ok) throw new IngestError(file, zip.reason, zip.detail);
  const mimetype = zip.texts.get('mimetype')?.trim() ?? '';
  if (mimetype.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
    // An encrypted ods keeps its parts' names; only its manifest says they are encrypted.
    if (zip.texts.get('META-INF/manifest.xml')?.includes('encryption-data')) {
      throw new IngestError(file, 'password-protected', MESSAGES.passwordProtected());
    }
    return 'ods';
  }
  if (zip.names.some((name) => /^xl\/[^/]*workbook[^/]*\.xml$/i.test(name))) return 'xlsx';
  if (zip.names.some((name) => /^xl\/[^/]*workbook[^/]*\.bin$/i.test(name))) {
    throw new IngestError(file, 'not-a-spreadsheet', MESSAGES.xlsb());
  }
  throw notASpreadsheet(file, zipLooksLike(zip.names, mimetype));
}

function zipLooksLike(names: readonly string[], mimetype: string): Message {
  if (names.includes('word/document.xml')) return msg('fileKind.word');
  if (names.includes('ppt/presentation.xml')) return msg('fileKind.powerpoint');
  if (mimetype.startsWith('application/vnd.oasis.opendocument.text')) return msg('fileKind.odt');
  if (names.some((name) => name.startsWith('Index/') && name.endsWith('.iwa'))) return msg('fileKind.numbers');
  return msg('fileKind.zip');
}

/** An xls's cell records, or why the compound file is not a workbook that can be read. */
function xlsCellRecords(bytes: Uint8Array, file: string): number {
  const content = inspectCfb(bytes);
  switch (content.kind) {
    case 'xls':
      return content.cellRecords;
    case 'encrypted':
      throw new IngestError(file, 'password-protected', MESSAGES.passwordProtected());
    case 'foreign':
      throw notASpreadsheet(file, content.looksLike);
    case 'damaged':
      throw new IngestError(file, 'damaged', MESSAGES.officeDamaged());
    default:
      return assertNever(content);
  }
}

function prepareCsv(bytes: Uint8Array, file: string, limits: IngestLimits): Prepared {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw notASpreadsheet(file, decoded.looksLike);
  if (decoded.text.trim() === '') throw new IngestError(file, 'empty', MESSAGES.empty());
  const longest = longestLine(decoded.text);
  if (longest > limits.maxLineChars) throw new IngestError(file, 'too-large', MESSAGES.lineTooLong(longest, limits.maxLineChars));
  const separator = guessSeparator(decoded.text);
  const capped = capCells(decoded.text, separator, limits.maxCells);
  const problems: IngestProblem[] = capped.cut
    ? [ingestProblem('too-many-cells', msg('problem.tooManyCells', { cells: limits.maxCells }))]
    : [];
  return { format: 'csv', source: { kind: 'csv', text: capped.text, separator }, problems };
}

const notASpreadsheet = (file: string, looksLike: Message): IngestError =>
  new IngestError(file, 'not-a-spreadsheet', MESSAGES.notASpreadsheet(looksLike));

function nameMismatch(file: string, format: SpreadsheetFormat): IngestProblem[] {
  const named = formatFromName(file);
  if (named === null || named === format) return [];
  const extension = /\.[^./\\]+$/.exec(file)?.[0] ?? '';
  return [ingestProblem('format-mismatch', msg('problem.formatMismatch', { extension, format }))];
}
