/** A rubric's grader, with each student's numbers pinned by a variants.csv when the rubric gives every student their own. */
import { readFile } from 'node:fs/promises';
import { compileRubric } from '../engine/compile.js';
import type { Grader } from '../grade/grader.js';
import { RubricError } from '../rubric/problems.js';
import { parseVariantsCsv, type PinnedVariants } from '../variants/csv.js';
import { createVariantGrader } from '../variants/grader.js';
import { pinnedProblems } from '../variants/draw.js';
import { planVariants, type VariantPlan } from '../variants/plan.js';
import { decodeText } from '../ingest/text.js';
import { msg } from '../i18n/index.js';
import { UsageError, type Io } from './io.js';
import { loadGrader, readRubricText } from './rubric-file.js';

/** The rubric's variant plan, or null when it has no `variants:` section (its problems are a RubricError). */
export async function loadVariantPlan(rubricPath: string, io: Io): Promise<VariantPlan | null> {
  const { loaded } = compileRubric(await readRubricText(rubricPath, io), rubricPath);
  const result = planVariants(loaded.rubric);
  if (result === null) return null;
  if (!result.ok) throw new RubricError(rubricPath, loaded.locate(result.problems));
  return result.plan;
}

/** Reads variants.csv against the plan; an unreadable file or a header without the plan's columns is a usage error. */
export async function readPinnedVariants(path: string, plan: VariantPlan, check = true): Promise<PinnedVariants> {
  const bytes = await readFile(path).catch(() => {
    throw new UsageError(`${path}: the variants file cannot be read`);
  });
  const text = decodeText(bytes);
  if (!text.ok) throw new UsageError(`${path}: not a CSV file (it looks like ${text.looksLike})`);
  const pinned = parseVariantsCsv(text.text, path, plan);
  if (pinned.byId.size === 0) throw new UsageError(pinned.problems[0] ?? `${path}: no student has numbers in it`);
  // Rows edited by hand are used as written, with a word about any that is not good homework.
  const unchecked = !check ? [] : pinnedProblems(plan, pinned.byId).map((problem) => `${path}: ${problem} The numbers are used as written.`);
  return { byId: pinned.byId, problems: [...pinned.problems, ...unchecked] };
}

/**
 * The grader for `grade`, `check` and batch workers: with a `variants:` rubric, `variantsPath`
 * is required and each file is graded against its student's row; without one, it is refused.
 */
export async function loadGraderFor(rubricPath: string, variantsPath: string | undefined, io: Io, quiet = false, studentId?: string): Promise<Grader> {
  const grader = await loadGrader(rubricPath, io);
  // The rubric is compiled once; again only to place the variants section's problems in the file.
  const planned = planVariants(grader.reference.rubric);
  const plan = planned === null ? null : planned.ok ? planned.plan : await loadVariantPlan(rubricPath, io);
  if (plan === null) {
    if (variantsPath !== undefined) throw new UsageError(msg('variants.nothingToPin', { rubric: rubricPath, path: variantsPath }));
    if (studentId !== undefined) throw new UsageError(msg('variants.idWithoutVariants', { rubric: rubricPath }));
    return grader;
  }
  if (variantsPath === undefined) throw new UsageError(msg('variants.needFile', { rubric: rubricPath }));
  const pinned = await readPinnedVariants(variantsPath, plan, !quiet);
  if (!quiet) for (const problem of pinned.problems) io.stderr(`${problem}\n`);
  return createVariantGrader(grader, plan, pinned.byId, { studentId });
}
