/**
 * Variants of the 2-D and batch example rubrics, through the command line: `variants` writes a
 * column for every element of a grid, a multi-channel kernel and each sample, `grade --variants`
 * grades each student's hand-rounded solution 100%, `check --id` of another student poorly, and
 * each student's problem sheet shows every value drawn, with their numbers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/grade/result.js';
import { parseRubric } from '../../src/rubric/load.js';
import { templateWorkbook } from '../../src/report/template.js';
import { parseVariantsCsv } from '../../src/variants/csv.js';
import { variantReference } from '../../src/variants/draw.js';
import { planVariants, type VariantPlan } from '../../src/variants/plan.js';
import { ROOT, stepmark } from '../cli/run.js';
import { handRounded } from '../support/submissions.js';
import { formatNumber } from '../../src/engine/text.js';
import { hasPdftotext } from '../report/helpers.js';
import { pageTexts } from '../report/pdf-text.js';
import { execFileSync } from 'node:child_process';

const pdfText = (bytes: Uint8Array): string =>
  hasPdftotext() ? execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8') : pageTexts(bytes).join('\n');

const IDS = ['2023000101', '2023000102', '2023000103'];

const CASES = {
  'a 5×5 input, two conv2d layers, the second with a kernel over two channels': {
    rubric: 'rubrics/cnn2d-channels.yaml',
    variants: `
variants:
  values:
    x: { range: [0.1, 0.9], step: 0.1 }
    k: { choices: [-0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4] }
    q: { choices: [-0.5, -0.3, -0.1, 0.1, 0.3, 0.5] }
    q1_2_2_1: { choices: [0.6, 0.7] }
    b: { choices: [-0.1, 0.1] }
    learningRate: { choices: [0.1, 0.2] }
`,
    columns: ['x1_1_1', 'x1_5_5', 'k2_2_2', 'q1_1_1_1', 'q1_2_2_1', 'b2', 'learningRate'],
    fixed: 'q1_2_2_1',
    options: [0.6, 0.7],
    row: { names: 'q1_2_2_1, q1_2_2_2' },
  },
  'a batch of two samples, the second sample\'s inputs drawn apart': {
    rubric: 'rubrics/mlp-batch2.yaml',
    variants: `
variants:
  values:
    x: { range: [0.1, 0.9], step: 0.1 }
    x_s2: { choices: [0.05, 0.95] }
    w: { choices: [-0.6, -0.4, -0.2, 0.2, 0.4, 0.6] }
    y: { choices: [[1, 0], [0, 1]] }
`,
    columns: ['x1_s1', 'x2_s1', 'x1_s2', 'x2_s2', 'y1_s1', 'y1_s2', 'w1', 'w6'],
    fixed: 'x2_s2',
    options: [0.05, 0.95],
    row: { names: 'w5, w6' },
  },
} as const;

let work = '';
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'stepmark-variants-2d-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe.each(Object.entries(CASES))('variants of %s', (_, spec) => {
  it('draws every element, grades each student\'s own solution 100% and another\'s poorly', async () => {
    const text = `${readFileSync(join(ROOT, spec.rubric), 'utf8')}\n${spec.variants}`;
    const rubric = join(work, 'hw.yaml');
    writeFileSync(rubric, text);
    const roster = join(work, 'class.csv');
    writeFileSync(roster, `学号,姓名\n${IDS.map((id, k) => `${id},学生${k}`).join('\n')}\n`);
    const secret = join(work, 'secret.txt');
    writeFileSync(secret, 'a course secret of more than sixteen bytes\n');
    const out = join(work, 'variants.csv');
    const drawn = await stepmark(['variants', rubric, '--roster', roster, '--secret-file', secret, '-o', out]);
    expect(drawn.code, drawn.stderr).toBe(0);
    const header = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining([...spec.columns]));
    const planned = planVariants(parseRubric(text, 'hw.yaml').rubric);
    if (planned === null || !planned.ok) throw new Error('no plan');
    const plan: VariantPlan = planned.plan;
    const pinned = parseVariantsCsv(readFileSync(out, 'utf8'), out, plan).byId;
    expect(pinned.size).toBe(IDS.length);
    for (const values of pinned.values()) expect([...spec.options]).toContain(values.get(spec.fixed));

    const folder = join(work, 'class');
    mkdirSync(folder);
    const decimals = plan.base.grading.decimals;
    for (const id of IDS) {
      const { rubric: own, graph } = variantReference(plan, pinned.get(id)!);
      writeFileSync(join(folder, `${id}.xlsx`), templateWorkbook(own, graph, { filled: { student: { id, name: id }, answers: handRounded(graph, decimals) } }));
    }
    const json = join(work, 'results.json');
    const graded = await stepmark(['grade', rubric, folder, '--variants', out, '--json', json]);
    expect(graded.code, graded.stderr).toBe(0);
    const results = (JSON.parse(readFileSync(json, 'utf8')) as GradeReport).results;
    expect(results.map((r) => [r.student.id, r.score])).toEqual(IDS.map((id) => [id, results[0]!.maxScore]));

    // Each student's problem sheet lists every value drawn, by name, with the student's own numbers.
    const sheets = join(work, 'sheets1');
    expect((await stepmark(['template', rubric, '--roster', roster, '--variants', out, '-o', sheets, '--date', '2026-11-30'])).code).toBe(0);
    const sheet = pdfText(readFileSync(join(sheets, `${IDS[2]}.pdf`))).replace(/\s+/g, ' ');
    const values = pinned.get(IDS[2]!)!;
    for (const name of spec.columns.filter((c) => c !== 'learningRate')) expect(sheet).toMatch(new RegExp(`\\b${name}\\b`));
    expect(sheet).toContain(`${spec.row.names} = [${spec.row.names.split(', ').map((n) => formatNumber(values.get(n) ?? plan.baseValues.get(n)!, 6)).join(', ')}]`);

    const other = await stepmark(['check', rubric, join(folder, `${IDS[0]}.xlsx`), '--variants', out, '--id', IDS[1]!]);
    expect(other.stdout).toContain(IDS[1]);
    const [got, max] = /(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?) \(/.exec(other.stdout)!.slice(1).map(Number);
    expect(got).toBeLessThan(max!);
  });
});
