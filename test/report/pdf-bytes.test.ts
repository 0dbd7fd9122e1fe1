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
    bytes: '4809236d68150594de8283203b2e7ac4ffbce3dc14ae6fae45e2aaa51d060007',
    content: '1bf9ee42934fcc8186f2d96941f8f7d877a1a0e1e344538c42c121363addaf87',
  },
  'broken.xlsx reveal=true': {
    bytes: '21022058d1f5a52d47b9e38b9b58954ec34d7c51e890874a04eabd60f3d6e46e',
    content: '52a6f6e17da2649918c94dd52349d89bef404215b028cda142ed746a484b010a',
  },
  'submissions/2023000001_王晓东.xlsx reveal=false': {
    bytes: 'ee2636433fbccecff4d8aed9a40e3f3129db22bee95d6898b40e6043b5fb580b',
    content: 'de976028a3334cf28bfcbd998337846287a720cf4426fc3fecb36fae7ebd6e86',
  },
  'submissions/2023000001_王晓东.xlsx reveal=true': {
    bytes: '7015acc9722289e5faf9d6440975f914e16b64f13df38a128afd91f2adc254a5',
    content: '96bbe4534ca00c645c3a76ec2ef8a6c9ae583ac3f5d2cbaeaf20f1722ca2cec2',
  },
  'submissions/2023000002_李四.xlsx reveal=false': {
    bytes: '4952c3043ff63a14b2f6bbb51acc184db96530d996dcc3223b6cb6b9bfe85648',
    content: '48bde44c7d2849c879e1837634f0553f40b06e9e87d102fe307fb8ff1c32838b',
  },
  'submissions/2023000002_李四.xlsx reveal=true': {
    bytes: '3a6723956010bbbfec044cc070aedc0b8c01e0049d4c4ede2a9a6ee95c94bc49',
    content: 'd2c3be4e907bdfc542e54d01d3cd70c3d038fec54c210f95c7a6ddf6dcef9fa1',
  },
  'submissions/2023000003_王五.xlsx reveal=false': {
    bytes: '9929152a9986a3a5f0f90157520124acba25e88382e7e4bdebf3a0e5e6197d23',
    content: '0c7cfe4a2601076d98af6b3f68f4a8ab6aaf517d9f3cbd4dc173ac8dcb5c00ee',
  },
  'submissions/2023000003_王五.xlsx reveal=true': {
    bytes: '86e662dc692719d5250ba47599d9d68156d37e43583ca80901806157aaf0d87d',
    content: 'aff29064c1571485dacb476ac644fde903f36a25537fd92731b6d3742c1b0844',
  },
  'summary.pdf': {
    bytes: '0602251fff43c87f6819f2b8bac71df69c5dd4c0c3f84e15b9e1292a8e45506d',
    content: '60d9754a28ac4190f76130d44ceec97f8bfcffaddb1f0c8932c210f77c804a47',
  },
};
