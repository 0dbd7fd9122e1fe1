/** Exact (float64) evaluation of an expression. */
import { assertNever, type Expr } from './expr.js';

/** Where an evaluator finds the value of a parameter or of another step. */
export interface Lookup<T> {
  param(name: string): T;
  ref(id: string): T;
}

export function sigmoidValue(x: number): number {
  // Written so that neither branch overflows: exp of a large positive number is never taken.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Index of the first maximum (ties: first wins, as max-pool routing in the course). */
export function argmaxValue(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

export function softmaxValue(index: number, values: readonly number[]): number {
  const top = Math.max(...values);
  let total = 0;
  for (const v of values) total += Math.exp(v - top);
  return Math.exp(values[index]! - top) / total;
}

export function evaluateExact(expr: Expr, lookup: Lookup<number>): number {
  const ev = (node: Expr): number => evaluateExact(node, lookup);
  switch (expr.op) {
    case 'const':
      return expr.value;
    case 'param':
      return lookup.param(expr.name);
    case 'ref':
      return lookup.ref(expr.id);
    case 'add': {
      let total = 0;
      for (const arg of expr.args) total += ev(arg);
      return total;
    }
    case 'mul': {
      // 0·∞ is 0 here, as a cross-entropy term t·ln(out) is 0 for t = 0 even where out is 0.
      let product = 1;
      let zero = false;
      for (const arg of expr.args) {
        const value = ev(arg);
        if (value === 0) zero = true;
        product *= value;
      }
      return zero && Number.isNaN(product) ? 0 : product;
    }
    case 'sub':
      return ev(expr.left) - ev(expr.right);
    case 'div':
      return ev(expr.left) / ev(expr.right);
    case 'neg':
      return -ev(expr.arg);
    case 'exp':
      return Math.exp(ev(expr.arg));
    case 'ln':
      return Math.log(ev(expr.arg));
    case 'sigmoid':
      return sigmoidValue(ev(expr.arg));
    case 'tanh':
      return Math.tanh(ev(expr.arg));
    case 'relu':
      return Math.max(0, ev(expr.arg));
    case 'sq': {
      const x = ev(expr.arg);
      return x * x;
    }
    case 'step':
      return ev(expr.arg) > 0 ? 1 : 0;
    case 'max':
      return Math.max(...expr.args.map(ev));
    case 'argmaxIs':
      return argmaxValue(expr.args.map(ev)) === expr.index ? 1 : 0;
    case 'softmax':
      return softmaxValue(expr.index, expr.args.map(ev));
    default:
      return assertNever(expr);
  }
}
