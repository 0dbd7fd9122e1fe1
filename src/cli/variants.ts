/**
 * `stepmark variants <rubric> --roster class.csv --secret-file F -o variants.csv`: every
 * student's numbers, drawn from HMAC-SHA256(secret, id), in one CSV the TA keeps.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { msg, type Language, type Message, type Say } from '../i18n/index.js';
import { decodeText } from '../ingest/text.js';
import { parseRoster, type RosterEntry } from '../report/roster.js';
import { createVariantDrawer, NoGoodVariantError, redrawsNote, type RedrawReason } from '../variants/draw.js';
import { variantsCsv, type VariantRow } from '../variants/csv.js';
import { nodeHmacSha256 } from '../variants/node-hmac.js';
import { writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';
import { readSecret, type SecretOptions } from './secret.js';
import { loadVariantPlan } from './variant-grader.js';
import { redrawStudents } from './variants-redraw.js';
import { commandSay } from './voice.js';

export interface VariantsOptions extends SecretOptions {
  /** The class list; not needed with `redraw`. */
  readonly roster?: string;
  /** Students to give new numbers in the existing output file, the others kept. */
  readonly redraw?: readonly string[];
  readonly output: string;
  readonly force?: boolean;
  readonly lang?: Language | undefined;
}

export async function variantsCommand(rubricPath: string, options: VariantsOptions, io: Io): Promise<number> {
  const redraw = options.redraw ?? [];
  if (redraw.length === 0 && options.roster === undefined) throw new UsageError(msg('variants.cli.needRoster'));
  if (redraw.length === 0 && existsSync(options.output) && !options.force) throw new UsageError(msg('variants.cli.outputExists', { path: options.output }));
  const plan = await loadVariantPlan(rubricPath, io);
  if (plan === null) throw new UsageError(msg('variants.cli.noSection', { rubric: rubricPath }));
  const say = commandSay(io, plan.base, options.lang);
  const secret = await readSecret(options);
  if (redraw.length > 0) return redrawStudents(plan, secret, options.output, redraw, io, say);
  const students = await readRosterFile(options.roster!, io, say);
  const drawer = createVariantDrawer(plan, nodeHmacSha256);
  const rows: VariantRow[] = [];
  for (const student of students) {
    try {
      rows.push({ id: student.id, name: student.name, variant: await drawer.forStudent(secret, student.id) });
    } catch (error) {
      if (!(error instanceof NoGoodVariantError)) throw error;
      throw new UsageError(noGoodVariant(rubricPath, student.id, error));
    }
  }
  await writeAtomic(options.output, variantsCsv(plan, rows));
  io.stdout(`${say(summary(rows))}\n${say(msg('variants.cli.wrote', { path: options.output, students: rows.length, values: plan.names.length }))}\n`);
  return EXIT.ok;
}

/** The roster's students (its problems printed); an unreadable or empty roster is a usage error. */
export async function readRosterFile(path: string, io: Io, say: Say): Promise<readonly RosterEntry[]> {
  const bytes = await readFile(path).catch(() => {
    throw new UsageError(msg('cli.rosterUnreadable', { path }));
  });
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UsageError(msg('cli.rosterNotCsv', { path, kind: decoded.looksLike }));
  const roster = parseRoster(decoded.text, path);
  for (const problem of roster.notes ?? roster.problems) io.stderr(`${say(msg('cli.rosterProblem', { problem: say(problem) }))}\n`);
  if (roster.entries.length === 0) throw new UsageError(msg('variants.cli.noStudents', { path }));
  return roster.entries;
}

/** No good variant for a student: where, who, and what to loosen. */
export const noGoodVariant = (where: string, id: string, error: NoGoodVariantError) => msg('variants.cli.noGoodVariant', { where, id, problem: error.note });

/** How many draws the class took, and why draws were rejected. */
function summary(rows: readonly VariantRow[]): Message {
  const draws = rows.map((r) => r.variant.draws).sort((a, b) => a - b);
  const reasons = new Map<RedrawReason, number>();
  for (const row of rows) for (const [reason, n] of row.variant.redrawn) reasons.set(reason, (reasons.get(reason) ?? 0) + n);
  const total = draws.reduce((a, b) => a + b, 0);
  const median = draws[Math.floor(draws.length / 2)] ?? 0;
  const rejected = reasons.size === 0 ? null : redrawsNote(reasons);
  return msg('variants.cli.summary', { draws: total, students: rows.length, median, most: draws.at(-1) ?? 0, rejected });
}
