/**
 * `activation-derivative`: a delta's derivative factor, as the network builder writes it at the
 * top of a coef formula — `out · (1 − out)` (sigmoid), `1 − out²` (tanh), `[in > 0]` (relu),
 * `s + (1 − s)·[in > 0]` (leaky relu of slope s) — dropped, taken at the pre-activation instead of
 * the output, taken as f′(out) on the output once more, or replaced by the activation itself; a
 * leaky relu's derivative taken as plain relu's (0, not the slope, below 0).
 */
import { mul, num, ref, sigmoid, sq, step, sub, tanh, type Expr } from '../../engine/expr.js';
import type { Graph } from '../../engine/graph.js';
import { msg, type Message } from '../../i18n/index.js';
import type { Alternative, DiagnosisContext } from './context.js';

interface Factors {
  readonly activation: 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu';
  /** The node the derivative is taken at: the output (sigmoid, tanh) or the pre-activation (relu). */
  readonly at: string;
  /** Positions of the derivative's factors in the top product. */
  readonly positions: readonly number[];
  /** leaky relu's slope below 0. */
  readonly slope?: number;
}

const isRef = (node: Expr | undefined, id?: string): node is { op: 'ref'; id: string } =>
  node?.op === 'ref' && (id === undefined || node.id === id);
const isOne = (node: Expr): boolean => node.op === 'const' && node.value === 1;

/** `s + (1 − s)·[in > 0]`, as the builder writes leaky relu's derivative: the `in` it is taken at, and s. */
function leakyAt(node: Expr): { at: string; slope: number } | null {
  if (node.op !== 'add' || node.args.length !== 2) return null;
  const [slope, rest] = node.args as [Expr, Expr];
  if (slope.op !== 'const' || rest.op !== 'mul' || rest.args.length !== 2) return null;
  const [scale, indicator] = rest.args as [Expr, Expr];
  if (scale.op !== 'const' || Math.abs(scale.value - (1 - slope.value)) > 1e-12) return null;
  return indicator.op === 'step' && isRef(indicator.arg) ? { at: indicator.arg.id, slope: slope.value } : null;
}

function findFactors(args: readonly Expr[]): Factors | null {
  for (const [k, arg] of args.entries()) {
    if (arg.op === 'step' && isRef(arg.arg)) return { activation: 'relu', at: arg.arg.id, positions: [k] };
    const leaky = leakyAt(arg);
    if (leaky !== null) return { activation: 'leaky-relu', ...leaky, positions: [k] };
    if (arg.op !== 'sub' || !isOne(arg.left)) continue;
    const { right } = arg;
    if (right.op === 'sq' && isRef(right.arg)) return { activation: 'tanh', at: right.arg.id, positions: [k] };
    if (isRef(right)) {
      const out = args.findIndex((other) => isRef(other, right.id));
      if (out >= 0) return { activation: 'sigmoid', at: right.id, positions: [out, k] };
    }
  }
  return null;
}

/** The derivative written with `x` in place of the output. */
function derivativeAt(activation: 'sigmoid' | 'tanh', x: Expr): Expr[] {
  return activation === 'sigmoid' ? [x, sub(num(1), x)] : [sub(num(1), sq(x))];
}

/** The pre-activation an output step applies its activation to, if it is one. */
function preActivationOf(graph: Graph, outId: string): string | null {
  const expr = graph.byId.get(outId)?.expr;
  return expr !== undefined && (expr.op === 'sigmoid' || expr.op === 'tanh') && isRef(expr.arg) ? expr.arg.id : null;
}

export function derivativeAlternatives(ctx: DiagnosisContext): Alternative[] {
  const { expr, kind } = ctx.step;
  if (kind !== 'coef' || expr.op !== 'mul') return [];
  const factors = findFactors(expr.args);
  if (factors === null) return [];
  const rest = expr.args.filter((_, k) => !factors.positions.includes(k));
  const withFactors = (replacement: Expr[], message: Message): Alternative => ({ expr: mul(...rest, ...replacement), message });
  const alternatives = [withFactors([], msg('diagnosis.derivative.missing'))];
  if (factors.activation === 'relu') return alternatives;
  if (factors.activation === 'leaky-relu') {
    alternatives.push(withFactors([step(ref(factors.at))], msg('diagnosis.derivative.leakyAsRelu', { pre: factors.at, slope: factors.slope ?? 0 })));
    return alternatives;
  }
  const { activation, at } = factors;
  const pre = preActivationOf(ctx.reference.graph, at);
  const f = activation === 'sigmoid' ? sigmoid : tanh;
  const derivative = activation === 'sigmoid' ? `${at}·(1 − ${at})` : `1 − ${at}²`;
  if (pre !== null) alternatives.push(withFactors(derivativeAt(activation, ref(pre)), msg('diagnosis.derivative.atPreActivation', { pre, derivative })));
  alternatives.push(withFactors(derivativeAt(activation, f(ref(at))), msg('diagnosis.derivative.appliedTwice', { output: at, derivative })));
  alternatives.push(withFactors([ref(at)], msg('diagnosis.derivative.outputInstead', { derivative })));
  return alternatives;
}
