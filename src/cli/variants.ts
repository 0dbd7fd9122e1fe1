/**
 * `stepmark variants <rubric> --roster class.csv --secret-file F -o variants.csv`: every
 * student's numbers, drawn from HMAC-SHA256(secret, id), in one CSV the TA keeps.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { decodeText } from '../ingest/text.js';
import { parseRoster, type RosterEntry } from '../report/roster.js';
import { describeRedraws, createVariantDrawer, NoGoodVariantError, type RedrawReason } from '../variants/draw.js';
import { variantsCsv, type VariantRow } from '../variants/csv.js';
import { nodeHmacSha256 } from '../variants/node-hmac.js';
import { writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';
import { readSecret, type SecretOptions } from './secret.js';
import { loadVariantPlan } from './variant-grader.js';
import { redrawStudents } from './variants-redraw.js';

export interface VariantsOptions extends SecretOptions {
  /** The class list; not needed with `redraw`. */
  readonly roster?: string;
  /** Students to give new numbers in the existing output file, the others kept. */
  readonly redraw?: readonly string[];
  readonly output: string;
  readonly force?: boolean;
}

export async function variantsCommand(rubricPath: string, options: VariantsOptions, io: Io): Promise<number> {
  const redraw = options.redraw ?? [];
  if (redraw.length === 0 && options.roster === undefined) throw new UsageError('give the class list with --roster <class.csv> (or --redraw <id> to change rows of an existing file)');
  if (redraw.length === 0 && existsSync(options.output) && !options.force) {
    throw new UsageError(`${options.output} exists; pass --force to replace it, or --redraw <id> to draw some students again`);
  }
  const plan = await loadVariantPlan(rubricPath, io);
  if (plan === null) throw new UsageError(`${rubricPath} has no variants: section; every student computes the same numbers`);
  const secret = await readSecret(options);
  if (redraw.length > 0) return redrawStudents(plan, secret, options.output, redraw, io);
  const students = await readRosterFile(options.roster!, io);
  const drawer = createVariantDrawer(plan, nodeHmacSha256);
  const rows: VariantRow[] = [];
  for (const student of students) {
    try {
      rows.push({ id: student.id, name: student.name, variant: await drawer.forStudent(secret, student.id) });
    } catch (error) {
      if (!(error instanceof NoGoodVariantError)) throw error;
      throw new UsageError(`${rubricPath}: student ${student.id}: ${error.message}`);
    }
  }
  await writeAtomic(options.output, variantsCsv(plan, rows));
  io.stdout(`${summary(rows)}\nwrote ${options.output}: ${rows.length} students, ${plan.names.length} values each\n`);
  return EXIT.ok;
}

/** The roster's students (its problems printed); an unreadable or empty roster is a usage error. */
export async function readRosterFile(path: string, io: Io): Promise<readonly RosterEntry[]> {
  const bytes = await readFile(path).catch(() => {
    throw new UsageError(`${path}: cannot read the roster`);
  });
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UsageError(`${path}: not a CSV roster (it looks like ${decoded.looksLike})`);
  const roster = parseRoster(decoded.text, path);
  for (const problem of roster.problems) io.stderr(`roster: ${problem}\n`);
  if (roster.entries.length === 0) throw new UsageError(`${path}: no students on the roster`);
  return roster.entries;
}

/** How many draws the class took, and why draws were rejected. */
function summary(rows: readonly VariantRow[]): string {
  const draws = rows.map((r) => r.variant.draws).sort((a, b) => a - b);
  const reasons = new Map<RedrawReason, number>();
  for (const row of rows) for (const [reason, n] of row.variant.redrawn) reasons.set(reason, (reasons.get(reason) ?? 0) + n);
  const total = draws.reduce((a, b) => a + b, 0);
  const median = draws[Math.floor(draws.length / 2)] ?? 0;
  const why = reasons.size === 0 ? 'every first draw was good' : `draws rejected: ${describeRedraws(reasons)}`;
  return `${total} draws for ${rows.length} students (median ${median}, most ${draws.at(-1) ?? 0}); ${why}`;
}
