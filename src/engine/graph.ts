/** The reference graph: every step of the homework, named, in the order a student computes it. */
import { english, type Message } from '../i18n/index.js';
import type { Convention } from '../rubric/schema.js';
import type { Expr } from './expr.js';

export type Phase = 'forward' | 'backward';

export type StepKind = 'pre-activation' | 'activation' | 'pool' | 'loss' | 'coef' | 'update';

export interface Step {
  /** The contract between modules: `coef_c5`, `KK11_new`. */
  readonly id: string;
  readonly expr: Expr;
  /** The rubric's layer name (`CC`, `FC`), or the loss's step id for the loss. */
  readonly layer: string;
  readonly phase: Phase;
  readonly kind: StepKind;
  /** A short description for a person, in English: "CC pre-activation, kernel 1, window 2". */
  readonly description: string;
  /** The description as a catalog message, to say it in any language ("CC 层净输入，第 1 个卷积核，第 2 个窗口"). */
  readonly descriptionNote: Message;
}

export interface Section {
  /** `CC · forward` */
  readonly id: string;
  readonly layer: string;
  readonly phase: Phase;
  readonly stepIds: readonly string[];
}

export interface Graph {
  readonly rubricId: string;
  readonly title: string;
  readonly convention: Convention;
  /** Given values: inputs, targets, initial weights and biases, and the learning rate `α`. */
  readonly params: ReadonlyMap<string, number>;
  /** Every step in graph order: each step only reads steps before it. */
  readonly steps: readonly Step[];
  readonly byId: ReadonlyMap<string, Step>;
  /** Steps grouped by layer and phase, in graph order. */
  readonly sections: readonly Section[];
}

/** A step's description from its message: in English, and the message to say it in any language. */
export const described = (note: Message): Pick<Step, 'description' | 'descriptionNote'> => ({ description: english(note), descriptionNote: note });

/** The parameter that holds the learning rate; shown as α in formulas. */
export const LEARNING_RATE = 'α';

export function sectionId(layer: string, phase: Phase): string {
  return `${layer} · ${phase}`;
}

export function makeGraph(
  header: Pick<Graph, 'rubricId' | 'title' | 'convention'>,
  params: ReadonlyMap<string, number>,
  steps: readonly Step[],
): Graph {
  const sections: { id: string; layer: string; phase: Phase; stepIds: string[] }[] = [];
  for (const step of steps) {
    const id = sectionId(step.layer, step.phase);
    const last = sections.at(-1);
    if (last?.id === id) last.stepIds.push(step.id);
    else sections.push({ id, layer: step.layer, phase: step.phase, stepIds: [step.id] });
  }
  return { ...header, params, steps, byId: new Map(steps.map((s) => [s.id, s])), sections };
}
