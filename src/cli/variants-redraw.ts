/**
 * `stepmark variants <rubric> --secret-file F -o variants.csv --redraw <id>...`: new numbers for
 * some students, every other row of the kept file left as it is. A student's new numbers are the
 * next good draw of their own stream (after the draw their row was taken from), so they too can be
 * drawn again from the secret and the id alone.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { decodeText } from '../ingest/text.js';
import { csvRows, idColumnOf, toCsvText, variantKey } from '../variants/csv.js';
import { createVariantDrawer, describeRedraws, NoGoodVariantError } from '../variants/draw.js';
import { nodeHmacSha256 } from '../variants/node-hmac.js';
import type { VariantPlan } from '../variants/plan.js';
import { writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';

export async function redrawStudents(plan: VariantPlan, secret: Uint8Array, output: string, ids: readonly string[], io: Io): Promise<number> {
  if (!existsSync(output)) throw new UsageError(`${output}: no such file; --redraw changes rows of the variants file written before`);
  const decoded = decodeText(await readFile(output));
  const read = decoded.ok ? csvRows(decoded.text) : { problem: `not a CSV file (it looks like ${decoded.looksLike})` };
  if ('problem' in read) throw new UsageError(`${output}: ${read.problem}`);
  const rows: (string | number)[][] = read.rows;
  const header = read.rows[0] ?? [];
  const idColumn = idColumnOf(header);
  const drawsColumn = header.indexOf('Draws');
  const redrawnColumn = header.indexOf('Redrawn');
  const valueColumns = plan.names.map((name) => header.indexOf(name));
  if (idColumn < 0 || drawsColumn < 0 || redrawnColumn < 0 || valueColumns.some((c) => c < 0)) {
    throw new UsageError(`${output}:1: not a variants file of this rubric (it needs Student ID, Draws, Redrawn and ${plan.names.join(', ')})`);
  }
  const drawer = createVariantDrawer(plan, nodeHmacSha256);
  for (const id of ids) {
    const at = read.rows.findIndex((cells, k) => k > 0 && variantKey(cells[idColumn] ?? '') === variantKey(id));
    if (at < 0) throw new UsageError(`${output}: student ${id} has no row to draw again`);
    const row = rows[at]!;
    const after = Number(row[drawsColumn]);
    if (!Number.isInteger(after) || after < 1) throw new UsageError(`${output}:${at + 1}: Draws must be the whole number the variants command wrote, not "${row[drawsColumn]}"`);
    let variant;
    try {
      variant = await drawer.forStudent(secret, String(row[idColumn]), after);
    } catch (error) {
      if (error instanceof NoGoodVariantError) throw new UsageError(`student ${id}: ${error.message}`);
      throw error;
    }
    row[drawsColumn] = variant.draws;
    row[redrawnColumn] = [`asked after draw ${after}`, describeRedraws(variant.redrawn)].filter((part) => part !== '').join('; ');
    plan.names.forEach((name, k) => (row[valueColumns[k]!] = variant.values.get(name)!));
    io.stdout(`${id}: new numbers (draw ${variant.draws})\n`);
  }
  await writeAtomic(output, toCsvText(rows.filter((cells) => cells.some((cell) => cell !== ''))));
  io.stdout(`wrote ${output}: ${ids.length} student${ids.length === 1 ? '' : 's'} drawn again, the others as they were\n`);
  return EXIT.ok;
}
