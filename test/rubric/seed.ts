/** The seed rubric's text, its step ids as the homework names them, and helpers to break it. */
import { readFileSync } from 'node:fs';

export const SEED_FILE = 'rubrics/seed-cnn.yaml';
export const seedText = readFileSync(new URL('../../rubrics/seed-cnn.yaml', import.meta.url), 'utf8');

const numbered = (prefix: string, count: number, suffix = '') =>
  Array.from({ length: count }, (_, k) => `${prefix}${k + 1}${suffix}`);
/** `KK11_new..KK13_new, KK21_new..KK23_new` for rows 2, columns 3. */
const matrix = (name: string, rows: number, columns: number) =>
  Array.from({ length: rows }, (_, n) => numbered(`${name}${n + 1}`, columns, '_new')).flat();

/** Every step of the seed homework, in the order a student computes it (91 ids). */
export const SEED_STEP_IDS: readonly string[] = [
  ...numbered('in_cc', 8), ...numbered('out_cc', 8), ...numbered('out_pp', 4),
  ...numbered('in_c', 6), ...numbered('out_c', 6), ...numbered('out_p', 3),
  ...numbered('in_o', 2), ...numbered('out_o', 2), 'loss',
  ...numbered('coef_o', 2), ...numbered('w', 6, '_new'), ...numbered('bo', 2, '_new'),
  ...numbered('coef_p', 3), ...numbered('coef_c', 6), ...matrix('k', 3, 3), ...numbered('b', 3, '_new'),
  ...numbered('coef_pp', 4), ...numbered('coef_cc', 8), ...matrix('KK', 2, 3), ...numbered('bb', 2, '_new'),
];

/** Replaces text that must occur exactly once, so a changed seed fails loudly instead of silently not breaking. */
export function edit(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`expected exactly one ${JSON.stringify(from)} in the rubric, found ${count}`);
  return text.replace(from, () => to);
}

/** 1-based line and column where `needle` (which must occur exactly once) starts, plus `offset` characters. */
export function locationOf(text: string, needle: string, offset = 0): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0 || text.indexOf(needle, index + 1) >= 0) {
    throw new Error(`expected exactly one ${JSON.stringify(needle)} in the rubric`);
  }
  const before = text.slice(0, index + offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
