/**
 * Which step a label in a student's sheet names: `coef_{c1}`, `$w_1$`, `W1 new`, `w1'` ...
 *
 * This is the one place that normalises labels; ids themselves are the rubric's contract.
 */

/** The step id a label names, or null when it names none. */
export type LabelMatcher = (text: string) => string | null;

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
 * Builds the matcher for a rubric's step ids and declared aliases (id -> extra labels).
 * Throws LabelConflictError, listing every conflict, when two ids would read the same.
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
  return (text) => {
    if (text.length > MAX_LABEL_LENGTH) return null;
    const key = normaliseLabel(text);
    const updated = updatedForm(key);
    return byKey.get(key) ?? (updated === null ? null : (byKey.get(updated) ?? null));
  };
}
