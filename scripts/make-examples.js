// Writes the example submissions of the seed homework into submissions/ (run: npm run examples).
// - the handwritten solution, transcribed as its author wrote it (slips included);
// - a perfect one (exact values, 4 decimals);
// - one rounded by hand at every step (3 decimals, each step from the previous rounded values).
import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { compileRubric } from '../dist/engine/compile.js';
import { evaluateGraph } from '../dist/engine/evaluate.js';
import { templateRows } from '../dist/report/template.js';

const root = new URL('../', import.meta.url);
const { loaded, graph } = compileRubric(readFileSync(new URL('rubrics/seed-cnn.yaml', root), 'utf8'), 'seed-cnn.yaml');
const decimals = loaded.rubric.grading.decimals;

/** A filled template; numbers typed as numbers keep the decimals written through the cell's format. */
function workbook(student, answers) {
  const rows = templateRows(loaded.rubric, graph, { filled: { student, answers: new Map() } });
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  rows.forEach((row, r) => {
    const raw = answers.get(row[0]);
    if (raw === undefined || raw === null) return;
    const address = XLSX.utils.encode_cell({ r, c: 2 });
    const places = raw.split('.')[1]?.length ?? 0;
    sheet[address] = /^-?\d+(\.\d+)?$/.test(raw)
      ? { t: 'n', v: Number(raw), z: places > 0 ? `0.${'0'.repeat(places)}` : '0' }
      : { t: 's', v: raw };
  });
  sheet.B2 = { t: 's', v: student.id, z: '@' };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Answers');
  book.Props = { Title: graph.title, CreatedDate: new Date(Date.UTC(2000, 0, 1)) };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true });
}

function write(name, student, answers) {
  writeFileSync(new URL(`submissions/${name}`, root), workbook(student, answers));
  console.log(`wrote submissions/${name}`);
}

const fixed = (values, d) => new Map([...values].map(([id, v]) => [id, v.toFixed(d)]));

const hand = JSON.parse(readFileSync(new URL('submissions/sources/hand-solution.json', root), 'utf8'));
write(`${hand.student.id}_${hand.student.name}.xlsx`, hand.student, new Map(Object.entries(hand.values)));
write('2023000002_李四.xlsx', { id: '2023000002', name: '李四' }, fixed(evaluateGraph(graph), 4));
const rounded = evaluateGraph(graph, { round: (x) => Number(x.toFixed(decimals)) });
write('2023000003_王五.xlsx', { id: '2023000003', name: '王五' }, fixed(rounded, decimals));
