import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT, stepmark } from './run.js';
import { edit, locationOf, SEED_FILE, SEED_STEP_IDS, seedText } from '../rubric/seed.js';

async function referenceJson(...extra: string[]): Promise<Record<string, number>> {
  const { code, stdout, stderr } = await stepmark(['reference', SEED_FILE, '--format', 'json', ...extra]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout) as Record<string, number>;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('stepmark reference', () => {
  it('--format json prints one object: the 91 step ids in order, each a finite number', async () => {
    const values = await referenceJson();
    expect(Array.isArray(values)).toBe(false);
    expect(Object.keys(values)).toEqual(SEED_STEP_IDS);
    for (const id of SEED_STEP_IDS) expect(Number.isFinite(values[id]), id).toBe(true);
  });

  it('--format csv has a header and one row per step, with the same values as json', async () => {
    const values = await referenceJson();
    const { code, stdout } = await stepmark(['reference', SEED_FILE, '--format', 'csv']);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header).toBe('id,layer,phase,value,formula,description');
    expect(rows).toHaveLength(91);
    // id, layer and phase never need quoting, so the first four fields split plainly.
    rows.forEach((row, k) => {
      const [id, , phase, value] = row.split(',');
      expect(id).toBe(SEED_STEP_IDS[k]);
      expect(['forward', 'backward']).toContain(phase);
      expect(Number(value)).toBe(values[id!]);
    });
  });

  it('the default table shows every id, under a header per layer and phase, without colors when piped', async () => {
    const { code, stdout } = await stepmark(['reference', SEED_FILE]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.filter((line) => / · (forward|backward)$/.test(line))).toEqual([
      'CC · forward', 'PP · forward', 'C · forward', 'Pm · forward', 'FC · forward', 'Loss · forward',
      'FC · backward', 'Pm · backward', 'C · backward', 'PP · backward', 'CC · backward',
    ]);
    const rowIds = lines.map((line) => /^ {2}(\S+) +\S+ {2}= /.exec(line)?.[1]).filter((id) => id !== undefined);
    expect(rowIds).toEqual(SEED_STEP_IDS);
    expect(stdout).toContain('convention updated-weights · 91 steps');
    expect(stdout).not.toContain('\u001b[');
  });

  it.each([
    ['en', (n: number) => `, sample ${n}`],
    ['zh-CN', (n: number) => `，第 ${n} 个样本`],
  ] as const)('in a batch rubric (--lang %s) each step of a sample names its sample, so _s1 and _s2 read differently', async (lang, names) => {
    const { code, stdout } = await stepmark(['reference', 'rubrics/mlp-batch2.yaml', '--format', 'csv', '--lang', lang]);
    expect(code).toBe(0);
    const described = new Map<string, string>();
    for (const row of stdout.trimEnd().split('\n').slice(1)) {
      // The description is the last field, quoted when it holds a comma.
      const description = row.endsWith('"') ? row.slice(row.lastIndexOf(',"') + 2, -1) : row.slice(row.lastIndexOf(',') + 1);
      described.set(row.slice(0, row.indexOf(',')), description);
    }
    const firsts = [...described.keys()].filter((id) => id.endsWith('_s1') && !id.startsWith('x') && !id.startsWith('y'));
    expect(firsts).toEqual(expect.arrayContaining(['in_h1_s1', 'out_h1_s1', 'out_o1_s1', 'coef_h1_s1', 'coef_o1_s1']));
    for (const first of firsts) {
      const second = first.replace(/_s1$/, '_s2');
      expect(described.get(first), first).toMatch(new RegExp(`${names(1)}$`));
      expect(described.get(second), second).toMatch(new RegExp(`${names(2)}$`));
    }
  });

  it('--convention standard propagates coef_p1 through the old weights; the rubric\'s own through the updated ones', async () => {
    const course = await referenceJson();
    const standard = await referenceJson('--convention', 'standard');
    const [w1, w4] = [0.1, -0.1]; // the seed's initial FC weights into o1 and o2 from p1
    expect(standard['coef_p1']).toBeCloseTo(standard['coef_o1']! * w1 + standard['coef_o2']! * w4, 12);
    expect(course['coef_p1']).toBeCloseTo(course['coef_o1']! * course['w1_new']! + course['coef_o2']! * course['w4_new']!, 12);
    expect(Math.abs(standard['coef_p1']! - course['coef_p1']!)).toBeGreaterThan(0.01);
    // The convention only changes what flows below the output layer.
    for (const id of ['out_o1', 'loss', 'coef_o1', 'coef_o2', 'w1_new', 'w4_new']) expect(standard[id]).toBe(course[id]);
  });

  it.each([
    ['--format', 'xml', /'xml' is invalid\. Allowed choices are table, csv, json/],
    ['--convention', 'textbook', /'textbook' is invalid\. Allowed choices are updated-weights, standard/],
  ])('a bad %s value exits 2 and names the choices', async (option, value, message) => {
    const { code, stdout, stderr } = await stepmark(['reference', SEED_FILE, option, value]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('a missing rubric file exits 2 with one line, "no such file"', async () => {
    const { code, stdout, stderr } = await stepmark(['reference', 'rubrics/does-not-exist.yaml']);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'stepmark: rubrics/does-not-exist.yaml: no such file\n' });
  });

  it('a broken rubric exits 2 and lists every problem as file:line:col: key.path: message', async () => {
    const file = 'rubrics/hw3.yaml';
    let text = edit(seedText, 'learningRate: 0.7', 'learningRate: -0.7');
    text = edit(text, '    activation: sigmoid\n\n  - kind: avgpool', '    activaton: sigmoid\n\n  - kind: avgpool');
    text = edit(text, 'kind: maxpool', 'kind: conv3d');
    const { code, stdout, stderr } = await stepmark(['reference', file], { [file]: text });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const [header, ...problems] = stderr.trimEnd().split('\n');
    expect(header).toBe(`stepmark: ${file}: 3 problems`);
    const at = (needle: string) => {
      const { line, column } = locationOf(text, needle);
      return `${file}:${line}:${column}`;
    };
    expect(problems.map((line) => line.trim()).sort()).toEqual([
      `${at('learningRate')}: learningRate: Too small: expected number to be >0`,
      `${at('activaton')}: layers[0].activaton: unknown key "activaton"`,
      `${at('kind: conv3d')}: layers[4].kind: unknown layer kind "conv3d"; expected one of conv1d, conv2d, avgpool, maxpool, flatten, dense`,
    ].sort());
  });

  it('an unexpected failure exits 70 with a one-line message and no stack trace', async () => {
    vi.stubEnv('STEPMARK_DEBUG', '');
    const { code, stderr } = await stepmark(['reference', SEED_FILE], {}, {
      stdout: () => {
        throw new Error('disk full');
      },
    });
    expect(code).toBe(70);
    expect(stderr).toMatch(/^stepmark: internal error: disk full\n/);
  });
});

describe('the stepmark bin', () => {
  it('runs `reference --format json` from the built dist/ and prints the 91 ids', () => {
    expect(existsSync(new URL('dist/cli/main.js', `file://${ROOT}`)), 'run `npm run build` first').toBe(true);
    const result = spawnSync(process.execPath, ['bin/stepmark.js', 'reference', SEED_FILE, '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout) as object)).toEqual(SEED_STEP_IDS);
  });
});
