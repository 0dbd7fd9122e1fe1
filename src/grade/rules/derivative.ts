/**
 * `activation-derivative`: a delta's derivative factor, as the network builder writes it at the
 * top of a coef formula — `out · (1 − out)` (sigmoid), `1 − out²` (tanh), `[in > 0]` (relu) —
 * dropped, taken at the pre-activation instead of the output, taken as f′(out) on the output
 * once more, or replaced by the activation itself.
 */
import { mul, num, ref, sigmoid, sq, sub, tanh, type Expr } from '../../engine/expr.js';
import type { Graph } from '../../engine/graph.js';
import { msg, type Message } from '../../i18n/index.js';
import type { Alternative, DiagnosisContext } from './context.js';

interface Factors {
  readonly activation: 'sigmoid' | 'tanh' | 'relu';
  /** The node the derivative is taken at: the output (sigmoid, tanh) or the pre-activation (relu). */
  readonly at: string;
  /** Positions of the derivative's factors in the top product. */
  readonly positions: readonly number[];
}

const isRef = (node: Expr | undefined, id?: string): node is { op: 'ref'; id: string } =>
  node?.op === 'ref' && (id === undefined || node.id === id);
const isOne = (node: Expr): boolean => node.op === 'const' && node.value === 1;

function findFactors(args: readonly Expr[]): Factors | null {
  for (const [k, arg] of args.entries()) {
    if (arg.op === 'step' && isRef(arg.arg)) return { activation: 'relu', at: arg.arg.id, positions: [k] };
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
  const { activation, at } = factors;
  const pre = preActivationOf(ctx.reference.graph, at);
  const f = activation === 'sigmoid' ? sigmoid : tanh;
  const derivative = activation === 'sigmoid' ? `${at}·(1 − ${at})` : `1 − ${at}²`;
  if (pre !== null) alternatives.push(withFactors(derivativeAt(activation, ref(pre)), msg('diagnosis.derivative.atPreActivation', { pre, derivative })));
  alternatives.push(withFactors(derivativeAt(activation, f(ref(at))), msg('diagnosis.derivative.appliedTwice', { output: at, derivative })));
  alternatives.push(withFactors([ref(at)], msg('diagnosis.derivative.outputInstead', { derivative })));
  return alternatives;
}
