/** One submission on disk -> its GradeResult, within the reading limits; never throws for a bad file. */
import { basename } from 'node:path';
import { unreadableFile } from '../../grade/grade.js';
import type { GradeResult } from '../../grade/result.js';
import { formatBytes, resolveLimits } from '../../ingest/limits.js';
import { studentFromFileName } from '../../ingest/student.js';
import { readBounded } from '../files.js';
import type { Grader } from '../../grade/grader.js';
import { msg, type Message } from '../../i18n/index.js';

export async function gradePath(grader: Grader, path: string): Promise<GradeResult> {
  const limits = resolveLimits();
  const failed = (why: Message) => unreadableFile(grader.reference, path, studentFromFileName(basename(path)), why);
  let read;
  try {
    read = await readBounded(path, limits.maxFileBytes);
  } catch (error) {
    return failed(msg('ingest.cannotOpen', { code: (error as NodeJS.ErrnoException).code ?? 'unknown error' }));
  }
  if ('tooLarge' in read) return failed(msg('ingest.tooLarge', { size: formatBytes(read.tooLarge), limit: formatBytes(limits.maxFileBytes) }));
  return grader.grade(read.bytes, path, limits);
}
