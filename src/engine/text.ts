/**
 * Formulas as text, the way a TA writes them: symbolically (`coef_c1 = coef_p1 · [argmax(out_c1, out_c2) = 1]
 * · out_c1 · (1 − out_c1)`) and with numbers substituted (`= −0.0598 · 1 · 0.5583 · (1 − 0.5583)`).
 */
import { evaluateExact, type Lookup } from './exact.js';
import { assertNever, type Expr } from './expr.js';

const MINUS = '\u2212';

/** Precedence: a sub-expression binding looser than its place needs parentheses. */
const SUM = 1;
const PRODUCT = 2;
const PREFIX = 3;
const ATOM = 4;

/** A number for a person: up to `digits` significant digits, trailing zeros dropped, a real minus sign. */
export function formatNumber(value: number, digits = 4): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${MINUS}∞`;
  if (Number.isInteger(value) && Math.abs(value) < 1e9) return String(value).replace('-', MINUS);
  const magnitude = Math.abs(value);
  const text =
    magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e9)
      ? value.toExponential(digits - 1).replace(/\.?0+e/, 'e').replace('e+', 'e')
      : trimZeros(value.toPrecision(digits));
  return text.replaceAll('-', MINUS);
}

function trimZeros(text: string): string {
  return text.includes('.') && !text.includes('e') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** The formula with step and parameter names. */
export function renderSymbolic(expr: Expr): string {
  return render(expr, null, 0, true);
}

/** The formula with every name replaced by its value; indicator factors show as 0 or 1. */
export function renderSubstituted(expr: Expr, values: Lookup<number>, digits = 4): string {
  return render(expr, { values, digits }, 0, true);
}

interface Substitution {
  readonly values: Lookup<number>;
  readonly digits: number;
}

function precedence(expr: Expr): number {
  switch (expr.op) {
    case 'add':
    case 'sub':
      return SUM;
    case 'mul':
    case 'div':
    case 'softmax':
      return PRODUCT;
    case 'neg':
      return PREFIX;
    default:
      return ATOM;
  }
}

function wrap(text: string, own: number, outer: number): string {
  return own < outer ? `(${text})` : text;
}

/** `leading`: the node starts its enclosing sum or product, so a negative number needs no parentheses. */
function render(expr: Expr, sub: Substitution | null, outer: number, leadingIn: boolean): string {
  // Inside parentheses a sub-expression starts afresh.
  const leading = leadingIn || precedence(expr) < outer;
  const r = (node: Expr, prec: number, lead = false) => render(node, sub, prec, lead);
  const leaf = (value: number) => {
    const text = formatNumber(value, sub?.digits);
    return value < 0 && !(leading && outer <= PRODUCT) ? `(${text})` : text;
  };
  switch (expr.op) {
    case 'const':
      return leaf(expr.value);
    case 'param':
      return sub ? leaf(sub.values.param(expr.name)) : expr.name;
    case 'ref':
      return sub ? leaf(sub.values.ref(expr.id)) : expr.id;
    case 'add': {
      const [first, ...rest] = expr.args;
      const tail = rest.map((arg) => (arg.op === 'neg' ? ` ${MINUS} ${r(arg.arg, PRODUCT)}` : ` + ${r(arg, SUM)}`));
      return wrap(r(first!, SUM, leading) + tail.join(''), SUM, outer);
    }
    case 'sub':
      return wrap(`${r(expr.left, SUM, leading)} ${MINUS} ${r(expr.right, PRODUCT)}`, SUM, outer);
    case 'mul':
      return wrap(expr.args.map((arg, k) => r(arg, PRODUCT, k === 0 && leading)).join(' · '), PRODUCT, outer);
    case 'div':
      if (expr.left.op === 'const' && expr.right.op === 'const') return `${r(expr.left, ATOM)}/${r(expr.right, ATOM)}`;
      return wrap(`${r(expr.left, PRODUCT, leading)} / ${r(expr.right, ATOM)}`, PRODUCT, outer);
    case 'neg':
      return wrap(`${MINUS}${r(expr.arg, ATOM)}`, PREFIX, outer);
    case 'exp':
    case 'ln':
    case 'tanh':
    case 'relu':
      return `${expr.op}(${r(expr.arg, 0, true)})`;
    case 'sigmoid':
      return `σ(${r(expr.arg, 0, true)})`;
    case 'sq':
      return `${r(expr.arg, ATOM)}²`;
    case 'max':
      return `max(${expr.args.map((arg) => r(arg, 0, true)).join(', ')})`;
    case 'step':
      return sub ? String(evaluateExact(expr, sub.values)) : `[${r(expr.arg, 0, true)} > 0]`;
    case 'argmaxIs':
      if (sub) return String(evaluateExact(expr, sub.values));
      return `[argmax(${expr.args.map((arg) => r(arg, 0, true)).join(', ')}) = ${expr.index + 1}]`;
    case 'softmax': {
      const exps = expr.args.map((arg) => `exp(${r(arg, 0, true)})`);
      return wrap(`${exps[expr.index]} / (${exps.join(' + ')})`, PRODUCT, outer);
    }
    default:
      return assertNever(expr);
  }
}
