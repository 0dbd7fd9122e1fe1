/** Collects steps, parameters and problems while a network is built from a rubric. */
import { msg, type Message } from '../i18n/index.js';
import { formatPath, problemAt, type PathKey, type Problem } from '../rubric/problems.js';
import type { Convention } from '../rubric/schema.js';
import { param, ref, type Expr } from './expr.js';
import type { Step } from './graph.js';

/** Delta contributions at each position of each map: `terms[map][position]` is a list to sum. */
export type Terms = Expr[][][];

export class Builder {
  readonly steps: Step[] = [];
  readonly params = new Map<string, number>();
  readonly problems: Problem[] = [];
  /** Where each id was defined, for the message when a second definition collides with it. */
  private readonly owners = new Map<string, readonly PathKey[]>();

  constructor(
    readonly convention: Convention,
    readonly newSuffix: string,
  ) {}

  problem(path: readonly PathKey[], note: Message): void {
    this.problems.push(problemAt(path, note));
  }

  addParam(name: string, value: number, path: readonly PathKey[]): Expr {
    if (this.claim(name, path)) this.params.set(name, value);
    return param(name);
  }

  emit(step: Step, path: readonly PathKey[]): Expr {
    if (this.claim(step.id, path)) this.steps.push(step);
    return ref(step.id);
  }

  /** A weight as the deltas below it see it: updated (the course's convention) or as given. */
  weightForDelta(name: string): Expr {
    switch (this.convention) {
      case 'updated-weights':
        return ref(this.updatedId(name));
      case 'standard':
        return param(name);
    }
  }

  updatedId(name: string): string {
    return `${name}${this.newSuffix}`;
  }

  private claim(id: string, path: readonly PathKey[]): boolean {
    const owner = this.owners.get(id);
    if (owner === undefined) {
      this.owners.set(id, path);
      return true;
    }
    this.problem(path, msg('rubric.duplicateId', { id, owner: formatPath(owner) }));
    return false;
  }
}

/** `prefix` + 1-based index: `in_cc3`. */
export const indexedId = (prefix: string, index: number): string => `${prefix}${index + 1}`;

/** Element m of row n of a named matrix: `KK12`; with a separator once an index passes 9 (`k1_12`). */
export function elementId(name: string, row: number, column: number): string {
  const separator = row >= 9 || column >= 9 ? '_' : '';
  return `${name}${row + 1}${separator}${column + 1}`;
}

/** Cuts a flat list into pieces shaped like `shape` (the inverse of concatenating its maps). */
export function splitLike<T>(flat: readonly T[], shape: readonly (readonly unknown[])[]): T[][] {
  const pieces: T[][] = [];
  let start = 0;
  for (const map of shape) {
    pieces.push(flat.slice(start, start + map.length));
    start += map.length;
  }
  return pieces;
}

/** Empty delta lists shaped like the given maps. */
export const emptyTerms = (shape: readonly (readonly unknown[])[]): Terms => shape.map((map) => map.map(() => []));
