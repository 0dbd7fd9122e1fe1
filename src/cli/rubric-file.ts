/** Reads a rubric file, turning a missing or unreadable file into a one-line message. */
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
