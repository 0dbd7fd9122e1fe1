/**
 * Skipping up-to-date submissions on a rerun. A result is reused when the rubric, the program's
 * version, the grading date, the report's name and the file itself (path, size, modification
 * time) are all unchanged, and its report is still in the output folder.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FileDone } from './job.js';

export const CACHE_FOLDER = '.stepmark';

export async function cacheKey(parts: { rubricText: string; version: string; gradedAt: string; file: string; reportName: string; voice?: string }): Promise<string> {
  const info = await stat(parts.file);
  const hash = createHash('sha256');
  // The report's language is part of what was rendered: another --lang renders the report again.
  for (const part of [parts.version, parts.rubricText, parts.gradedAt, resolve(parts.file), parts.reportName, String(info.size), String(info.mtimeMs), parts.voice ?? '']) {
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
