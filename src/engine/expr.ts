/**
 * A step's formula: a small expression tree over numbers, parameters and earlier steps.
 *
 * Every operation has one constructor here, one case in each evaluator (exact, interval) and one
 * in the renderer. Layers only combine these nodes; they hold no arithmetic of their own.
 */

/** Unary functions: each is monotone except `sq`. */
export type UnaryOp = 'neg' | 'exp' | 'ln' | 'sigmoid' | 'tanh' | 'relu' | 'sq' | 'step';

export type Expr =
  | { readonly op: 'const'; readonly value: number }
  /** A given quantity: an input, a target, an initial weight, the learning rate. */
  | { readonly op: 'param'; readonly name: string }
  /** The value of another step, by id. */
  | { readonly op: 'ref'; readonly id: string }
  | { readonly op: 'add'; readonly args: readonly Expr[] }
  | { readonly op: 'mul'; readonly args: readonly Expr[] }
  | { readonly op: 'sub'; readonly left: Expr; readonly right: Expr }
  | { readonly op: 'div'; readonly left: Expr; readonly right: Expr }
  | { readonly op: UnaryOp; readonly arg: Expr }
  | { readonly op: 'max'; readonly args: readonly Expr[] }
  /** 1 when args[index] is the first maximum of args, else 0 (max-pool routing). */
  | { readonly op: 'argmaxIs'; readonly index: number; readonly args: readonly Expr[] }
  /** exp(args[index]) / Σ exp(args[j]), one softmax output. */
  | { readonly op: 'softmax'; readonly index: number; readonly args: readonly Expr[] };

export type Op = Expr['op'];

export const num = (value: number): Expr => ({ op: 'const', value });
export const param = (name: string): Expr => ({ op: 'param', name });
export const ref = (id: string): Expr => ({ op: 'ref', id });

/** Sum; a single term stays itself. */
export const add = (...args: Expr[]): Expr => (args.length === 1 ? args[0]! : { op: 'add', args });
/** Product; a single factor stays itself. */
export const mul = (...args: Expr[]): Expr => (args.length === 1 ? args[0]! : { op: 'mul', args });
export const sub = (left: Expr, right: Expr): Expr => ({ op: 'sub', left, right });
export const div = (left: Expr, right: Expr): Expr => ({ op: 'div', left, right });
export const neg = (arg: Expr): Expr => ({ op: 'neg', arg });
export const exp = (arg: Expr): Expr => ({ op: 'exp', arg });
export const ln = (arg: Expr): Expr => ({ op: 'ln', arg });
export const sigmoid = (arg: Expr): Expr => ({ op: 'sigmoid', arg });
export const tanh = (arg: Expr): Expr => ({ op: 'tanh', arg });
export const relu = (arg: Expr): Expr => ({ op: 'relu', arg });
export const sq = (arg: Expr): Expr => ({ op: 'sq', arg });
/** Heaviside step [x > 0]: the derivative of relu. */
export const step = (arg: Expr): Expr => ({ op: 'step', arg });
export const max = (...args: Expr[]): Expr => (args.length === 1 ? args[0]! : { op: 'max', args });
export const argmaxIs = (index: number, args: readonly Expr[]): Expr => ({ op: 'argmaxIs', index, args });
export const softmax = (index: number, args: readonly Expr[]): Expr => ({ op: 'softmax', index, args });

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

/** The direct sub-expressions of a node, in order. */
export function children(expr: Expr): readonly Expr[] {
  switch (expr.op) {
    case 'const':
    case 'param':
    case 'ref':
      return [];
    case 'add':
    case 'mul':
    case 'max':
    case 'argmaxIs':
    case 'softmax':
      return expr.args;
    case 'sub':
    case 'div':
      return [expr.left, expr.right];
    case 'neg':
    case 'exp':
    case 'ln':
    case 'sigmoid':
    case 'tanh':
    case 'relu':
    case 'sq':
    case 'step':
      return [expr.arg];
    default:
      return assertNever(expr);
  }
}

/** Ids of the steps a formula reads, each once, in first-use order. */
export function refsOf(expr: Expr): string[] {
  const seen = new Set<string>();
  const visit = (node: Expr): void => {
    if (node.op === 'ref') seen.add(node.id);
    for (const child of children(node)) visit(child);
  };
  visit(expr);
  return [...seen];
}

/** Names of the parameters a formula reads, each once, in first-use order. */
export function paramsOf(expr: Expr): string[] {
  const seen = new Set<string>();
  const visit = (node: Expr): void => {
    if (node.op === 'param') seen.add(node.name);
    for (const child of children(node)) visit(child);
  };
  visit(expr);
  return [...seen];
}

/** The tree with every node for which `replace` returns an expression swapped for it (outermost first). */
export function substitute(expr: Expr, replace: (node: Expr) => Expr | undefined): Expr {
  const swapped = replace(expr);
  if (swapped !== undefined) return swapped;
  const go = (node: Expr) => substitute(node, replace);
  switch (expr.op) {
    case 'const':
    case 'param':
    case 'ref':
      return expr;
    case 'add':
    case 'mul':
    case 'max':
      return { op: expr.op, args: expr.args.map(go) };
    case 'argmaxIs':
    case 'softmax':
      return { op: expr.op, index: expr.index, args: expr.args.map(go) };
    case 'sub':
    case 'div':
      return { op: expr.op, left: go(expr.left), right: go(expr.right) };
    case 'neg':
    case 'exp':
    case 'ln':
    case 'sigmoid':
    case 'tanh':
    case 'relu':
    case 'sq':
    case 'step':
      return { op: expr.op, arg: go(expr.arg) };
    default:
      return assertNever(expr);
  }
}

/** Every node of the tree, parents before children. */
export function nodesOf(expr: Expr): Expr[] {
  const all: Expr[] = [expr];
  for (const child of children(expr)) all.push(...nodesOf(child));
  return all;
}
