/** Rubric path -> its grader, built once per run. */
import { createGrader, type Grader } from '../grade/grader.js';
import type { Io } from './io.js';
import { readRubricText } from './rubric-file.js';

export type Prepared = Grader;

export async function prepare(rubricPath: string, io: Io): Promise<Prepared> {
  return createGrader(await readRubricText(rubricPath, io), rubricPath);
}
