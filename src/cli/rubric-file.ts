/** Reads a rubric file (a missing or unreadable one is a one-line message) and builds its grader. */
import { createGrader, type Grader } from '../grade/grader.js';
import { msg } from '../i18n/index.js';
import { UsageError, type Io } from './io.js';

export async function readRubricText(path: string, io: Io): Promise<string> {
  try {
    return await io.readText(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const key = code === 'ENOENT' ? 'cli.rubricMissing' : code === 'EISDIR' ? 'cli.rubricIsFolder' : 'cli.rubricUnreadable';
    throw new UsageError(msg(key, { path }));
  }
}

/** The rubric at `path`, compiled once per run, ready to grade files. */
export async function loadGrader(rubricPath: string, io: Io): Promise<Grader> {
  return createGrader(await readRubricText(rubricPath, io), rubricPath);
}
