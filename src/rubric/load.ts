/** YAML text -> validated Rubric, or a RubricError listing every problem with its line. */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { english, msg, type Message } from '../i18n/index.js';
import { problemAt, RubricError, type LocatedProblem, type PathKey, type Problem } from './problems.js';
import type { SchemaIssue } from '../i18n/en/rubric.js';
import { layerKindMessage, rubricSchema, SCHEMA_NOTES, type Rubric } from './schema.js';
import { VARIANTS_SCHEMA_NOTES } from '../variants/schema.js';

export { decodeRubric } from './decode.js';

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

export function parseRubric(given: string, file: string): LoadedRubric {
  const text = given.replace(/^\uFEFF/, '');
  if (text.length > MAX_RUBRIC_BYTES) {
    throw new RubricError(file, [{ file, line: null, column: null, ...problemAt([], msg('rubric.tooLarge')) }]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = (problems: readonly Problem[]): LocatedProblem[] =>
    problems.map((problem) => ({ ...problem, file, ...position(doc, lineCounter, problem.path) }));

  if (doc.errors.length > 0) {
    const syntax = doc.errors.map((error) => {
      const at = lineCounter.linePos(error.pos[0]);
      return { file, line: at.line, column: at.col, ...problemAt([], msg('rubric.yaml', { code: error.code, detail: firstLine(error.message) })) };
    });
    throw new RubricError(file, syntax);
  }
  const data = toPlain(doc, file);
  const parsed = rubricSchema.safeParse(data);
  if (!parsed.success) throw new RubricError(file, locate(parsed.error.issues.flatMap((issue) => toProblems(issue, data))));
  return { rubric: parsed.data, file, locate };
}

/** The document as plain data; too many aliases is a problem with the file, not a crash. */
function toPlain(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_RUBRIC_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const note = msg('rubric.tooManyAliases', { limit: MAX_RUBRIC_ALIASES });
    throw new RubricError(file, [{ file, line: null, column: null, ...problemAt([], note) }]);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The schema's own messages, by their English text. */
const SCHEMA_MESSAGES = new Map(
  [...SCHEMA_NOTES, ...VARIANTS_SCHEMA_NOTES, msg('rubric.finite'), msg('rubric.name'), msg('rubric.id')].map((note) => [english(note), note] as const),
);

function toProblems(issue: z.core.$ZodIssue, data: unknown): Problem[] {
  const path = issue.path.filter((key): key is PathKey => typeof key !== 'symbol');
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return [problemAt(path, msg('rubric.missing', { expected: issue.expected }))];
  }
  if (issue.code === 'unrecognized_keys') {
    // One problem per key, on the key's own line (a typo is rarely on the object's first line).
    return issue.keys.map((key) => problemAt([...path, key], msg('rubric.unknownKey', { key })));
  }
  if (issue.code === 'invalid_type' && path.length === 0) return [problemAt(path, msg('rubric.noRubric'))];
  return [problemAt(path, schemaNote(issue, path, data))];
}

/** A message of the schema's, or zod's own: its English words, and the issue as data for other languages. */
function schemaNote(issue: z.core.$ZodIssue, path: readonly PathKey[], data: unknown): Message {
  const own = SCHEMA_MESSAGES.get(issue.message);
  if (own !== undefined) return own;
  const value = valueAt(data, path);
  const layerKind = layerKindMessage(path.at(-1) === 'kind' ? value : (value as { kind?: unknown } | undefined)?.kind);
  if (issue.code === 'invalid_union' && english(layerKind) === issue.message) return layerKind;
  return msg('rubric.schema', schemaIssue(issue, value));
}

/** A zod issue as plain data (see SchemaIssue), with zod's English made plain. */
function schemaIssue(issue: z.core.$ZodIssue, value: unknown): SchemaIssue {
  const none = { expected: '', received: '', values: [], limit: 0, inclusive: true, origin: '' };
  const en = plain(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return { ...none, en, kind: 'type', expected: issue.expected, received: z.core.util.getParsedType(value) };
    case 'invalid_value':
      return { ...none, en, kind: 'value', values: issue.values.map((v) => JSON.stringify(v) ?? String(v)) };
    case 'too_big':
      return { ...none, en, kind: 'tooBig', limit: Number(issue.maximum), inclusive: issue.inclusive ?? true, origin: issue.origin };
    case 'too_small':
      return { ...none, en, kind: 'tooSmall', limit: Number(issue.minimum), inclusive: issue.inclusive ?? true, origin: issue.origin };
    case 'invalid_format':
      return { ...none, en, kind: 'format' };
    default:
      return { ...none, en, kind: 'other' };
  }
}

/** zod's wording, made plain: `Invalid option: expected one of "a"|"b"` -> `expected one of "a", "b"`. */
const plain = (message: string): string => message.replace(/^Invalid (input|option): /, '').replaceAll('"|"', '", "');

function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PathKey, unknown>)[key] : undefined;
  return value;
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
