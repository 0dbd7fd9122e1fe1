/**
 * Skipping up-to-date submissions on a rerun. A result is reused when the rubric, the program's
 * version, the grading date, the report's name, the options that shape the outputs (`--no-pdf`;
 * any later one, such as a report language, joins through `options`) and the file itself (path,
 * size, modification time) are all unchanged, and its report is still in the output folder.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { displayPath, type FilePath } from '../paths.js';
import type { FileDone } from './job.js';

export const CACHE_FOLDER = '.stepmark';

export interface CacheParts {
  readonly rubricText: string;
  readonly version: string;
  readonly gradedAt: string;
  readonly file: FilePath;
  readonly reportName: string;
  /** Every option that changes what is written for a file, by name (`pdf: 'no'`, `lang: 'zh-CN'`). */
  readonly options: Readonly<Record<string, string>>;
}

export async function cacheKey(parts: CacheParts): Promise<string> {
  const info = await stat(parts.file).catch(() => null);
  const hash = createHash('sha256');
  const options = Object.entries(parts.options).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => `${name}=${value}`);
  const file = typeof parts.file === 'string' ? resolve(parts.file) : `${resolve(displayPath(parts.file))}\0${parts.file.toString('hex')}`;
  for (const part of [parts.version, parts.rubricText, parts.gradedAt, file, parts.reportName, String(info?.size), String(info?.mtimeMs), ...options]) {
    hash.update(part).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

export async function readCached(cachePath: string, outDir: string): Promise<FileDone | null> {
  try {
    const done = JSON.parse(await readFile(cachePath, 'utf8')) as FileDone;
    if (done.report !== null && !existsSync(join(outDir, done.report))) return null;
    return done;
  } catch {
    return null;
  }
}
