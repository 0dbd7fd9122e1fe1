/** Reads a rubric file (a missing or unreadable one is a one-line message) and builds its grader. */
import { createGrader, type Grader } from '../grade/grader.js';
import { UsageError, type Io } from './io.js';

export async function readRubricText(path: string, io: Io): Promise<string> {
  try {
    return await io.readText(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a rubric file' : 'cannot be read';
    throw new UsageError(`${path}: ${reason}`);
  }
}

/** The rubric at `path`, compiled once per run, ready to grade files. */
export async function loadGrader(rubricPath: string, io: Io): Promise<Grader> {
  return createGrader(await readRubricText(rubricPath, io), rubricPath);
}
