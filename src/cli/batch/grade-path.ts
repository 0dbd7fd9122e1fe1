/** One submission on disk -> its GradeResult, within the reading limits; never throws for a bad file. */
import { unreadableFile } from '../../grade/grade.js';
import type { GradeResult } from '../../grade/result.js';
import { resolveLimits } from '../../ingest/limits.js';
import { MESSAGES } from '../../ingest/messages.js';
import { studentFromFileName } from '../../ingest/student.js';
import { readBounded } from '../files.js';
import { CLI_MESSAGES } from '../messages.js';
import { displayBasename, displayPath, type FilePath } from '../paths.js';
import type { Grader } from '../../grade/grader.js';
import type { Said } from '../../i18n/index.js';

export async function gradePath(grader: Grader, path: FilePath): Promise<GradeResult> {
  const limits = resolveLimits();
  const shown = displayPath(path);
  let read;
  try {
    read = await readBounded(path, limits.maxFileBytes);
  } catch (error) {
    return unreadablePath(grader, path, CLI_MESSAGES.cannotOpen((error as NodeJS.ErrnoException).code ?? null));
  }
  if ('tooLarge' in read) return unreadablePath(grader, path, MESSAGES.tooLarge(read.tooLarge, limits.maxFileBytes));
  if ('notRegular' in read) return unreadablePath(grader, path, CLI_MESSAGES.notRegular(read.notRegular));
  return grader.grade(read.bytes, shown, limits);
}

/** The result of a file that could not be read, named as a person reads its path. */
export const unreadablePath = (grader: Pick<Grader, 'reference'>, path: FilePath, why: Said | string): GradeResult =>
  unreadableFile(grader.reference, displayPath(path), studentFromFileName(displayBasename(path)), why);
