import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../src/engine/compile.js';
import { parseRubric } from '../../src/rubric/load.js';
import { formatPath, formatProblem, isRubricError, type LocatedProblem } from '../../src/rubric/problems.js';
import { LAYER_KINDS } from '../../src/rubric/schema.js';
import { edit, locationOf, SEED_FILE, SEED_STEP_IDS, seedText } from './seed.js';

const FILE = 'rubrics/hw3-broken.yaml';

/** Every problem a rubric text has, from parsing through building. */
function problemsOf(text: string): LocatedProblem[] {
  try {
    compileRubric(text, FILE);
  } catch (error) {
    if (isRubricError(error)) return [...error.problems];
    throw error;
  }
  throw new Error('expected the rubric to be rejected');
}

/** Where a problem should be: at `needle` (+ `offset` characters), under the key path, saying `message`. */
type Expected = readonly [needle: string, path: string, message: string | RegExp, offset?: number];

function expectProblems(text: string, expected: readonly Expected[]): void {
  const problems = problemsOf(text);
  const want = expected.map(([needle, path, message, offset]) => ({
    ...locationOf(text, needle, offset),
    path,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  }));
  expect(problems.map((p) => ({ line: p.line, column: p.column, path: formatPath(p.path), message: p.message }))).toEqual(want);
  for (const [k, problem] of problems.entries()) {
    expect(problem.file).toBe(FILE);
    expect(formatProblem(problem)).toMatch(new RegExp(`^${FILE}:${want[k]!.line}:${want[k]!.column}: `));
  }
}

const seed = (from: string, to: string) => edit(seedText, from, to);

describe('the seed rubric', () => {
  it('parses with every default filled in', () => {
    const { rubric } = parseRubric(seedText, SEED_FILE);
    expect(rubric.id).toBe('seed-cnn');
    expect(rubric.layers.map((layer) => layer.kind)).toEqual(['conv1d', 'avgpool', 'flatten', 'conv1d', 'maxpool', 'dense']);
    expect(rubric.newSuffix).toBe('_new');
    expect(rubric.grading.points).toEqual({ default: 1, steps: {} });
  });

  it('builds with no problems, and its steps are the homework\'s 91 ids in order', () => {
    const { graph } = compileRubric(seedText, SEED_FILE);
    expect(SEED_STEP_IDS).toHaveLength(91);
    expect(graph.steps.map((step) => step.id)).toEqual(SEED_STEP_IDS);
  });
});

describe('YAML syntax errors name the line', () => {
  it('a second colon on a line', () => {
    const text = seed('learningRate: 0.7', 'learningRate: 0.7: 3');
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThanOrEqual(1);
    for (const problem of problems) {
      expect(problem.line).toBe(locationOf(text, 'learningRate: 0.7: 3').line);
      expect(problem.message).toMatch(/^YAML: /);
    }
  });

  it('a key given twice, at the second one', () => {
    const text = seed('learningRate: 0.7', 'learningRate: 0.7\nlearningRate: 0.5');
    expectProblems(text, [['learningRate: 0.5', '(top level)', 'YAML: Map keys must be unique']]);
  });

  it('a tab used as indentation, and nothing reported before it', () => {
    const text = seed('    size: 2\n    stride: 2', '    size: 2\n\tstride: 2');
    const tab = locationOf(text, '\tstride').line;
    const problems = problemsOf(text);
    expect(problems[0]).toMatchObject({ file: FILE, line: tab, message: 'YAML: Tabs are not allowed as indentation' });
    expect(Math.min(...problems.map((p) => p.line ?? 0))).toBe(tab);
  });
});

describe('schema problems point at the offending key', () => {
  it.each<[string, string, string, readonly Expected[]]>([
    ['an unknown layer kind, listing the allowed ones', 'kind: avgpool', 'kind: conv3d',
      [['kind: conv3d', 'layers[1].kind', 'unknown layer kind "conv3d"; expected one of conv1d, conv2d, avgpool, maxpool, flatten, dense']]],
    ['a layer with no kind, at the layer', '  - kind: avgpool\n    name: PP', '  - name: PP',
      [['name: PP', 'layers[1].kind', `missing (expected one of ${LAYER_KINDS.join(', ')})`]]],
    ['a missing learningRate, at the top of the file', 'learningRate: 0.7\n', '',
      [['id: seed-cnn', 'learningRate', 'missing (expected number)']]],
    ['a conv layer without kernels, at the layer', '    kernels:\n      name: KK                          # KK11..KK13, KK21..KK23\n      values:\n        - [0.1, 0.2, 0.3]\n        - [0.3, 0.2, 0.1]\n', '',
      [['kind: conv1d\n    name: CC', 'layers[0].kernels', 'missing (expected object)']]],
    ['a layer without steps, at the layer', '    steps: { out: out_pp, coef: coef_pp }\n', '',
      [['kind: avgpool', 'layers[1].steps', 'missing (expected object)']]],
    ['steps without an out prefix, at steps', 'steps: { out: out_pp, coef: coef_pp }', 'steps: { coef: coef_pp }',
      [['steps: { coef: coef_pp }', 'layers[1].steps.out', 'missing (expected string)']]],
    ['a typo in a key, at the typo', '    activation: sigmoid\n\n  - kind: avgpool', '    activaton: sigmoid\n\n  - kind: avgpool',
      [['activaton', 'layers[0].activaton', 'unknown key "activaton"']]],
    ['two typos in one layer, one message each', '    activation: sigmoid\n\n  - kind: avgpool', '    activaton: sigmoid\n    strid: 1\n\n  - kind: avgpool',
      [['activaton', 'layers[0].activaton', 'unknown key "activaton"'], ['strid: 1', 'layers[0].strid', 'unknown key "strid"']]],
    ['a typo on a block key: the typo, and the key it should have been', '    kernels:\n      name: KK', '    kernal:\n      name: KK',
      [['kind: conv1d\n    name: CC', 'layers[0].kernels', 'missing (expected object)'], ['kernal', 'layers[0].kernal', 'unknown key "kernal"']]],
    ['a number given as text', 'learningRate: 0.7', 'learningRate: "0.7"',
      [['learningRate', 'learningRate', 'expected number, received string']]],
    ['diagnosis credit for a code that does not exist, and a share above 1', 'followThrough: 1', 'followThrough: 1\n  diagnosisCredit: { rounding: 0.5, roundin: 1, sign-flip: 2 }',
      [['sign-flip: 2', 'grading.diagnosisCredit.sign-flip', /<=1/], ['roundin:', 'grading.diagnosisCredit.roundin', 'unknown key "roundin"']]],
  ])('%s', (_, from, to, expected) => {
    expectProblems(seed(from, to), expected);
  });

  it('an empty file is one problem naming the file', () => {
    const problems = problemsOf('');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(FILE);
    expect(formatProblem(problems[0]!)).toBe(`${FILE}: (top level): the file holds no rubric (expected keys such as id, layers, loss)`);
  });
});

/** The comment after the first kernels' name, to find their `values:` key among the others. */
const KK_COMMENT = '# KK11..KK13, KK21..KK23';
const EACH_OUT_CC = (k: number) => `the id "out_cc${k}" is already used (by layers[0].steps); ids must be unique`;

describe('shape problems found by the network builder point at the offending key', () => {
  it.each<[string, string, string, readonly Expected[]]>([
    ['a kernel longer than its input', 'values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]', 'values: [0.1, 0.2]',
      [[`${KK_COMMENT}\n      values:`, 'layers[0].kernels.values', 'kernel size 3 is larger than its input (2 values)', KK_COMMENT.length + 7]]],
    ['a pool window longer than its input', '    size: 2\n\n  - kind: dense', '    size: 4\n\n  - kind: dense',
      [['size: 4', 'layers[4].size', 'pool size 4 is larger than its input (2 values per map)']]],
    ['a kernel with 2 values where the others have 3', '- [0.3, 0.2, 0.1]', '- [0.3, 0.2]',
      [['[0.3, 0.2]', 'layers[0].kernels.values[1]', 'kernel 2 has 2 values; every kernel needs 3, as the first has']]],
    ['a dense weight row shorter than the others', '- [-0.1, -0.2, -0.3]', '- [-0.1, -0.2]',
      [['[-0.1, -0.2]', 'layers[5].weights.values[1]', 'row 2 has 2 values; every row needs 3, as the first has']]],
    ['dense weight rows shorter than the layer below', '- [0.1, 0.2, 0.3]\n        - [-0.1, -0.2, -0.3]', '- [0.1, 0.2]\n        - [-0.1, -0.2]',
      [['[0.1, 0.2]\n        - [-0.1', 'layers[5].weights.values[0]', 'each row needs 3 weights, one per input from the layer below; this one has 2']]],
    ['2 biases for 3 kernels', 'values: [0, 0, 0]', 'values: [0, 0]',
      [['values: [0, 0]', 'layers[3].biases.values', '2 biases for 3 kernels; give one each (or "shared: true" and one value)']]],
    // A conv layer over several maps reads them as channels: its kernels must have one per map.
    ['a conv layer over two maps with one-channel kernels', '  - kind: flatten                       # (pp1, pp2, pp3, pp4) as one sequence\n\n', '',
      [['# k11..k33\n      values:', 'layers[2].kernels.values', /the layer below gives 2 maps: give each kernel one channel per map \(kernel → elements, or kernel → channel → elements\), or put "- kind: flatten" before this layer/, '# k11..k33\n      '.length]]],
    ['more targets than outputs', 'values: [1, 0] }', 'values: [1, 0, 0] }',
      [['values: [1, 0, 0]', 'target.values', '3 target values for 2 outputs of the last layer']]],
    ['cross-entropy without softmax', 'activation: softmax', 'activation: sigmoid',
      [['activation: sigmoid\n\nloss', 'layers[5].activation', 'cross-entropy needs "activation: softmax" on the last layer']]],
    ['two layers with the same out prefix: one message per clashing id', 'out: out_c,', 'out: out_cc,',
      [1, 2, 3, 4, 5, 6].map((k) => ['steps: { in: in_c,', 'layers[3].steps', EACH_OUT_CC(k)] as const)],
    ['a bias name that clashes with a step id', 'name: bo,', 'name: out_o,',
      [1, 2].map((k) => ['steps: { in: in_o,', 'layers[5].steps', `the id "out_o${k}" is already used (by layers[5].biases.values[${k - 1}]); ids must be unique`] as const)],
    ['points for a step that does not exist', '    default: 1\n', '    default: 1\n    steps: { coef_c9: 2, loss: 3 }\n',
      [['coef_c9', 'grading.points.steps.coef_c9', 'no step has the id "coef_c9"']]],
    ['an alias for a step that does not exist', '  loss: ["E_total"', '  los: ["E_total"',
      [['los:', 'aliases.los', 'no step has the id "los"']]],
  ])('%s', (_, from, to, expected) => {
    expectProblems(seed(from, to), expected);
  });

  it('a kernel name used twice: every clashing parameter, at its own value', () => {
    const text = seed('name: k  ', 'name: KK ');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(12);
    const row = (n: number) => `        - ${['[-1, 0, 1]', '[1, 0, -1]'][n]}`;
    problems.slice(0, 6).forEach((problem, k) => {
      const [n, m] = [Math.floor(k / 3), k % 3];
      expect(formatPath(problem.path)).toBe(`layers[3].kernels.values[${n}][${m}]`);
      expect(problem.message).toBe(`the id "KK${n + 1}${m + 1}" is already used (by layers[0].kernels.values[${n}][${m}]); ids must be unique`);
      expect(problem.line).toBe(locationOf(text, row(n)).line);
    });
    for (const problem of problems.slice(6)) expect(problem.message).toMatch(/^the id "KK[12][1-3]_new" is already used/);
  });
});

describe('every problem is reported at once', () => {
  it('five schema problems give five messages, each on its own line', () => {
    let text = seed('convention: updated-weights', 'convention: updated');
    text = edit(text, 'learningRate: 0.7\n', '');
    text = edit(text, '    activation: sigmoid\n\n  - kind: avgpool', '    activaton: sigmoid\n\n  - kind: avgpool');
    text = edit(text, 'kind: maxpool', 'kind: conv3d');
    text = edit(text, 'decimals: 3', 'decimals: 20');
    const problems = problemsOf(text);
    const byLine = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    expect(byLine.map((p) => [p.line, formatPath(p.path)])).toEqual([
      [locationOf(text, 'id: seed-cnn').line, 'learningRate'],
      [locationOf(text, 'convention: updated').line, 'convention'],
      [locationOf(text, 'activaton').line, 'layers[0].activaton'],
      [locationOf(text, 'kind: conv3d').line, 'layers[4].kind'],
      [locationOf(text, 'decimals: 20').line, 'grading.decimals'],
    ]);
    expect(byLine[1]!.message).toContain('"updated-weights"');
    expect(byLine[3]!.message).toContain('"conv3d"');
  });

  it('five shape problems give five messages, and the error lists each as file:line:col: key: message', () => {
    let text = seed('- [0.3, 0.2, 0.1]', '- [0.3, 0.2]');
    text = edit(text, 'values: [0, 0, 0]', 'values: [0, 0]');
    text = edit(text, '- [-0.1, -0.2, -0.3]', '- [-0.1, -0.2]');
    text = edit(text, 'values: [1, 0] }', 'values: [1, 0, 0] }');
    text = edit(text, 'activation: softmax', 'activation: tanh');
    let error: unknown;
    try {
      compileRubric(text, FILE);
    } catch (caught) {
      error = caught;
    }
    if (!isRubricError(error)) throw new Error('expected a RubricError');
    expect(error.problems.map((p) => [p.line, formatPath(p.path)])).toEqual([
      [locationOf(text, '[0.3, 0.2]').line, 'layers[0].kernels.values[1]'],
      [locationOf(text, 'values: [0, 0]').line, 'layers[3].biases.values'],
      [locationOf(text, '[-0.1, -0.2]').line, 'layers[5].weights.values[1]'],
      [locationOf(text, 'values: [1, 0, 0]').line, 'target.values'],
      [locationOf(text, 'activation: tanh').line, 'layers[5].activation'],
    ]);
    expect(error.message.split('\n')).toEqual([`${FILE}: 5 problems`, ...error.problems.map((p) => `  ${formatProblem(p)}`)]);
  });
});
