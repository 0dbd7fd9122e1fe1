/** Collects steps, parameters and problems while a network is built from a rubric. */
import { msg, type Message } from '../i18n/index.js';
import { formatPath, problemAt, type PathKey, type Problem } from '../rubric/problems.js';
import type { Convention } from '../rubric/schema.js';
import { param, ref, type Expr } from './expr.js';
import type { Step } from './graph.js';

export { elementId, indexedId } from './ids.js';

/** Delta contributions at each position of each map: `terms[map][position]` is a list to sum. */
export type Terms = Expr[][][];

export class Builder {
  readonly steps: Step[] = [];
  readonly params = new Map<string, number>();
  readonly problems: Problem[] = [];
  /** Parameters the rubric does not update (`update: false`). */
  readonly frozen = new Set<string>();
  /** Each sample's id suffix: `['']` for one input, `['_s1', '_s2', …]` for a batch. */
  suffixes: readonly string[] = [''];
  /** How a batch's gradients combine in the one update per parameter. */
  batch: 'mean' | 'sum' = 'mean';
  /** Where each id was defined, for the message when a second definition collides with it. */
  private readonly owners = new Map<string, readonly PathKey[]>();

  constructor(
    readonly convention: Convention,
    readonly newSuffix: string,
  ) {}

  /** A step's description for sample `s` (0-based): names the sample when the rubric gives a batch. */
  ofSample(note: Message, s: number): Message {
    return this.suffixes[s] === '' ? note : msg('step.ofSample', { step: note, sample: s + 1 });
  }

  /** A problem at `path`, as a catalog message (said in any language). */
  problem(path: readonly PathKey[], note: Message): void {
    this.problems.push(problemAt(path, note));
  }

  addParam(name: string, value: number, path: readonly PathKey[], update = true): Expr {
    if (this.claim(name, path)) this.params.set(name, value);
    if (!update) this.frozen.add(name);
    return param(name);
  }

  emit(step: Step, path: readonly PathKey[]): Expr {
    if (this.claim(step.id, path)) this.steps.push(step);
    return ref(step.id);
  }

  /** A weight as the deltas below it see it: updated (the course's convention) or as given; a frozen one as given. */
  weightForDelta(name: string): Expr {
    if (this.frozen.has(name)) return param(name);
    switch (this.convention) {
      case 'updated-weights':
        return ref(this.updatedId(name));
      case 'standard':
        return param(name);
    }
  }

  /** The rubric key that defined an id. */
  ownerOf(id: string): readonly PathKey[] {
    return this.owners.get(id) ?? [];
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

/** Empty delta lists shaped like the given maps. */
export const emptyTerms = (maps: readonly (readonly unknown[])[]): Terms => maps.map((map) => map.map(() => []));
