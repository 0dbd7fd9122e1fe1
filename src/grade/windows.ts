/**
 * One winner per max-pool window per submission.
 *
 * Where the student's rounded values leave a window undecided (two outputs that round equal), or
 * decide another winner than the exact values do,
 * follow-through could try each winner for each step on its own, and a student who sent the
 * delta to both elements would see both accepted. The winner is instead chosen once for the whole
 * submission — the one under which most of the window's steps are accepted, the exact winner at a
 * tie — and every step is graded under that choice: at most one element receives the delta.
 */
import { evaluateExact, type Lookup } from '../engine/exact.js';
import { nodesOf, num, substitute, type Expr } from '../engine/expr.js';
import type { Graph, Step } from '../engine/graph.js';
import { decideArgmax, evaluateInterval, type Interval } from '../engine/interval.js';

/** The chosen winner (an index into the window) of each undecided window, by window key. */
export type Winners = ReadonlyMap<string, number>;

type ArgmaxNode = Extract<Expr, { op: 'argmaxIs' }>;

const windowKey = (node: ArgmaxNode): string => JSON.stringify(node.args);

/** The formula with every chosen window's indicator replaced by 1 (its winner) or 0. */
export function underWinners(expr: Expr, winners: Winners): Expr {
  if (winners.size === 0) return expr;
  return substitute(expr, (node) => {
    if (node.op !== 'argmaxIs') return undefined;
    const winner = winners.get(windowKey(node));
    return winner === undefined ? undefined : num(node.index === winner ? 1 : 0);
  });
}

/** Whether the formula reads a window whose chosen winner is not the exact one. */
export function departsFromExact(expr: Expr, winners: Winners, exactWinners: Winners): boolean {
  return nodesOf(expr).some((node) => {
    if (node.op !== 'argmaxIs') return false;
    const key = windowKey(node);
    return winners.has(key) && winners.get(key) !== exactWinners.get(key);
  });
}

interface Window {
  readonly args: readonly Expr[];
  readonly steps: Step[];
}

function windowsOf(graph: Graph): Map<string, Window> {
  const windows = new Map<string, Window>();
  for (const step of graph.steps) {
    for (const node of nodesOf(step.expr)) {
      if (node.op !== 'argmaxIs') continue;
      const key = windowKey(node);
      const window = windows.get(key) ?? { args: node.args, steps: [] };
      if (!window.steps.includes(step)) window.steps.push(step);
      windows.set(key, window);
    }
  }
  return windows;
}

/** Each window's winner on the exact values. */
export function exactWinners(graph: Graph, exact: Lookup<number>): Winners {
  const winners = new Map<string, number>();
  for (const [key, { args }] of windowsOf(graph)) {
    const values = args.map((arg) => evaluateExact(arg, exact));
    const winner = values.findIndex((_, j) => decideArgmax(j, values.map((x) => ({ lo: x, hi: x }))) === 1);
    if (winner >= 0) winners.set(key, winner);
  }
  return winners;
}

/**
 * Chooses the winner of every window the student's values leave undecided. `accepted(step,
 * expr, exactWinner)` says whether the student's value of `step` is accepted when the step's
 * formula is `expr` (`exactWinner`: whether that is the exact winner's formula).
 */
export function chooseWinners(
  graph: Graph,
  own: Lookup<Interval>,
  exact: Winners,
  accepted: (step: Step, expr: Expr, exactWinner: boolean) => boolean,
): Winners {
  const winners = new Map<string, number>();
  for (const [key, { args, steps }] of windowsOf(graph)) {
    const intervals = args.map((arg) => evaluateInterval(arg, own));
    const exactWinner = exact.get(key);
    // What the student's values allow, and the exact winner: a value right on the exact values is
    // right under the exact winner even where the student's own values decide another one.
    const allowed = args.flatMap((_, j) => (decideArgmax(j, intervals) === 0 ? [] : [j]));
    const candidates = exactWinner === undefined || allowed.includes(exactWinner) ? allowed : [exactWinner, ...allowed];
    if (candidates.length < 2) continue;
    const score = (j: number) => steps.filter((step) => accepted(step, underWinners(step.expr, new Map([[key, j]])), j === exactWinner)).length;
    // The exact winner first, so that it wins a tie.
    const ordered = [...candidates].sort((a, b) => Number(b === exactWinner) - Number(a === exactWinner));
    let best = ordered[0]!;
    let bestScore = score(best);
    for (const j of ordered.slice(1)) {
      const s = score(j);
      if (s > bestScore) [best, bestScore] = [j, s];
    }
    winners.set(key, best);
  }
  return winners;
}
