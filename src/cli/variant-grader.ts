/** A rubric's grader, with each student's numbers pinned by a variants.csv when the rubric gives every student their own. */
import { readFile } from 'node:fs/promises';
import { compileRubric } from '../engine/compile.js';
import type { Grader } from '../grade/grader.js';
import { msg, type Language, type Say } from '../i18n/index.js';
import { decodeText } from '../ingest/text.js';
import { RubricError } from '../rubric/problems.js';
import { parseVariantsCsv, type PinnedVariants } from '../variants/csv.js';
import { pinnedProblems } from '../variants/draw.js';
import { createVariantGrader } from '../variants/grader.js';
import { planVariants, type VariantPlan } from '../variants/plan.js';
import { UsageError, type Io } from './io.js';
import { loadGrader, readRubricText } from './rubric-file.js';
import { commandSay } from './voice.js';

/** The rubric's variant plan, or null when it has no `variants:` section (its problems are a RubricError). */
export async function loadVariantPlan(rubricPath: string, io: Io): Promise<VariantPlan | null> {
  const { loaded } = compileRubric(await readRubricText(rubricPath, io), rubricPath);
  const result = planVariants(loaded.rubric);
  if (result === null) return null;
  if (!result.ok) throw new RubricError(rubricPath, loaded.locate(result.problems));
  return result.plan;
}

/**
 * Reads variants.csv against the plan; an unreadable file or a header without the plan's columns
 * is a usage error. Every other problem is said to the TA on stderr: rows left out, and rows edited
 * by hand into numbers that are not good homework (used as written).
 */
export async function readPinnedVariants(path: string, plan: VariantPlan, io: Io, say: Say, check = true): Promise<PinnedVariants> {
  const bytes = await readFile(path).catch(() => {
    throw new UsageError(msg('variants.csv.unreadable', { path }));
  });
  const text = decodeText(bytes);
  if (!text.ok) throw new UsageError(msg('variants.csv.notCsv', { path, kind: text.looksLike }));
  const pinned = parseVariantsCsv(text.text, path, plan);
  if (pinned.byId.size === 0) throw new UsageError(pinned.problems[0] ?? msg('variants.csv.empty', { path }));
  const problems = [...pinned.problems, ...(check ? pinnedProblems(plan, pinned.byId, path) : [])];
  for (const problem of problems) io.stderr(`${say(problem)}\n`);
  return { byId: pinned.byId, problems };
}

export interface GraderOptions {
  /** A reading worker's: no word on stderr, and pinned rows not checked again. */
  readonly quiet?: boolean;
  /** `check --id`: grade against this student's numbers whatever the file says. */
  readonly studentId?: string | undefined;
  /** The command's `--lang`, for what is said about variants.csv. */
  readonly lang?: Language | undefined;
}

/**
 * The grader for `grade`, `check` and batch workers: with a `variants:` rubric, `variantsPath`
 * is required and each file is graded against its student's row; without one, it is refused.
 */
export async function loadGraderFor(rubricPath: string, variantsPath: string | undefined, io: Io, options: GraderOptions = {}): Promise<Grader> {
  const { quiet = false, studentId, lang } = options;
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
  const silent: Io = { ...io, stderr: () => {} };
  const pinned = await readPinnedVariants(variantsPath, plan, quiet ? silent : io, commandSay(io, grader.reference.rubric, lang), !quiet);
  return createVariantGrader(grader, plan, pinned.byId, { studentId });
}
