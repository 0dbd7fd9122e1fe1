/** Grading verdicts and diagnoses, in English. Formulas and step ids are parameters, never translated. */
import type { Context, Said } from '../types.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
const PLACES = ['units', 'tens', 'hundreds', 'thousands'];
const s = (items: readonly unknown[], word: string, many = `${word}s`) => (items.length > 1 ? many : word);

export const grade = {
  'grade.missing': () => 'no value found for this step',
  'grade.unreadable': (p: { raw: string; reason: Said | string }, c: Context) => `could not read "${p.raw}": ${c.say(p.reason)}`,
  'grade.correct': () => 'correct',
  'grade.fromYourValues': (p: { steps: readonly string[] }) => `correct from your ${s(p.steps, 'value')} of ${p.steps.join(', ')}`,
  'grade.withinRounding': () => 'within rounding of your own earlier values',
  'grade.fromRightValues': (p: { steps: readonly string[] }) =>
    `correct from the right ${s(p.steps, 'value')} of ${p.steps.join(', ')} (not the ${s(p.steps, 'one', 'ones')} you wrote)`,
  /** A message, and how its value was found where a person should know (`note`: reading.readFrom). */
  'grade.withReadingNote': (p: { message: Said | string; note: Said | string }, c: Context) => `${c.say(p.message)} (${c.say(p.note)})`,
  'grade.incorrect': () => 'does not match the expected value, nor what your own earlier values give',

  'diagnosis.rounding.tooFewDecimals': (p: { required: number }) => `right, but written with too few decimals: give ${p.required}`,
  'diagnosis.rounding.cutOffEarly': (p: { decimals: number; required: number }) =>
    `right, but cut off after ${p.decimals} decimals: give ${p.required}, rounded`,
  'diagnosis.rounding.lastDigitCut': () => 'right, but the last digit was cut off instead of rounded',
  'diagnosis.digitSlip.swapped': () => 'two neighbouring digits are swapped: check the order of the digits',
  /** `power`: the place of the wrong digit (0 units, 1 tens, −1 the first decimal). */
  'diagnosis.digitSlip.oneDigit': (p: { power: number }) => {
    const place = p.power < 0 ? `${ORDINALS[-p.power - 1] ?? 'a'} decimal` : `${PLACES[p.power] ?? 'a leading'} digit`;
    return `one digit is wrong (the ${place}): check how it was computed or copied`;
  },
  'diagnosis.decimalShift': (p: { factor: number }) => `off by a factor of ${p.factor}: check the decimal point`,
  'diagnosis.derivative.missing': () => "the activation's derivative factor is missing",
  'diagnosis.derivative.atPreActivation': (p: { pre: string; derivative: string }) =>
    `the derivative was taken at the pre-activation ${p.pre}; it is ${p.derivative}, at the output`,
  'diagnosis.derivative.appliedTwice': (p: { output: string; derivative: string }) =>
    `the activation was applied to ${p.output} again before taking the derivative; it is ${p.derivative}`,
  'diagnosis.derivative.outputInstead': (p: { derivative: string }) => `the activation's output was used in place of its derivative, ${p.derivative}`,
  'diagnosis.derivative.leakyAsRelu': (p: { pre: string; slope: number }) => `the derivative is the slope ${p.slope}, not 0, where ${p.pre} ≤ 0`,
  'diagnosis.wrongInput': (p: { used: string; right: string }) => `a neighbouring value was used: ${p.used} in place of ${p.right}`,
  'diagnosis.routing.maxWrongElement': () =>
    'the max-pool delta went to the wrong element of its window: it goes only to the element that was the maximum',
  'diagnosis.routing.maxEveryElement': () =>
    'the max-pool delta went to every element of its window: it goes only to the element that was the maximum',
  'diagnosis.routing.averageFactor': (p: { size: number }) =>
    `the average-pool factor 1/${p.size} is missing: each element of the window gets 1/${p.size} of the delta`,
  'diagnosis.sign.outMinusTarget': () => 'the sign is flipped: check out − target (not target − out)',
  'diagnosis.sign.delta': () => 'the sign is flipped: check the sign of each delta and weight this one is built from',
  'diagnosis.sign.value': () => 'the sign is flipped',
  /** `names`: the steps the term reads (none: a term of given values only). */
  'diagnosis.sign.oneTerm': (p: { names: readonly string[] }) =>
    `one term has the wrong sign: check the term with ${p.names.length > 0 ? p.names.join(' · ') : 'a given value'}`,
  'diagnosis.convention.usedWeightsBefore': () => 'computed through the weights before their update; this course uses the updated weights',
  'diagnosis.convention.usedUpdatedWeights': () => 'computed through the updated weights; this course uses the weights before their update',
  'diagnosis.flip.notReversed': () =>
    'computed with the kernel as written (cross-correlation); this course uses true convolution, with the kernel reversed',
  'diagnosis.flip.reversed': () =>
    'computed with the kernel reversed (true convolution); this course uses cross-correlation, with the kernel as written',
  'diagnosis.flip.someLayer': () => 'a kernel was applied the wrong way round: check which layers reverse their kernel',
  'diagnosis.padding.none': (p: { rubric: string }) => `computed without zero padding; this layer pads its input with ${p.rubric} of zeros on every side`,
  'diagnosis.padding.unwanted': (p: { used: string }) => `computed with zero padding ${p.used}; this layer uses no padding`,
  'diagnosis.padding.wrong': (p: { used: string; rubric: string }) => `computed with zero padding ${p.used}; this layer's padding is ${p.rubric}`,
  'diagnosis.wrongRow.yours': (p: { step: string }) => `this is your value of ${p.step}: written in the wrong row?`,
  'diagnosis.wrongRow.right': (p: { step: string }) => `this is the value of ${p.step}: written in the wrong row?`,
  /** A mistake named on a step because the same one was found on `step` (a pattern across sibling steps). */
  'diagnosis.asOn': (p: { diagnosis: Said; step: string }, c: Context) => `${c.say(p.diagnosis)} (as on ${p.step})`,
  'diagnosis.updateDirection': () => 'the gradient was added; an update subtracts it: p − α·gradient',
  'diagnosis.learningRate.missing': (p: { rate: string }) => `the learning rate ${p.rate} is missing from the update`,
  'diagnosis.learningRate.twice': (p: { rate: string }) => `the learning rate ${p.rate} was applied twice`,
};
