/** Finding submissions on disk, reading them within bounds, and writing outputs atomically. */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { msg } from '../i18n/index.js';
import { UsageError } from './io.js';

export const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.xls', '.ods', '.csv']);

const isSpreadsheet = (name: string) =>
  SPREADSHEET_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith('.') && !name.startsWith('~$');

export const noSpreadsheets = (inputs: readonly string[]): UsageError => new UsageError(msg('cli.noSpreadsheets', { inputs }));

/** Every spreadsheet named or found below the named folders, sorted, each once. */
export async function collectSpreadsheets(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => {
      throw new UsageError(msg('cli.noSuchPath', { path }));
    });
    if (info.isDirectory()) for (const file of await walk(path)) found.add(file);
    else found.add(path);
  }
  return [...found].sort();
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    // Links are not followed: a submission folder cannot lead the grader elsewhere.
    if (entry.isDirectory() && !entry.name.startsWith('.')) files.push(...(await walk(path)));
    else if (entry.isFile() && isSpreadsheet(entry.name)) files.push(path);
  }
  return files;
}

export type ReadOutcome = { readonly bytes: Uint8Array } | { readonly tooLarge: number };

/** Reads a file unless it is larger than `maxBytes`; a huge file is never loaded into memory. */
export async function readBounded(path: string, maxBytes: number): Promise<ReadOutcome> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
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
