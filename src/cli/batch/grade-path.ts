/** One submission on disk -> its GradeResult, within the reading limits; never throws for a bad file. */
import { basename } from 'node:path';
import { unreadableFile } from '../../grade/grade.js';
import type { GradeResult } from '../../grade/result.js';
import { formatBytes, resolveLimits } from '../../ingest/limits.js';
import { studentFromFileName } from '../../ingest/student.js';
import { readBounded } from '../files.js';
import type { Grader } from '../../grade/grader.js';

export async function gradePath(grader: Grader, path: string): Promise<GradeResult> {
  const limits = resolveLimits();
  const failed = (why: string) => unreadableFile(grader.reference, path, studentFromFileName(basename(path)), why);
  let read;
  try {
    read = await readBounded(path, limits.maxFileBytes);
  } catch (error) {
    return failed(`cannot open the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  if ('tooLarge' in read) return failed(`too large (${formatBytes(read.tooLarge)}; the limit is ${formatBytes(limits.maxFileBytes)})`);
  return grader.grade(read.bytes, path, limits);
}
