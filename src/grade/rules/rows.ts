/**
 * `wrong-row`: the value of another step, written in this step's row — as the student wrote that
 * step, or its exact value — compared at the decimals written ("this is your value of out_cc6").
 *
 * Only the rows next to this one (one above and one below, in the same section: the template's
 * order) count: a value copied one row off is the slip; any of ninety steps would match an
 * arbitrary wrong value by chance far too often (two rows each way doubled the false alarms of
 * bench/false-alarms.js on the generator's networks, 4.1% to 5.4%). Two significant digits at least, as for digit
 * slips, and the value must stand apart from the right one by the margin's units (not its share:
 * neighbouring steps often have values within 5% of each other).
 */
import { msg, type Message } from '../../i18n/index.js';
import { sectionId } from '../../engine/graph.js';
import { explainedBy } from '../follow-through.js';
import { standsApart, type DiagnosisContext } from './context.js';

/** How many rows above and below this step's row a copied value may have come from. */
const ROWS = 1;
const NOISE = 1e-9;

const unitsAt = (x: number, decimals: number): number[] => [Math.round(x * 10 ** decimals - NOISE), Math.round(x * 10 ** decimals + NOISE)];

export function wrongRowMessage(ctx: DiagnosisContext): Message | null {
  const { graph, values } = ctx.reference;
  const decimals = ctx.written.decimals;
  if (decimals === null) return null;
  const written = Math.round(ctx.written.value * 10 ** decimals);
  if (Math.abs(written) < 10) return null;
  // Apart by the margin's units only: a value equal to a neighbour's is no near miss of this one.
  if (!ctx.sources.some((source) => standsApart(ctx, ctx.claimed, source.right, 'none'))) return null;
  const section = sectionId(ctx.step.layer, ctx.step.phase);
  const at = graph.steps.indexOf(ctx.step);
  const rows = graph.steps.slice(Math.max(0, at - ROWS), at + ROWS + 1).filter((s) => s !== ctx.step && sectionId(s.layer, s.phase) === section);
  const own = ctx.sources[ctx.sources.length - 1]!.lookup;
  for (const other of rows) {
    const yours = ctx.writtenValues.ref(other.id);
    // Their value of that step counts where it is right on their own values: two equal wrong values are no copy.
    const right = explainedBy(ctx.underWinners(other.expr), own, own.ref(other.id));
    if (right && unitsAt(yours, decimals).includes(written)) return msg('diagnosis.wrongRow.yours', { step: other.id });
    // The right value of a step they left out or got wrong: computed right, written in this row.
    if (!right && unitsAt(values.get(other.id)!, decimals).includes(written)) return msg('diagnosis.wrongRow.right', { step: other.id });
  }
  return null;
}
