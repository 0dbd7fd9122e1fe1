/**
 * Step and parameter ids: the one place they are formatted and parsed. These are a contract
 * (hidden checks and templates rely on them), so every shape below is fixed:
 *
 * - a sequence element, a dense unit, a 1-D kernel's map position: `<stem><n>` (`in_cc3`);
 * - an element of a 2-D map: `<stem><map>_<row>_<col>`, 1-based (`out_c1_2_3`), even for one map;
 * - a 1-D kernel element: `<name><kernel><element>` (`KK12`; `k1_12` once an index passes 9);
 *   with channels `<name><kernel>_<channel>_<element>`;
 * - a 2-D kernel element: `<name><kernel>_<row>_<col>`; with channels `<name><kernel>_<channel>_<row>_<col>`;
 * - a step of sample s of a batch: the step's id + `_s<s>` (`out_o1_s2`).
 */

/** `prefix` + 1-based index: `in_cc3`. */
export const indexedId = (prefix: string, index: number): string => `${prefix}${index + 1}`;

/** Element m of row n of a named matrix: `KK12`; with a separator once an index passes 9 (`k1_12`). */
export function elementId(name: string, row: number, column: number): string {
  const separator = row >= 9 || column >= 9 ? '_' : '';
  return `${name}${row + 1}${separator}${column + 1}`;
}

/** An element of a 2-D map: `out_c1_2_3` (map 1, row 2, column 3); 0-based arguments. */
export const gridId = (stem: string, map: number, row: number, column: number): string =>
  `${stem}${map + 1}_${row + 1}_${column + 1}`;

/**
 * A step of a layer's output: `at` is `[flat index]` for a sequence or dense layer (all maps
 * concatenated, as before 2-D maps existed) or `[map, row, column]` for 2-D maps.
 */
export function positionId(stem: string, at: readonly number[]): string {
  if (at.length === 3) return gridId(stem, at[0]!, at[1]!, at[2]!);
  return indexedId(stem, at[0]!);
}

/**
 * A kernel element: `kernel` and `channel` (null for a kernel that reads one map) and the
 * element's position within the kernel (one index for conv1d, row and column for conv2d).
 */
export function kernelElementId(name: string, kernel: number, channel: number | null, position: readonly number[]): string {
  if (channel === null && position.length === 1) return elementId(name, kernel, position[0]!);
  const parts = [...(channel === null ? [] : [channel]), ...position].map((k) => k + 1);
  return `${name}${kernel + 1}_${parts.join('_')}`;
}

/** The suffix of sample `s` (0-based) of a batch, or '' when the rubric gives one input. */
export const sampleSuffix = (sample: number | null): string => (sample === null ? '' : `_s${sample + 1}`);

export interface GridPosition {
  readonly stem: string;
  readonly map: number;
  readonly row: number;
  readonly column: number;
  /** `_s2`, or '' */
  readonly sample: string;
}

/** The inverse of `gridId` (with an optional sample suffix), 0-based; null for any other id. */
export function parseGridId(id: string): GridPosition | null {
  const match = /^(.*?)(\d+)_(\d+)_(\d+)(_s\d+)?$/.exec(id);
  if (match === null) return null;
  const [, stem, map, row, column, sample] = match;
  return { stem: stem!, map: Number(map) - 1, row: Number(row) - 1, column: Number(column) - 1, sample: sample ?? '' };
}
