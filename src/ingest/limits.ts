/**
 * Bounds on what a submitted file may cost to read. Student files are untrusted: a file past a
 * bound is refused, or read only up to it with a problem saying so, never read without end.
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
  /** Rows read per sheet (SheetJS `sheetRows`); later rows are skipped with a problem. */
  readonly maxRows: number;
  /** Cells looked at over the whole workbook; the rest are skipped with a problem. */
  readonly maxCells: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 20 * MB,
  maxUnzippedBytes: 100 * MB,
  maxZipEntries: 2000,
  maxSheets: 50,
  maxRows: 5000,
  maxCells: 200_000,
};

export const resolveLimits = (limits: Partial<IngestLimits> = {}): IngestLimits => ({ ...DEFAULT_LIMITS, ...limits });

/** 20971520 -> "20 MB", 1536 -> "1.5 KB"; rounded up, so a size just over a limit never reads as the limit. */
export function formatBytes(bytes: number): string {
  const [size, unit] = bytes >= MB ? [bytes / MB, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'bytes'];
  return `${Math.ceil(size * 10) / 10} ${unit}`;
}
