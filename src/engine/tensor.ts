/**
 * What flows between layers: maps of equal shape (one for a sequence or a dense layer, one per
 * kernel or channel otherwise), each a sequence (`dims = [length]`) or a grid (`dims = [rows,
 * columns]`) stored row by row. Flattening is map by map, row by row.
 */
import type { Expr } from './expr.js';

export interface Tensor {
  readonly dims: readonly number[];
  readonly maps: readonly (readonly Expr[])[];
}

export const sizeOf = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

/** Every position of a grid of shape `dims`, row by row (the last index runs fastest). */
export function positionsOf(dims: readonly number[]): number[][] {
  let all: number[][] = [[]];
  for (const n of dims) all = all.flatMap((prefix) => Array.from({ length: n }, (_, k) => [...prefix, k]));
  return all;
}

/** Row-major flat index of a position; -1 if it lies outside (in the zero padding). */
export function flatIndex(dims: readonly number[], at: readonly number[]): number {
  let index = 0;
  for (let d = 0; d < dims.length; d++) {
    const k = at[d]!;
    if (k < 0 || k >= dims[d]!) return -1;
    index = index * dims[d]! + k;
  }
  return index;
}

/** Windows along one dimension: floor((length + 2·padding − size) / stride) + 1, or 0 if none fits. */
export function windowCount(length: number, size: number, stride: number, padding = 0): number {
  const span = length + 2 * padding;
  return span < size ? 0 : Math.floor((span - size) / stride) + 1;
}

/** `n` or `[rows, columns]` as one number per dimension. */
export function perDimension(value: number | readonly number[], rank: number): number[] {
  return typeof value === 'number' ? Array.from({ length: rank }, () => value) : [...value];
}
