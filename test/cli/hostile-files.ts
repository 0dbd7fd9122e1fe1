/**
 * The hostile and office-suite files of issue 9, built at test time (large ones are never
 * committed): each is a function of nothing but a seed, so a failure replays.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { XLSX_SKELETON, zipOf } from '../ingest/hostile.js';
import { ROOT } from './run.js';

export const EXAMPLE = '2023000002_李四.xlsx';
export const exampleBytes = (): Buffer => readFileSync(join(ROOT, 'submissions', EXAMPLE));
const exampleBook = (): XLSX.WorkBook => XLSX.read(exampleBytes());
const writeBook = (book: XLSX.WorkBook, bookType: XLSX.BookType): Buffer => XLSX.write(book, { bookType, type: 'buffer', compression: true }) as Buffer;

/** The example answer sheet five times over (drafts kept): every label is written five times. */
export function fiveDrafts(): Buffer {
  const book = exampleBook();
  const first = book.Sheets[book.SheetNames[0]!]!;
  for (let n = 2; n <= 5; n++) XLSX.utils.book_append_sheet(book, structuredClone(first), `Draft ${n}`);
  return writeBook(book, 'xlsx');
}

/** The example with the student's name holding terminal escape sequences (retitle, clear screen). */
export const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\u001b[31m';
export function escapingName(): Buffer {
  const book = exampleBook();
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  for (const address of Object.keys(sheet)) {
    const cell = sheet[address] as XLSX.CellObject | undefined;
    if (cell?.t === 's' && cell.v === '李四') sheet[address] = { t: 's', v: `${ESCAPES}李四` };
  }
  return writeBook(book, 'xlsx');
}

/** A 1 KB ods whose one filled cell repeats over `rows` rows and `columns` columns (default ~10⁹ × 16,384). */
export function odsRepeatBomb(rows = 1_000_000_000, columns = 16_384): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S"><table:table-column table:number-columns-repeated="${columns}"/><table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${columns}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
  return zipOf([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', deflate: false },
    { name: 'content.xml', data: content },
    { name: 'styles.xml', data: '<?xml version="1.0"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>' },
    { name: 'META-INF/manifest.xml', data: '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>' },
  ]);
}

/** A small xlsx whose shared-strings part lists three million texts. */
export function sharedStringsBomb(): Uint8Array {
  const strings = '<si/>'.repeat(3_000_000);
  return zipOf([
    ...XLSX_SKELETON,
    { name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst count="3000000" uniqueCount="3000000">${strings}</sst>` },
  ]);
}

/** An xlsx whose one part inflates to 4 GB-worth of claims: 120 MB of zeros, headers saying 10 bytes. */
export function zipBomb(): Uint8Array {
  return zipOf([...XLSX_SKELETON, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(120 * 1024 * 1024), declaredSize: 10 }]);
}

/**
 * A workbook of `count` sheets, each holding `loss 0.1`. The xlsx is built part by part (SheetJS's
 * writer takes 20 s for 2,000 sheets).
 */
export function manySheets(count: number, bookType: 'xlsx' | 'ods'): Buffer {
  if (bookType === 'xlsx') return manySheetsXlsx(count);
  const book = XLSX.utils.book_new();
  for (let n = 1; n <= count; n++) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['loss', 0.1]]), `S${n}`);
  return writeBook(book, bookType);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function manySheetsXlsx(count: number): Buffer {
  const numbers = Array.from({ length: count }, (_, k) => k + 1);
  const sheets = numbers.map((n) => `<sheet name="S${n}" sheetId="${n}" r:id="rId${n}"/>`).join('');
  const relations = numbers.map((n) => `<Relationship Id="rId${n}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('');
  const types = numbers.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  const sheet = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>loss</t></is></c><c r="B1"><v>0.1</v></c></row></sheetData></worksheet>`;
  return Buffer.from(zipOf([
    { name: '[Content_Types].xml', data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${types}</Types>` },
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>${sheets}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relations}</Relationships>` },
    ...numbers.map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, data: sheet })),
  ]));
}

/** An xlsx of a million rows, each with one cell (15 MB of XML: rows and cells need no address). */
export function millionRowsXlsx(): Buffer {
  const rows = '<row><c/></row>'.repeat(1_000_000);
  return Buffer.from(zipOf([
    ...XLSX_SKELETON,
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>` },
  ]));
}

export const millionRowsCsv = (): Buffer => Buffer.from('loss,0.1\n'.repeat(1_000_000));
export const sixtyMegabyteCsv = (): Buffer => Buffer.alloc(60 * 1024 * 1024, 'w1_new,0.5\n');
/** One 10 MB line of 100,000 cells, each a label no step has. */
export const tenMegabyteLine = (): Buffer => Buffer.from(`${Array.from({ length: 100_000 }, (_, k) => `stray label ${k}`).join(',').padEnd(10_000_000, ' ')}\n`);

/** The example as German Excel saves "CSV (Trennzeichen-getrennt)": cp1252, `;`, decimal commas. */
export function germanCsv(name = 'Jürgen Müller'): Buffer {
  const book = exampleBook();
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: false, defval: '' });
  const text = rows
    .map((row) => row.map((cell) => String(cell).replace('李四', name)).map((cell) => (/^-?\d+\.\d+$/.test(cell) ? cell.replace('.', ',') : cell)).join(';'))
    .join('\r\n');
  return Buffer.from(text, 'latin1');
}

/** 200 copies of the example saved as .xls, each with 1–8 bytes past the header set at random (seeded). */
export function damagedXlsMutants(count = 200, seed = 12345): Buffer[] {
  const base = writeBook(exampleBook(), 'biff8');
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  return Array.from({ length: count }, () => {
    const bytes = Buffer.from(base);
    const changes = 1 + Math.floor(random() * 8);
    for (let j = 0; j < changes; j++) bytes[512 + Math.floor(random() * (bytes.length - 512))] = Math.floor(random() * 256);
    return bytes;
  });
}

/** A file name in GBK bytes (a Windows zip unpacked on Linux): `2023000009_张伟.xlsx`, not UTF-8. */
export const GBK_NAME = Buffer.concat([Buffer.from('2023000009_'), Buffer.from([0xd5, 0xc5, 0xce, 0xb0]), Buffer.from('.xlsx')]);
