/** YAML text -> validated Rubric, or a RubricError listing every problem with its line. */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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
/** YAML aliases (`*name`) expanded: a few are handy, thousands are a "billion laughs" attack. */
export const MAX_RUBRIC_ALIASES = 100;

/**
 * A rubric file's bytes as text: UTF-8 (with or without a BOM), or UTF-16 as Windows Notepad
 * saves "Unicode" (with a BOM, or told from its zero bytes).
 */
export function decodeRubric(bytes: Uint8Array): string {
  const decode = (label: string) => new TextDecoder(label).decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be');
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return decode('utf-16le');
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return decode('utf-16be');
  return decode('utf-8');
}

export function parseRubric(given: string, file: string): LoadedRubric {
  const text = given.replace(/^\uFEFF/, '');
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
  const parsed = rubricSchema.safeParse(toPlain(doc, file));
  if (!parsed.success) throw new RubricError(file, locate(parsed.error.issues.flatMap(toProblems)));
  return { rubric: parsed.data, file, locate };
}

/** The document as plain data; too many aliases is a problem with the file, not a crash. */
function toPlain(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_RUBRIC_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const message = `YAML: too many aliases (*name) expanded (the limit is ${MAX_RUBRIC_ALIASES}); write the values out`;
    throw new RubricError(file, [{ file, line: null, column: null, path: [], message }]);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function toProblems(issue: z.core.$ZodIssue): Problem[] {
  const path = issue.path.filter((key): key is PathKey => typeof key !== 'symbol');
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return [{ path, message: `missing (expected ${issue.expected})` }];
  }
  if (issue.code === 'unrecognized_keys') {
    // One problem per key, on the key's own line (a typo is rarely on the object's first line).
    return issue.keys.map((key) => ({ path: [...path, key], message: `unknown key "${key}"` }));
  }
  if (issue.code === 'invalid_type' && path.length === 0) return [{ path, message: 'the file holds no rubric (expected keys such as id, layers, loss)' }];
  // zod's wording, made plain: `Invalid option: expected one of "a"|"b"` -> `expected one of "a", "b"`.
  return [{ path, message: issue.message.replace(/^Invalid (input|option): /, '').replaceAll('"|"', '", "') }];
}

/** The line of the deepest node on the path that exists in the file: a map entry's key, a list's item. */
function position(doc: Document, lineCounter: LineCounter, path: readonly PathKey[]) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = keyNode(doc, path.slice(0, depth)) ?? doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const at = lineCounter.linePos(node.range[0]);
      return { line: at.line, column: at.col };
    }
  }
  return { line: null, column: null };
}

/** The key of a map entry, so that `kernels:` is found on its own line, not where its block value starts. */
function keyNode(doc: Document, path: readonly PathKey[]): Node | undefined {
  const last = path.at(-1);
  if (last === undefined) return undefined;
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
  return isNode(pair?.key) ? pair.key : undefined;
}
