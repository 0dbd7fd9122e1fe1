/** The bundled transcription of a handwritten solution, graded: the input of the report tests. */
import { readFileSync } from 'node:fs';
import { gradeFile } from '../../src/grade/grade-file.js';
import type { GradeResult } from '../../src/grade/result.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';
import { seedReference } from '../support/submissions.js';

export const reference = seedReference();

const match = createLabelMatcher(reference.graph.steps.map((s) => s.id), reference.rubric.aliases);

export function gradeExample(name = '2023000001_王晓东.xlsx'): GradeResult {
  const path = `submissions/${name}`;
  return gradeFile(reference, match, readFileSync(new URL(`../../${path}`, import.meta.url)), path);
}

/** What grading gives for a damaged file: a zip signature and nothing after it. */
export function gradeBroken(file = 'broken.xlsx'): GradeResult {
  return gradeFile(reference, match, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), file);
}

export const GRADED_AT = '2024-06-01T09:00:00+08:00';
