/** YAML text -> validated Rubric, or a RubricError listing every problem with its line. */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { english, msg, type Message } from '../i18n/index.js';
import { problemAt, RubricError, type LocatedProblem, type PathKey, type Problem } from './problems.js';
import { layerKindMessage, rubricSchema, type Rubric } from './schema.js';

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
const SCHEMA_MESSAGES = new Map([msg('rubric.finite'), msg('rubric.name'), msg('rubric.id')].map((note) => [english(note), note]));
const chinese = z.locales.zhCN().localeError;

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

/** A message of the schema's, or zod's own said in each language zod speaks (its Chinese from its zh-CN locale). */
function schemaNote(issue: z.core.$ZodIssue, path: readonly PathKey[], data: unknown): Message {
  const own = SCHEMA_MESSAGES.get(issue.message);
  if (own !== undefined) return own;
  const value = valueAt(data, path);
  const layerKind = layerKindMessage(path.at(-1) === 'kind' ? value : (value as { kind?: unknown } | undefined)?.kind);
  if (issue.code === 'invalid_union' && english(layerKind) === issue.message) return layerKind;
  const local = chinese({ ...issue, input: value } as unknown as Parameters<typeof chinese>[0]);
  const zh = typeof local === 'string' ? local : (local?.message ?? issue.message);
  return msg('rubric.schema', { said: { en: plain(issue.message), 'zh-CN': plain(zh) } });
}

/** zod's wording, made plain: `Invalid option: expected one of "a"|"b"` -> `expected one of "a", "b"` (and the same in Chinese). */
const plain = (message: string): string =>
  message.replace(/^Invalid (input|option): /, '').replace(/^无效(输入|选项)：/, '').replaceAll('"|"', '", "');

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
