/** Finding submissions on disk, reading them within bounds, and writing outputs atomically. */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { NotRegularKind } from '../i18n/en/cli.js';
import { UsageError } from './io.js';
import { CLI_MESSAGES } from './messages.js';
import { displayPath, joinPath, pathFromBytes, type FilePath } from './paths.js';

export const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.xls', '.ods', '.csv']);

const isSpreadsheet = (name: string) => SPREADSHEET_EXTENSIONS.has(extname(name).toLowerCase());
/** Dot-files (`.DS_Store`, macOS `._x.xlsx`) and Office lock files (`~$x.xlsx`). */
const isHidden = (name: string) => name.startsWith('.') || name.startsWith('~$');

export const noSpreadsheets = (inputs: readonly string[]): UsageError => new UsageError(CLI_MESSAGES.noSpreadsheets(inputs));

/** Entries of the submission folders that were passed over, counted for the summary line. */
export interface Skipped {
  /** Symbolic links: never followed, so a submission folder cannot lead the grader elsewhere. */
  links: number;
  /** Dot-files, dot-folders and Office lock files. */
  hidden: number;
  /** Named pipes, sockets, devices. */
  special: number;
}

export interface Collected {
  /** Every spreadsheet named or found below the named folders, sorted, each once. */
  readonly files: FilePath[];
  readonly skipped: Skipped;
}

export async function collectSpreadsheets(paths: readonly string[]): Promise<Collected> {
  const found = new Map<string, FilePath>();
  const skipped: Skipped = { links: 0, hidden: 0, special: 0 };
  for (const given of paths) {
    const path = await locate(given);
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(error.code === 'ELOOP' ? CLI_MESSAGES.linkLoop(given) : CLI_MESSAGES.noSuchInput(given));
    });
    const files = info.isDirectory() ? await walk(path, skipped) : [path];
    for (const file of files) found.set(key(file), file);
  }
  const files = [...found.values()].sort((a, b) => (displayPath(a) < displayPath(b) ? -1 : displayPath(a) > displayPath(b) ? 1 : 0));
  return { files, skipped };
}

const key = (path: FilePath) => (typeof path === 'string' ? `s${path}` : `b${path.toString('hex')}`);

async function walk(folder: FilePath, skipped: Skipped): Promise<FilePath[]> {
  const entries = await readdir(folder, { withFileTypes: true, encoding: 'buffer' });
  const files: FilePath[] = [];
  const named = entries.map((entry) => ({ entry, name: pathFromBytes(entry.name) }));
  named.sort((a, b) => displayPath(a.name).localeCompare(displayPath(b.name)));
  for (const { entry, name } of named) {
    const path = joinPath(folder, name);
    const shown = displayPath(name);
    if (entry.isSymbolicLink()) skipped.links++;
    else if (isHidden(shown)) skipped.hidden++;
    else if (entry.isDirectory()) files.push(...(await walk(path, skipped)));
    else if (!isSpreadsheet(shown)) continue;
    else if (entry.isFile()) files.push(path);
    else skipped.special++;
  }
  return files;
}

/**
 * The path as given, or, when it does not exist and holds U+FFFD (the shell passed a name that is
 * not UTF-8 and Node decoded it with replacements), the one entry of its folder with that name.
 */
async function locate(given: string): Promise<FilePath> {
  if (!given.includes('\uFFFD')) return given;
  const exists = await stat(given).then(() => true, () => false);
  if (exists) return given;
  const folder = dirname(given);
  const entries = await readdir(folder, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
  const matches = entries.filter((entry) => entry.toString('utf8') === basename(given));
  return matches.length === 1 ? joinPath(folder, matches[0]!) : given;
}

export type ReadOutcome =
  | { readonly bytes: Uint8Array }
  | { readonly tooLarge: number }
  | { readonly notRegular: NotRegularKind };

/**
 * Reads a regular file unless it is larger than `maxBytes`; a huge file is never loaded into
 * memory, and a named pipe or a device is refused without waiting on it (opened non-blocking,
 * then told from its own handle, so it cannot be swapped in between).
 */
export async function readBounded(path: FilePath, maxBytes: number): Promise<ReadOutcome> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { notRegular: info.isDirectory() ? 'folder' : info.isFIFO() ? 'pipe' : 'device' };
    const { size } = info;
    if (size > maxBytes) return { tooLarge: size };
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(bytes, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return { bytes: bytes.subarray(0, offset) };
  } finally {
    await handle.close();
  }
}

/** `.<name>.<12 hex>.tmp`: what writeAtomic leaves behind if the process is killed mid-write. */
const TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Writes through a temporary file in the same folder and renames it: readers never see half a file. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Removes the temporary files a killed run of writeAtomic left in `folder` (only those). */
export async function removeStaleTemporaries(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => []);
  await Promise.all(names.filter((name) => TEMPORARY.test(name)).map((name) => rm(join(folder, name), { force: true })));
}
