/**
 * Which step a label in a student's sheet names: `coef_{c1}`, `$w_1$`, `W1 new`, `w1'` ...
 *
 * This is the one place that normalises labels; ids themselves are the rubric's contract.
 */

/**
 * The step id a label names, or null when it names none. `suggest` gives the one step id a label
 * that names none is close to (a typo: `w4_nwe` for `w4_new`), or null.
 */
export type LabelMatcher = ((text: string) => string | null) & { readonly suggest?: (text: string) => string | null };

/** Two different step ids (or their aliases) that read the same once normalised. */
export interface LabelConflict {
  readonly key: string;
  readonly ids: readonly string[];
}

/** The rubric's ids and aliases cannot be told apart: a rubric problem, not a student's. */
export class LabelConflictError extends Error {
  readonly code = 'E_LABEL_CONFLICT' as const;
  override readonly name = 'LabelConflictError';

  constructor(readonly conflicts: readonly LabelConflict[]) {
    super(conflicts.map((c) => `labels of ${c.ids.map((id) => `"${id}"`).join(' and ')} both read "${c.key}"`).join('; '));
  }
}

export const isLabelConflictError = (error: unknown): error is LabelConflictError =>
  error instanceof LabelConflictError;

/** Labels longer than this are sentences, not labels. */
export const MAX_LABEL_LENGTH = 80;

/**
 * Case, spaces, `_`, `-`, TeX decoration (`$`, `\mathrm`, braces, `^`) and a trailing `:` or `=`
 * do not matter; primes of every kind read as `'`.
 *
 * @example normaliseLabel('$\\mathrm{coef}_{c1}$ =') // 'coefc1'
 */
export function normaliseLabel(text: string): string {
  if (text.length > MAX_LABEL_LENGTH * 2) return '';
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\\prime/g, "'")
    .replace(/\\[a-z]+/g, '')
    .replace(/[\s_\-$\\{}^\uFEFF\u200B]/g, '')
    .replace(/[‘’′`´]/g, "'")
    .replace(/[:=]+$/, '');
}

const NEW_SUFFIX = 'new';

/**
 * The forms an updated value's label takes (`w1_new`): `w1'`, `w1*`, `w1(new)`, `new w1` all
 * read as `w1new`. Returns null for a key in none of these forms.
 */
function updatedForm(key: string): string | null {
  const suffixed = /^(.+?)(?:'|\*|\(new\)|\[new\])$/.exec(key);
  if (suffixed?.[1]) return suffixed[1] + NEW_SUFFIX;
  const prefixed = /^new(.+)$/.exec(key);
  if (prefixed?.[1]) return prefixed[1] + NEW_SUFFIX;
  return null;
}

/**
 * Chinese words students write in labels, read as the id parts they stand for: `输出o1` is
 * `out_o1`, `输入o1` `in_o1`, `新w4`, `w4新`, `w4（更新后）` are `w4_new`. Longer words first.
 */
const CHINESE_WORDS: readonly (readonly [RegExp, string])[] = [
  [/更新后的值|更新后的|更新后|更新值|新值|更新|新的|新/g, 'new'],
  [/输出值|输出/g, 'out'],
  [/净输入|输入值|输入/g, 'in'],
];
/** Words that name the loss: alone they are the loss step; before its symbol (`总损失 E_total`) they say what it is. */
const LOSS_WORDS = /^(?:总损失函数|总损失值|总损失|损失函数|损失值|损失)/;
/** What may follow the loss's name as its symbol: `E_total`, `L`, `E`. */
const LOSS_SYMBOL = /^[a-z][a-z0-9]{0,7}$/;
const HAN = /\p{Script=Han}/u;

export interface MatcherOptions {
  /** The loss step's id, which `损失`, `总损失` and the like name. */
  readonly loss?: string;
}

/**
 * Builds the matcher for a rubric's step ids and declared aliases (id -> extra labels).
 * Throws LabelConflictError, listing every conflict, when two ids would read the same.
 * Labels in Chinese (`输出o1`, `新w4`, `w4（更新后）`, `总损失 E_total`) read as their steps without aliases.
 *
 * @example
 * const match = createLabelMatcher(['w1_new', 'coef_c1'], { coef_c1: ['c1 coefficient'] });
 * match("W1'")            // 'w1_new'
 * match('coef_{c1}')      // 'coef_c1'
 * match('C1 coefficient') // 'coef_c1'
 */
export function createLabelMatcher(
  stepIds: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>> = {},
  options: MatcherOptions = {},
): LabelMatcher {
  const owners = new Map<string, Set<string>>();
  const claim = (label: string, id: string): void => {
    const key = normaliseLabel(label);
    if (key === '') return;
    const ids = owners.get(key) ?? new Set<string>();
    owners.set(key, ids.add(id));
  };
  for (const id of stepIds) {
    claim(id, id);
    for (const alias of aliases[id] ?? []) claim(alias, id);
  }
  const conflicts = [...owners].filter(([, ids]) => ids.size > 1).map(([key, ids]) => ({ key, ids: [...ids] }));
  if (conflicts.length > 0) throw new LabelConflictError(conflicts);
  const byKey = new Map([...owners].map(([key, ids]) => [key, [...ids][0] ?? ''] as const));
  const find = (key: string): string | null => {
    const updated = updatedForm(key);
    return byKey.get(key) ?? (updated === null ? null : (byKey.get(updated) ?? null));
  };
  const match = (text: string): string | null => {
    if (text.length > MAX_LABEL_LENGTH) return null;
    const key = normaliseLabel(text);
    return find(key) ?? (HAN.test(key) ? findChinese(key, find, options.loss ?? null) : null);
  };
  // The same labels (a template's givens) come back in every file of a batch: each is searched once.
  const suggestions = new Map<string, string | null>();
  const suggest = (text: string): string | null => {
    const known = suggestions.get(text);
    if (known !== undefined) return known;
    const found = closestId(byKey, text);
    if (suggestions.size < MAX_REMEMBERED) suggestions.set(text, found);
    return found;
  };
  return Object.assign(match, { suggest });
}

/** Suggestions remembered per matcher: bounded, whatever a batch holds. */
const MAX_REMEMBERED = 10_000;

/**
 * The one step id whose label is within one edit (two for labels of six characters or more) of
 * `text`, an edit being a character added, dropped, changed or two neighbours swapped; null when
 * none is, or several are equally close.
 */
function closestId(byKey: ReadonlyMap<string, string>, text: string): string | null {
  if (text.length > MAX_LABEL_LENGTH) return null;
  const key = normaliseLabel(text);
  if (key.length < 3) return null;
  const allowed = key.length >= 6 ? 2 : 1;
  let best = allowed + 1;
  let closest: string[] = [];
  for (const [candidate, id] of byKey) {
    if (Math.abs(candidate.length - key.length) > allowed) continue;
    const distance = editDistance(key, candidate);
    if (distance > allowed) continue;
    if (distance < best) [best, closest] = [distance, [id]];
    else if (distance === best && !closest.includes(id)) closest.push(id);
  }
  return closest.length === 1 ? closest[0]! : null;
}

/** Optimal string alignment distance (Levenshtein with adjacent swaps); labels are short. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/** A label with Chinese words: the loss by its name, else the label with the words read as id parts. */
function findChinese(key: string, find: (key: string) => string | null, loss: string | null): string | null {
  const lossName = LOSS_WORDS.exec(key)?.[0];
  if (lossName !== undefined) {
    const symbol = key.slice(lossName.length);
    if (symbol === '') return loss;
    return find(symbol) ?? (loss !== null && LOSS_SYMBOL.test(symbol) ? loss : null);
  }
  return find(CHINESE_WORDS.reduce((text, [words, part]) => text.replace(words, part), key));
}
