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
import { formatBytes } from './limits.js';
import type { WorkbookSource } from './sheetjs.js';
import { readWorkbook } from './sheetjs.js';
import { capCells, decodeText, guessSeparator } from './text.js';
import type { IngestProblem, SpreadsheetFormat } from './types.js';
import { inspectZip } from './zip.js';

export interface OpenedWorkbook {
  readonly format: SpreadsheetFormat;
  readonly workbook: XLSX.WorkBook;
  readonly problems: readonly IngestProblem[];
}

interface Prepared {
  readonly format: SpreadsheetFormat;
  readonly source: WorkbookSource;
  readonly problems: readonly IngestProblem[];
}

const PASSWORD = msg('ingest.passwordProtected');

export function openWorkbook(bytes: Uint8Array, file: string, limits: IngestLimits): OpenedWorkbook {
  if (bytes.length === 0) throw new IngestError(file, 'empty', msg('ingest.empty'));
  if (bytes.length > limits.maxFileBytes) {
    throw new IngestError(file, 'too-large', msg('ingest.tooLarge', { size: formatBytes(bytes.length), limit: formatBytes(limits.maxFileBytes) }));
  }
  const prepared = prepare(detectContainer(bytes), bytes, file, limits);
  const reading = readWorkbook(prepared.source, limits);
  if (!reading.ok) throw new IngestError(file, reading.reason, reading.detail);
  return {
    format: prepared.format,
    workbook: reading.workbook,
    problems: [...prepared.problems, ...nameMismatch(file, prepared.format)],
  };
}

function prepare(container: Container, bytes: Uint8Array, file: string, limits: IngestLimits): Prepared {
  const binary: WorkbookSource = { kind: 'binary', bytes };
  switch (container.kind) {
    case 'zip':
      return { format: zipFormat(bytes, file, limits), source: binary, problems: [] };
    case 'cfb':
      return { format: cfbFormat(bytes, file), source: binary, problems: [] };
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
      throw new IngestError(file, 'password-protected', PASSWORD);
    }
    return 'ods';
  }
  if (zip.names.some((name) => /^xl\/[^/]*workbook[^/]*\.xml$/i.test(name))) return 'xlsx';
  if (zip.names.some((name) => /^xl\/[^/]*workbook[^/]*\.bin$/i.test(name))) {
    throw new IngestError(file, 'not-a-spreadsheet', msg('ingest.xlsb'));
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

function cfbFormat(bytes: Uint8Array, file: string): SpreadsheetFormat {
  const content = inspectCfb(bytes);
  switch (content.kind) {
    case 'xls':
      return 'xls';
    case 'encrypted':
      throw new IngestError(file, 'password-protected', PASSWORD);
    case 'foreign':
      throw notASpreadsheet(file, content.looksLike);
    case 'damaged':
      throw new IngestError(file, 'damaged', msg('ingest.damagedOffice'));
    default:
      return assertNever(content);
  }
}

function prepareCsv(bytes: Uint8Array, file: string, limits: IngestLimits): Prepared {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw notASpreadsheet(file, decoded.looksLike);
  if (decoded.text.trim() === '') throw new IngestError(file, 'empty', msg('ingest.empty'));
  const separator = guessSeparator(decoded.text);
  const capped = capCells(decoded.text, separator, limits.maxCells);
  const problems: IngestProblem[] = capped.cut
    ? [ingestProblem('too-many-cells', msg('problem.tooManyCells', { cells: limits.maxCells }))]
    : [];
  return { format: 'csv', source: { kind: 'csv', text: capped.text, separator }, problems };
}

const notASpreadsheet = (file: string, looksLike: Message): IngestError =>
  new IngestError(file, 'not-a-spreadsheet', msg('ingest.notSpreadsheet', { kind: looksLike }));

function nameMismatch(file: string, format: SpreadsheetFormat): IngestProblem[] {
  const named = formatFromName(file);
  if (named === null || named === format) return [];
  const extension = /\.[^./\\]+$/.exec(file)?.[0] ?? '';
  return [ingestProblem('format-mismatch', msg('problem.formatMismatch', { extension, format }))];
}
