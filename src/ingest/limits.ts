/**
 * Bounds on what a submitted file may cost to read: the one place they are set (the README lists
 * them). Student files are untrusted: a file past a bound is refused with a message naming the
 * bound and how to fix the file, or read only up to it with a problem saying so; never read
 * without end. The cheap pre-scans (zip.ts, prescan.ts, text.ts) apply them before SheetJS sees
 * the bytes; the time and memory limits bound whatever is left (the CLI reads in a worker).
 */
export interface IngestLimits {
  /** The file itself, checked before anything parses it. */
  readonly maxFileBytes: number;
  /** All entries of an xlsx/ods (ZIP) archive once inflated: stops zip bombs. */
  readonly maxUnzippedBytes: number;
  /** Entries in an xlsx/ods archive. */
  readonly maxZipEntries: number;
  /** Sheets read; later sheets are skipped with a problem. */
  readonly maxSheets: number;
  /** Sheets a file may declare at all; more is refused before parsing. */
  readonly maxDeclaredSheets: number;
  /** Rows read per sheet (SheetJS `sheetRows`); later rows are skipped with a problem. */
  readonly maxRows: number;
  /** Cells looked at over the whole workbook; the rest are skipped with a problem. */
  readonly maxCells: number;
  /** Distinct texts in an xlsx's shared-strings part (each costs memory even if never used). */
  readonly maxSharedStrings: number;
  /**
   * Cells a file may store, counted before parsing: an xlsx's `<c>` tags, an ods's filled cells
   * times their repeat counts (`number-rows-repeated` × `number-columns-repeated`).
   */
  readonly maxStoredCells: number;
  /** Characters in one line of a CSV file. */
  readonly maxLineChars: number;
  /** Problems kept per file; the rest are summed up in one last problem. */
  readonly maxProblems: number;
  /** Characters of one problem's message. */
  readonly maxProblemChars: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 10 * MB,
  maxUnzippedBytes: 24 * MB,
  maxZipEntries: 2000,
  maxSheets: 50,
  maxDeclaredSheets: 255,
  maxRows: 5000,
  maxCells: 50_000,
  maxSharedStrings: 200_000,
  maxStoredCells: 200_000,
  maxLineChars: 100_000,
  maxProblems: 50,
  maxProblemChars: 300,
};

/**
 * Time and memory for reading and grading one file, outside the pre-scans' reach (a damaged
 * .xls can send SheetJS round a loop). The CLI reads each file in a worker thread with these
 * limits; past them the file is reported as too costly to read and the others go on.
 */
export const READ_TIME_LIMIT_MS = 5_000;
export const READ_MEMORY_LIMIT_MB = 96;
/** A batch worker also renders the student's report within the same task: what that may add. */
export const REPORT_TIME_ALLOWANCE_MS = 2_000;
export const REPORT_MEMORY_ALLOWANCE_MB = 32;

export const resolveLimits = (limits: Partial<IngestLimits> = {}): IngestLimits => ({ ...DEFAULT_LIMITS, ...limits });

/** 20971520 -> "20 MB", 1536 -> "1.5 KB"; rounded up, so a size just over a limit never reads as the limit. */
export function formatBytes(bytes: number): string {
  const [size, unit] = bytes >= MB ? [bytes / MB, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'bytes'];
  return `${Math.ceil(size * 10) / 10} ${unit}`;
}
