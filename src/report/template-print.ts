/**
 * Print setup and input prompts SheetJS's community edition does not write, added to the files
 * it wrote (unzipped and zipped again with fflate). xlsx: fit to one page wide on A4 portrait, grid
 * lines, page breaks, and a prompt on each value cell (the header row repeats through the
 * `_xlnm.Print_Titles` name SheetJS does write). ods: the same page layout, the header row as
 * the table's header rows (repeated on every page), page breaks as row styles, and the prompts
 * as content validations' help messages.
 * Each insertion checks that SheetJS wrote what it expects, so a changed writer fails loudly.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export interface PrintSetup {
  /** 0-based rows. */
  readonly headerRow: number;
  readonly breaks: readonly number[];
  /** What a value cell says when selected, for runs of rows in one column. */
  readonly prompts: readonly Prompt[];
  /** Cells of `column` whose text wraps, on rows of that many lines (ods rows get their height here). */
  readonly wrapped: { readonly column: number; readonly rows: ReadonlyMap<number, number>; readonly linePoints: number };
}

export interface Prompt {
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly title: string;
  readonly text: string;
}

/** `C41:C56` */
const a1Range = (p: Prompt): string => {
  const column = String.fromCharCode(65 + p.column); // the value column is one of the first 26
  return `${column}${p.firstRow + 1}:${column}${p.lastRow + 1}`;
};

/** Page margins in inches (also given to SheetJS as the sheet's `!margins`). */
export const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CONTENT_TYPES = '[Content_Types].xml';
/** Entry dates are fixed, so the same template gives the same bytes. */
const ENTRY_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * Rewrites some XML entries of a zipped workbook. The zip is written anew with `mimetype` first
 * and stored uncompressed, as ODF requires (SheetJS puts it anywhere, deflated), and an xlsx's
 * `[Content_Types].xml` first.
 */
function editEntries(bytes: Uint8Array, edits: Readonly<Record<string, (xml: string) => string>>): Uint8Array {
  const entries = unzipSync(bytes);
  for (const [path, edit] of Object.entries(edits)) {
    const content = entries[path];
    if (content === undefined) throw new Error(`SheetJS wrote no ${path}: cannot set up the template's printing`);
    entries[path] = strToU8(edit(strFromU8(content)));
  }
  const zip: Zippable = {};
  const mimetype = entries['mimetype'];
  if (mimetype !== undefined) zip['mimetype'] = [mimetype, { level: 0 }];
  // Readers that sniff an xlsx look for its content types first, where Office puts them.
  const first = entries[CONTENT_TYPES];
  if (first !== undefined) zip[CONTENT_TYPES] = first;
  for (const [path, content] of Object.entries(entries)) if (!(path in zip)) zip[path] = content;
  return zipSync(zip, { level: 6, mtime: ENTRY_DATE });
}

/** Inserts `text` before (or after) the first `anchor`, which must be there. */
function insertAt(xml: string, anchor: string | RegExp, text: string, where: 'before' | 'after'): string {
  const match = typeof anchor === 'string' ? { index: xml.indexOf(anchor), text: anchor } : anchorMatch(xml, anchor);
  if (match.index < 0) throw new Error(`SheetJS wrote no ${String(anchor)}: cannot set up the template's printing`);
  const at = where === 'before' ? match.index : match.index + match.text.length;
  return xml.slice(0, at) + text + xml.slice(at);
}

function anchorMatch(xml: string, anchor: RegExp): { index: number; text: string } {
  const found = anchor.exec(xml);
  return found === null ? { index: -1, text: '' } : { index: found.index, text: found[0] };
}

export function xlsxPrintSetup(bytes: Uint8Array, setup: PrintSetup): Uint8Array {
  const validations = setup.prompts.map(
    (p) =>
      `<dataValidation allowBlank="1" showInputMessage="1" promptTitle="${escapeXml(p.title.slice(0, 32))}" prompt="${escapeXml(p.text.slice(0, 255))}" sqref="${a1Range(p)}"/>`,
  );
  const breaks = setup.breaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join('');
  let wrapStyle = -1;
  return editEntries(bytes, {
    'xl/styles.xml': (xml) => {
      const count = /<cellXfs count="(\d+)">/.exec(xml);
      if (count === null) throw new Error('SheetJS wrote no <cellXfs>: cannot set up the template\'s printing');
      wrapStyle = Number(count[1]);
      const withCount = xml.replace(count[0], `<cellXfs count="${wrapStyle + 1}">`);
      return insertAt(withCount, '</cellXfs>', WRAP_XF, 'before');
    },
    'xl/worksheets/sheet1.xml': (xml) => {
      xml = wrapCells(xml, setup.wrapped, wrapStyle);
      if (xml.includes('<sheetPr')) throw new Error('SheetJS wrote a <sheetPr>: cannot set up the template\'s printing');
      let out = insertAt(xml, /<worksheet[^>]*>/, '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>', 'after');
      const beforeMargins =
        (validations.length > 0 ? `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>` : '') +
        '<printOptions gridLines="1"/>';
      out = insertAt(out, '<pageMargins', beforeMargins, 'before');
      const afterMargins =
        '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>' +
        (setup.breaks.length > 0 ? `<rowBreaks count="${setup.breaks.length}" manualBreakCount="${setup.breaks.length}">${breaks}</rowBreaks>` : '');
      return insertAt(out, /<pageMargins[^>]*\/>/, afterMargins, 'after');
    },
  });
}

const WRAP_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>';

/** Gives the wrapped cells (written unstyled by SheetJS) the wrapping style. */
function wrapCells(xml: string, wrapped: PrintSetup['wrapped'], style: number): string {
  const column = String.fromCharCode(65 + wrapped.column);
  let out = xml;
  for (const row of wrapped.rows.keys()) {
    out = insertAt(out, new RegExp(`<c r="${column}${row + 1}"(?= )`), ` s="${style}"`, 'after');
  }
  return out;
}

const cm = (inches: number): string => `${(inches * 2.54).toFixed(3)}cm`;

const PAGE_LAYOUT =
  '<office:automatic-styles><style:page-layout style:name="mp1">' +
  '<style:page-layout-properties fo:page-width="21.001cm" fo:page-height="29.7cm" style:print-orientation="portrait" ' +
  `fo:margin-left="${cm(MARGINS.left)}" fo:margin-right="${cm(MARGINS.right)}" fo:margin-top="${cm(MARGINS.header)}" fo:margin-bottom="${cm(MARGINS.footer)}" ` +
  'style:print="grid charts drawings objects zero-values" style:print-page-order="ttb" ' +
  'style:scale-to-X="1" style:scale-to-Y="0" loext:scale-to-X="1" loext:scale-to-Y="0"/>' +
  '</style:page-layout></office:automatic-styles>';

/** A row style: its height for `lines` lines of text (optimal when 0), and a page break before it or not. */
const rowStyleName = (lines: number, pageBreak: boolean): string => `ro-${lines}${pageBreak ? '-page-break' : ''}`;

function odsRowStyle(lines: number, pageBreak: boolean, linePoints: number): string {
  const height = lines === 0 ? 'style:use-optimal-row-height="true"' : `style:row-height="${(lines * linePoints * 0.03528).toFixed(3)}cm"`;
  return (
    `<style:style style:name="${rowStyleName(lines, pageBreak)}" style:family="table-row">` +
    `<style:table-row-properties fo:break-before="${pageBreak ? 'page' : 'auto'}" ${height}/></style:style>`
  );
}

const WRAP_CELL_STYLE =
  '<style:style style:name="ce-wrap" style:family="table-cell" style:parent-style-name="Default">' +
  '<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style>';

/** The row styles the template's rows use, and the wrapping cell style. */
function odsStyles(setup: PrintSetup): string {
  const styles = new Map<string, string>([[rowStyleName(0, true), odsRowStyle(0, true, 0)]]);
  for (const [row, lines] of setup.wrapped.rows) {
    const pageBreak = setup.breaks.includes(row);
    styles.set(rowStyleName(lines, pageBreak), odsRowStyle(lines, pageBreak, setup.wrapped.linePoints));
  }
  return [...styles.values()].join('') + WRAP_CELL_STYLE;
}

const LOEXT = 'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"';

export function odsPrintSetup(bytes: Uint8Array, setup: PrintSetup): Uint8Array {
  return editEntries(bytes, {
    'styles.xml': (xml) => {
      const declared = xml.includes('xmlns:loext=') ? xml : insertAt(xml, '<office:document-styles ', `${LOEXT} `, 'after');
      return insertAt(declared, '<office:master-styles>', PAGE_LAYOUT, 'before');
    },
    'content.xml': (xml) => {
      const styled = insertAt(xml, '</office:automatic-styles>', odsStyles(setup), 'before');
      return odsRows(insertAt(styled, /<table:table /, odsValidations(setup.prompts), 'before'), setup);
    },
  });
}

const validationName = (index: number): string => `stepmark-value-${index + 1}`;

/** A help message per prompt (no condition: any entry is allowed). */
function odsValidations(prompts: readonly Prompt[]): string {
  if (prompts.length === 0) return '';
  const validations = prompts.map(
    (p, i) =>
      `<table:content-validation table:name="${validationName(i)}" table:allow-empty-cell="true" table:display-list="none">` +
      `<table:help-message table:title="${escapeXml(p.title)}" table:display="true"><text:p>${escapeXml(p.text)}</text:p></table:help-message>` +
      '</table:content-validation>',
  );
  return `<table:content-validations>${validations.join('')}</table:content-validations>`;
}

/**
 * Marks the header row as the table's header rows, gives rows their height and page break, value
 * cells their prompt and wrapped cells their style. SheetJS writes every row from column A, one element per cell.
 */
function odsRows(xml: string, setup: PrintSetup): string {
  const parts = xml.split('<table:table-row');
  if (parts.length - 1 <= setup.headerRow) throw new Error('SheetJS wrote fewer rows than the template has');
  const breaks = new Set(setup.breaks);
  return (
    parts[0]! +
    parts
      .slice(1)
      .map((part, row) => {
        if (part.startsWith(' table:style-name')) throw new Error('SheetJS styled a template row');
        const prompt = setup.prompts.findIndex((p) => p.firstRow <= row && row <= p.lastRow);
        const lines = setup.wrapped.rows.get(row);
        let cells = prompt < 0 ? part : withCellAttribute(part, setup.prompts[prompt]!.column, `table:content-validation-name="${validationName(prompt)}"`);
        if (lines !== undefined) cells = withCellAttribute(cells, setup.wrapped.column, 'table:style-name="ce-wrap"');
        const style = lines !== undefined || breaks.has(row) ? ` table:style-name="${rowStyleName(lines ?? 0, breaks.has(row))}"` : '';
        const piece = `<table:table-row${style}${cells}`;
        if (row !== setup.headerRow) return piece;
        return `<table:table-header-rows>${piece.replace('</table:table-row>', '</table:table-row></table:table-header-rows>')}`;
      })
      .join('')
  );
}

/** The row's cell in `column` gets an attribute. */
function withCellAttribute(row: string, column: number, attribute: string): string {
  const cells = row.split('<table:table-cell');
  if (cells.length - 1 <= column) throw new Error('SheetJS wrote a template row without the cell to mark');
  cells[column + 1] = ` ${attribute}${cells[column + 1]!}`;
  return cells.join('<table:table-cell');
}
