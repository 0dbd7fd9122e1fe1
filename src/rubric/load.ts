/** YAML text -> validated Rubric, or a RubricError listing every problem with its line. */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { RubricError, type LocatedProblem, type PathKey, type Problem } from './problems.js';
import { rubricSchema, type Rubric } from './schema.js';

/** A rubric with the means to point back into its file. */
export interface LoadedRubric {
  readonly rubric: Rubric;
  readonly file: string;
  /** Places problems found later (by the network builder) in the file. */
  locate(problems: readonly Problem[]): LocatedProblem[];
}

/** Rubric files are small; anything larger is a mistake, not a rubric. */
export const MAX_RUBRIC_BYTES = 1_000_000;

export function parseRubric(text: string, file: string): LoadedRubric {
  if (text.length > MAX_RUBRIC_BYTES) {
    throw new RubricError(file, [{ file, line: null, column: null, path: [], message: 'file is too large for a rubric' }]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = (problems: readonly Problem[]): LocatedProblem[] =>
    problems.map((problem) => ({ ...problem, file, ...position(doc, lineCounter, problem.path) }));

  if (doc.errors.length > 0) {
    const syntax = doc.errors.map((error) => {
      const at = lineCounter.linePos(error.pos[0]);
      return { file, line: at.line, column: at.col, path: [], message: `YAML: ${firstLine(error.message)}` };
    });
    throw new RubricError(file, syntax);
  }
  const parsed = rubricSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new RubricError(file, locate(parsed.error.issues.map(toProblem)));
  return { rubric: parsed.data, file, locate };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function toProblem(issue: z.core.$ZodIssue): Problem {
  const path = issue.path.filter((key): key is PathKey => typeof key !== 'symbol');
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return { path, message: `missing (expected ${issue.expected})` };
  }
  if (issue.code === 'unrecognized_keys') {
    return { path, message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
  }
  return { path, message: issue.message.replace(/^Invalid input: /, '') };
}

/** The line of the deepest node on the path that exists in the file. */
function position(doc: Document, lineCounter: LineCounter, path: readonly PathKey[]) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const at = lineCounter.linePos(node.range[0]);
      return { line: at.line, column: at.col };
    }
  }
  return { line: null, column: null };
}
