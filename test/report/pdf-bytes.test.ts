/**
 * The exact bytes of the example reports and of their class summary, pinned by SHA-256: a change to
 * how reports are drawn (caches, faster text output, lazy loading) must leave every byte as it was.
 * Each PDF is also pinned by its content with the streams inflated, so a mismatch tells a change in
 * what is drawn (both differ) from another zlib compressing the same content differently (bytes only).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classSummary } from '../../src/report/class-summary.js';
import { writeStudentReport } from '../../src/report/pdf.js';
import { renderClassSummaryPdf } from '../../src/report/summary-pdf.js';
import { GRADED_AT, gradeBroken, gradeExample, reference } from './example.js';
import { pdfObjects } from './pdf-text.js';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Every object's dictionary (without its compressed length) and inflated stream, in order. */
function contentHash(bytes: Uint8Array): string {
  const hash = createHash('sha256');
  for (const [id, object] of pdfObjects(bytes)) {
    hash.update(`${id}\n${object.dict.replace(/\/Length \d+/, '')}\n`);
    if (object.stream) hash.update(object.stream);
  }
  return hash.digest('hex');
}

const EXAMPLES = ['2023000001_王晓东.xlsx', '2023000002_李四.xlsx', '2023000003_王五.xlsx'] as const;
const results = [...EXAMPLES.map((name) => gradeExample(name)), gradeBroken()];

async function pinned(order: readonly typeof results[number][] = results): Promise<Record<string, { bytes: string; content: string }>> {
  const out: Record<string, { bytes: string; content: string }> = {};
  const add = (name: string, pdf: Uint8Array) => {
    out[name] = { bytes: sha256(pdf), content: contentHash(pdf) };
  };
  for (const result of order) {
    for (const revealExpected of [false, true]) {
      add(`${result.file} reveal=${revealExpected}`, await writeStudentReport(result, reference.graph, { revealExpected, gradedAt: GRADED_AT }));
    }
  }
  const header = { title: reference.rubric.title, gradedAt: GRADED_AT, rubricId: reference.rubric.id };
  add('summary.pdf', await renderClassSummaryPdf(classSummary({ rubric: reference.rubric.id, results }), header));
  return out;
}

describe('the bytes of the example reports and class summary', () => {
  it('are exactly the pinned ones', async () => {
    expect(await pinned()).toEqual(PINNED);
  });

  it('are the same again with every cache warm, made in another order', async () => {
    await pinned();
    expect(await pinned([...results].reverse())).toEqual(PINNED);
  });
});

const PINNED: Record<string, { bytes: string; content: string }> = {
  'broken.xlsx reveal=false': {
    bytes: '9913b8a8afcb03951dfc665b08830f3c17f78a5d205b68f72a3293d7f9c31233',
    content: 'f8146b02d889d94984824de26426794186600710ff848f72cdfe006f0ea089a9',
  },
  'broken.xlsx reveal=true': {
    bytes: '33983af4f4d5beed1ead3b34cd35e2258fabb4ac6ffdd0134ee2d3028d7b1293',
    content: '3d4f4e40628f2f6343399b9921c475832c0eaea18679a7ae60bb67c29c4ddb0f',
  },
  'submissions/2023000001_王晓东.xlsx reveal=false': {
    bytes: '2e76ebffe41006b202ee6b00f771b926d7f92598f44e8207fd6f00fe9188df0c',
    content: 'ede6eb2e97702d53702873f2a9c2f29c8c1223e662e14754ce35ccd0de2c5439',
  },
  'submissions/2023000001_王晓东.xlsx reveal=true': {
    bytes: '7fc4138bdbfc2b3feb5e22beebb49aa93970bab8f4cc0ce67192d149c8b62440',
    content: '78a4beff27a335d96b89005428b801fa686b9b86c08f7a385d438d207a1676a8',
  },
  'submissions/2023000002_李四.xlsx reveal=false': {
    bytes: '44858056288f04df721e60ee924545f301aaccdc6d08f1ca460fa6ad54130ecb',
    content: '7a579472c7b8c3c2191bf75b393afebb86e08d44451b32dad7d8ecd534eb6e35',
  },
  'submissions/2023000002_李四.xlsx reveal=true': {
    bytes: '822e7c66441be25b69cc7139d7b8d641fbfc64e9b443c59db249b7eb5659870a',
    content: '9542db06061cd850e8d9c2dce6e4955bfc31c9fa1b2b1a12c2e828519d230c7a',
  },
  'submissions/2023000003_王五.xlsx reveal=false': {
    bytes: '459d911329265eddfed78db9d6107512c4507a1e59b427a2d20afd0daafcb368',
    content: '21cff19f15ae40bd42b4504eefc16db0e93454a26a4abbe43aab655826d98119',
  },
  'submissions/2023000003_王五.xlsx reveal=true': {
    bytes: 'b0d544076e13077a458b2792d7423234dcc11e87650da45e36f38bfdc32ad2a0',
    content: '6df7f94b38850c3de522ccd1872143dd0b8d9e914fa7fd19aadafe13f89c22a6',
  },
  'summary.pdf': {
    bytes: '3a8830d573758e0bc3598004001849d0bd68c7028f1843855e93e1a02fab4ac9',
    content: 'ee7ca3d560f24ecadc5297de95f05f53ae1334a0e5a2e5e75420db392f218477',
  },
};
