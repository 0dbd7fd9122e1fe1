/**
 * `stepmark variants <rubric> --secret-file F -o variants.csv --redraw <id>...`: new numbers for
 * some students, every other row of the kept file left as it is. A student's new numbers are the
 * next good draw of their own stream (after the draw their row was taken from), so they too can be
 * drawn again from the secret and the id alone.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { msg, type Say } from '../i18n/index.js';
import { decodeText } from '../ingest/text.js';
import { csvRows, idColumnOf, toCsvText, variantKey } from '../variants/csv.js';
import { createVariantDrawer, describeRedraws, NoGoodVariantError } from '../variants/draw.js';
import { nodeHmacSha256 } from '../variants/node-hmac.js';
import type { VariantPlan } from '../variants/plan.js';
import { writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';
import { noGoodVariant } from './variants.js';

export async function redrawStudents(plan: VariantPlan, secret: Uint8Array, output: string, ids: readonly string[], io: Io, say: Say): Promise<number> {
  if (!existsSync(output)) throw new UsageError(msg('variants.redraw.noFile', { path: output }));
  const decoded = decodeText(await readFile(output));
  if (!decoded.ok) throw new UsageError(msg('variants.csv.notCsv', { path: output, kind: decoded.looksLike }));
  const read = csvRows(decoded.text);
  if ('problem' in read) throw new UsageError(msg('variants.csv.problem', { path: output, problem: read.problem }));
  const rows: (string | number)[][] = read.rows;
  const header = read.rows[0] ?? [];
  const idColumn = idColumnOf(header);
  const drawsColumn = header.indexOf('Draws');
  const redrawnColumn = header.indexOf('Redrawn');
  const valueColumns = plan.names.map((name) => header.indexOf(name));
  if (idColumn < 0 || drawsColumn < 0 || redrawnColumn < 0 || valueColumns.some((c) => c < 0)) {
    throw new UsageError(msg('variants.redraw.notVariantsFile', { path: output, columns: ['Student ID', 'Draws', 'Redrawn', ...plan.names] }));
  }
  const drawer = createVariantDrawer(plan, nodeHmacSha256);
  for (const id of ids) {
    const at = read.rows.findIndex((cells, k) => k > 0 && variantKey(cells[idColumn] ?? '') === variantKey(id));
    if (at < 0) throw new UsageError(msg('variants.redraw.noRow', { path: output, id }));
    const row = rows[at]!;
    const after = Number(row[drawsColumn]);
    if (!Number.isInteger(after) || after < 1) throw new UsageError(msg('variants.redraw.badDraws', { path: output, line: at + 1, column: 'Draws', text: String(row[drawsColumn]) }));
    let variant;
    try {
      variant = await drawer.forStudent(secret, String(row[idColumn]), after);
    } catch (error) {
      if (error instanceof NoGoodVariantError) throw new UsageError(noGoodVariant(output, id, error));
      throw error;
    }
    row[drawsColumn] = variant.draws;
    row[redrawnColumn] = [`asked after draw ${after}`, describeRedraws(variant.redrawn)].filter((part) => part !== '').join('; ');
    plan.names.forEach((name, k) => (row[valueColumns[k]!] = variant.values.get(name)!));
    io.stdout(`${say(msg('variants.redraw.newNumbers', { id, draw: variant.draws }))}\n`);
  }
  await writeAtomic(output, toCsvText(rows.filter((cells) => cells.some((cell) => cell !== ''))));
  io.stdout(`${say(msg('variants.redraw.wrote', { path: output, count: ids.length }))}\n`);
  return EXIT.ok;
}
