/** The sheet students fill in: their id and name, then one row per step, grouped by layer. */
import * as XLSX from 'xlsx';
import type { Graph } from '../engine/graph.js';
import { renderSymbolic } from '../engine/text.js';

/** Column headings the reader looks for (see ingest/answers.ts). */
export const TEMPLATE_HEADINGS = ['Step', 'Description', 'Your value', 'How it is computed'] as const;

type Row = (string | number | null)[];

/** Answers to put in a template: for example submissions and tests. Numbers become numeric cells. */
export interface Filled {
  readonly student: { readonly id: string; readonly name: string };
  readonly answers: ReadonlyMap<string, string | number | null>;
}

export function templateRows(graph: Graph, decimals: number, filled?: Filled): Row[] {
  const rows: Row[] = [
    [graph.title],
    [`Write every value with at least ${decimals} decimals (rounded, not truncated), as a number. Keep the step names in column A.`],
    [],
    ['Student ID', filled?.student.id ?? ''],
    ['Name', filled?.student.name ?? ''],
    [],
    [...TEMPLATE_HEADINGS],
  ];
  for (const section of graph.sections) {
    rows.push([null, section.id]);
    for (const id of section.stepIds) {
      const step = graph.byId.get(id)!;
      rows.push([id, step.description, filled?.answers.get(id) ?? null, `${id} = ${renderSymbolic(step.expr)}`]);
    }
  }
  return rows;
}

/** The template as xlsx bytes. Every cell is a plain string: nothing in it is a formula. */
export function templateWorkbook(graph: Graph, decimals: number, filled?: Filled): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(templateRows(graph, decimals, filled));
  sheet['!cols'] = [{ wch: 12 }, { wch: 44 }, { wch: 14 }, { wch: 70 }];
  // Ids like 0012345 keep their zeros: the id cell is text.
  sheet['B4'] = { t: 's', v: filled?.student.id ?? '', z: '@' };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Answers');
  book.Props = { Title: graph.title, CreatedDate: new Date(Date.UTC(2000, 0, 1)) };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}
