/** Reads a rubric file (a missing or unreadable one is a one-line message) and prepares it for grading. */
import { compileRubric, type CompiledRubric } from '../engine/compile.js';
import type { BuildOptions } from '../engine/network.js';
import { prepareRubric, type PreparedRubric } from '../grade/prepare.js';
import { msg } from '../i18n/index.js';
import { rubricLabelMatcher } from '../ingest/rubric-labels.js';
import { UsageError, type Io } from './io.js';
import { heardRubric } from './voice.js';

export async function readRubricText(path: string, io: Io): Promise<string> {
  try {
    return await io.readText(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const key = code === 'ENOENT' ? 'cli.rubricMissing' : code === 'EISDIR' ? 'cli.rubricIsFolder' : 'cli.rubricUnreadable';
    throw new UsageError(msg(key, { path }));
  }
}

/** The rubric at `path`, compiled once per run (its labels checked by rubricLabelMatcher), ready to grade files. */
export async function loadPrepared(rubricPath: string, io: Io): Promise<PreparedRubric> {
  const prepared = prepareRubric(await readRubricText(rubricPath, io), rubricPath);
  heardRubric(io, prepared.reference.rubric);
  return prepared;
}

/** A rubric compiled for any command: every problem, label collisions included, is a RubricError. */
export function compileChecked(text: string, rubricPath: string, options: BuildOptions = {}): CompiledRubric {
  const compiled = compileRubric(text, rubricPath, options);
  rubricLabelMatcher(compiled.loaded, compiled.graph);
  return compiled;
}
