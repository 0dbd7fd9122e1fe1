import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../src/engine/compile.js';
import { buildNetwork } from '../../src/engine/network.js';
import { LEARNING_RATE, type Graph } from '../../src/engine/graph.js';
import { renderSymbolic } from '../../src/engine/text.js';
import { readSubmission } from '../../src/ingest/index.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';
import { givensBlock } from '../../src/report/template-givens.js';
import { templateLayout } from '../../src/report/template-layout.js';
import { HEADINGS } from '../../src/report/template-text.js';
import { templateRows, templateWorkbook, type TemplateFormat } from '../../src/report/template.js';
import type { Rubric } from '../../src/rubric/schema.js';
import { stepmark } from '../cli/run.js';
import { SEED_FILE, SEED_STEP_IDS, edit, seedText } from '../rubric/seed.js';
import { arbNetwork } from '../support/networks.js';

const seed = compileRubric(seedText, 'seed-cnn.yaml');
const { rubric } = seed.loaded;
const FORMATS: TemplateFormat[] = ['xlsx', 'ods'];

/** Every XML part of a zipped workbook, concatenated. */
function zipText(bytes: Uint8Array): string {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' }) as { FileIndex: { name: string; content: Uint8Array }[] };
  return zip.FileIndex.filter((e) => /\.(xml|rels)$/.test(e.name)).map((e) => new TextDecoder().decode(e.content)).join('\n');
}

function sheetOf(bytes: Uint8Array): XLSX.WorkSheet {
  const book = XLSX.read(bytes, { cellNF: true, sheetStubs: true });
  return book.Sheets[book.SheetNames[0]!]!;
}

const rowOf = (rows: readonly (readonly unknown[])[], id: string): number => rows.findIndex((row) => row[0] === id);

describe('the template layout', () => {
  const rows = templateRows(rubric, seed.graph);

  it('puts the student fields first and every step id in column A, in graph order', () => {
    expect(rows.slice(1, 3).map((row) => row[0])).toEqual(['Student ID', 'Name']);
    expect(rows.map((row) => row[0]).filter((cell) => SEED_STEP_IDS.includes(String(cell)))).toEqual(SEED_STEP_IDS);
  });

  it('states the decimals asked for and how rounding is graded, from the rubric', () => {
    const text = rows.map((row) => row[0]).join('\n');
    expect(text).toContain('3 decimals, e.g. 0.410');
    expect(text).toContain('your own rounded values of earlier steps');
    expect(text).toContain('earns full marks');
    expect(text).toContain('More decimals never hurt');
    const fewer = compileRubric(edit(edit(seedText, 'decimals: 3', 'decimals: 4'), 'followThrough: 1 ', 'followThrough: 0.5 '), 'x.yaml');
    const other = templateRows(fewer.loaded.rubric, fewer.graph).map((row) => row[0]).join('\n');
    expect(other).toContain('4 decimals, e.g. 0.4100');
    expect(other).toContain('earns 50% of its points');
  });

  it('lays the givens out as the network layers: vectors as rows, kernels one per row, with their names', () => {
    const given = (label: string) => rows.slice(rowOf(rows, label)).slice(0, 1)[0]!.slice(1);
    // The homework's statement (shared/seed/NETWORK.md), not the engine: input, target, α.
    expect(given('Input')).toEqual(['i1 … i6', 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(given('Target')).toEqual(['o1 … o2', 1, 0]);
    expect(given('Learning rate')).toEqual([LEARNING_RATE, 0.7]);
    const kernels = rows.findIndex((row) => row[0] === 'Kernels');
    expect(rows.slice(kernels, kernels + 3).map((row) => row.slice(1))).toEqual([
      ['KK11 … KK13', 0.1, 0.2, 0.3],
      ['KK21 … KK23', 0.3, 0.2, 0.1],
      ['bb1 … bb2', 0.5, -0.5],
    ]);
    expect(rows[kernels - 1]?.[0]).toBe('Layer CC: 1-D convolution, stride 1, sigmoid activation.');
    const weights = rows.findIndex((row) => row[0] === 'Weights');
    expect(rows.slice(weights, weights + 2).map((row) => row.slice(1))).toEqual([
      ['w1 … w3', 0.1, 0.2, 0.3],
      ['w4 … w6', -0.1, -0.2, -0.3],
    ]);
  });

  it('lays 2-D inputs and kernels out as small grids, one per kernel', () => {
    const twoD = {
      ...rubric,
      input: { name: 'x', values: [[1, 2], [3, 4]] },
      layers: [{ kind: 'conv2d', name: 'C', kernels: { name: 'K', values: [[[1, 0], [0, 1]], [[5, 6], [7, 8]]] }, stride: 1, flip: false, activation: 'relu' }],
    } as unknown as Rubric;
    const names = ['x11', 'x12', 'x21', 'x22', 'o1', 'o2', LEARNING_RATE, 'K1_11', 'K1_12', 'K1_21', 'K1_22', 'K2_11', 'K2_12', 'K2_21', 'K2_22'];
    const values = [1, 2, 3, 4, 1, 0, 0.7, 1, 0, 0, 1, 5, 6, 7, 8];
    const graph = { params: new Map(names.map((n, i) => [n, values[i]!])) } as unknown as Graph;
    const block = givensBlock(twoD, graph).rows;
    const from = (label: string) => block.slice(block.findIndex((row) => row[0] === label));
    expect(from('Input').slice(0, 2)).toEqual([['Input', 'x11 … x12', 1, 2], [null, 'x21 … x22', 3, 4]]);
    expect(from('Kernels, 1').slice(0, 4)).toEqual([
      ['Kernels, 1', 'K1_11 … K1_12', 1, 0],
      [null, 'K1_21 … K1_22', 0, 1],
      ['Kernels, 2', 'K2_11 … K2_12', 5, 6],
      [null, 'K2_21 … K2_22', 7, 8],
    ]);
    expect(block.map((row) => row[0])).toContain('Layer C: 2-D cross-correlation, stride 1, ReLU activation.');
    // Names the engine registered in another order are left out, not guessed.
    const shuffled = { params: new Map([...graph.params].reverse()) } as unknown as Graph;
    expect(givensBlock(twoD, shuffled).rows.filter((row) => typeof row[1] === 'string' && row[1].includes('…'))).toEqual([]);
  });

  it('keeps every section on one page unless a page cannot hold it', () => {
    const layout = templateLayout(rubric, seed.graph, { formulas: false });
    const starts = layout.rows.flatMap((row, r) => (r > layout.headerRow && row[0] === null && typeof row[1] === 'string' ? [r] : []));
    expect(layout.breaks.length).toBeGreaterThan(0);
    for (const row of layout.breaks) expect([layout.headerRow, ...starts]).toContain(row);
  });
});

describe.each(FORMATS)('the %s template', (format) => {
  const bytes = templateWorkbook(rubric, seed.graph, { format });
  const rows = templateRows(rubric, seed.graph);
  const match = createLabelMatcher(seed.graph.steps.map((s) => s.id), rubric.aliases);

  it('makes every value cell and the id and name cells text cells, so 0.410 keeps its zero', () => {
    const sheet = sheetOf(bytes);
    const fields = [...SEED_STEP_IDS.map((id) => `C${rowOf(rows, id) + 1}`), 'B2', 'B3'];
    for (const address of fields) expect({ address, format: sheet[address]?.z }).toEqual({ address, format: '@' });
    expect(sheet[`C${rowOf(rows, 'Input') + 1}`]?.z).not.toBe('@');
  });

  it('is read as a template with every step empty: nothing in the givens reads as an answer', () => {
    const submission = readSubmission(bytes, `hw1.${format}`, match);
    expect(submission.problems).toEqual([]);
    expect(submission.student).toEqual({ id: null, name: null });
    expect([...submission.answers.keys()]).toEqual(SEED_STEP_IDS);
    expect([...submission.answers.values()].every((answer) => answer.value.kind === 'empty')).toBe(true);
  });

  it('shows no formula of any step unless the rubric asks for them', () => {
    const formulas = seed.graph.steps.map((step) => renderSymbolic(step.expr));
    const plain = zipText(bytes);
    expect(formulas.filter((formula) => plain.includes(formula.replace(/&/g, '&amp;')))).toEqual([]);
    expect(plain).not.toContain(HEADINGS.descriptionAndFormula);
    const asked = compileRubric(`${seedText}\ntemplate: { formulas: true }\n`, 'x.yaml');
    const shown = zipText(templateWorkbook(asked.loaded.rubric, asked.graph, { format }));
    expect(formulas.filter((formula) => !shown.includes(formula))).toEqual([]);
  });

  it('gives the same bytes for the same rubric', () => {
    expect(Buffer.from(templateWorkbook(rubric, seed.graph, { format })).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('the template of any network', () => {
  it('is read back as every step, empty, with every given named and no given read as an answer', () => {
    fc.assert(
      fc.property(arbNetwork({ values: 'homework' }), fc.constantFrom<TemplateFormat>('xlsx', 'ods'), (random, format) => {
        const built = buildNetwork(random);
        if (!built.ok) throw new Error('the generator made an invalid network');
        const ids = built.graph.steps.map((s) => s.id);
        const submission = readSubmission(templateWorkbook(random, built.graph, { format }), `hw.${format}`, createLabelMatcher(ids, random.aliases));
        expect(submission.problems).toEqual([]);
        expect([...submission.answers.keys()]).toEqual(ids);
        expect([...submission.answers.values()].every((answer) => answer.value.kind === 'empty')).toBe(true);
        // Every parameter the engine registered is shown once, each row of numbers named by its first and last.
        const valueRows = givensBlock(random, built.graph).rows.filter((row) => row.slice(2).some((c) => typeof c === 'number'));
        expect(valueRows.flatMap((row) => row.slice(2))).toEqual([...built.graph.params.values()]);
        for (const row of valueRows) expect(built.graph.params.has(String(row[1]).split(' … ')[0]!)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

describe('print setup', () => {
  const layout = templateLayout(rubric, seed.graph, { formulas: false });

  it('xlsx: A4 portrait, one page wide, the header row repeated, breaks between sections, prompts on value cells', () => {
    const xml = zipText(templateWorkbook(rubric, seed.graph, { format: 'xlsx' }));
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
    const header = layout.headerRow + 1;
    expect(xml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">Answers!$${header}:$${header}</definedName>`);
    expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(layout.breaks);
    const prompts = [...xml.matchAll(/<dataValidation [^>]*prompt="([^"]*)" sqref="([^"]*)"/g)];
    expect(prompts).toHaveLength(seed.graph.sections.length);
    expect(prompts[0]?.[1]).toContain('rounded to 3 decimals, e.g. 0.410');
  });

  it('xlsx: every row has its height, a line of 16 pt (Chinese glyphs in LibreOffice’s CJK font overflow its default row)', () => {
    const xml = zipText(templateWorkbook(rubric, seed.graph, { format: 'xlsx' }));
    const heights = new Map([...xml.matchAll(/<row r="(\d+)"[^>]*?\bht="([\d.]+)"/g)].map((m) => [Number(m[1]) - 1, Number(m[2])]));
    expect(heights.size).toBe(layout.rows.length);
    layout.rows.forEach((_, row) => expect(heights.get(row), `row ${row + 1}`).toBe(16 * (layout.tallRows.get(row) ?? 1)));
  });

  it('ods: the same page, the header row as the table header rows, page-break row styles', () => {
    const xml = zipText(templateWorkbook(rubric, seed.graph, { format: 'ods' }));
    expect(xml).toMatch(/<style:page-layout-properties fo:page-width="21.001cm" fo:page-height="29.7cm" style:print-orientation="portrait"[^>]*style:scale-to-X="1" style:scale-to-Y="0"/);
    expect(xml).toMatch(/<table:table-header-rows><table:table-row[^>]*>\s*<table:table-cell office:value-type="string"><text:p>Step<\/text:p>/);
    expect(xml.match(/<table:table-row table:style-name="ro-\d+-page-break"/g)).toHaveLength(layout.breaks.length);
    // A prompt on each step's value cell, the decimals asked for in its text.
    expect(xml.match(/<table:help-message [^>]*><text:p>[^<]*<\/text:p>/g)?.[0]).toContain('rounded to 3 decimals, e.g. 0.410');
    const prompted = [...xml.matchAll(/<table:table-cell table:content-validation-name="[^"]+"[^>]*><text:p><\/text:p>/g)];
    expect(prompted).toHaveLength(SEED_STEP_IDS.length);
  });
});

describe('a template filled in', () => {
  it('grades each value as typed, in xlsx and ods', () => {
    const answers = new Map<string, string | number>([['in_cc1', '0.410'], ['out_cc1', 0.646]]);
    for (const format of FORMATS) {
      const bytes = templateWorkbook(rubric, seed.graph, { format, filled: { student: { id: '0023000001', name: '张三' }, answers } });
      const submission = readSubmission(bytes, `hw1.${format}`, createLabelMatcher(SEED_STEP_IDS));
      expect(submission.student).toEqual({ id: '0023000001', name: '张三' });
      expect(submission.answers.get('in_cc1')?.value).toMatchObject({ kind: 'number', value: 0.41, decimals: 3, raw: '0.410' });
      expect(submission.answers.get('out_cc1')?.value).toMatchObject({ kind: 'number', value: 0.646 });
    }
  });
});

describe('stepmark template -o', () => {
  it('writes .ods as well as .xlsx, the same content, and refuses any other kind of file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'stepmark-template-cli-'));
    try {
      const written = await stepmark(['template', SEED_FILE, '-o', join(folder, 'hw1.ods')]);
      expect(written.code).toBe(0);
      const ods = readFileSync(join(folder, 'hw1.ods'));
      // ODF: `mimetype` first and stored, so its name and content stand at fixed offsets.
      expect(ods.subarray(30, 38).toString()).toBe('mimetype');
      expect(ods.subarray(38, 84).toString()).toBe('application/vnd.oasis.opendocument.spreadsheet');
      // An empty value cell is empty text in ods (SheetJS writes no styled empty cell there).
      const cells = (bytes: Uint8Array) =>
        XLSX.utils.sheet_to_json<unknown[]>(sheetOf(bytes), { header: 1, defval: null, raw: true }).map((row) => row.map((v) => (v === '' ? null : v)));
      expect(cells(ods)).toEqual(cells(templateWorkbook(rubric, seed.graph, { format: 'xlsx' })));
      const refused = await stepmark(['template', SEED_FILE, '-o', join(folder, 'hw1.csv')]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('.xlsx or .ods');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
