/** What grading needs from a rubric file, with each student's numbers pinned by a variants.csv when the rubric gives every student their own. */
import { readFile } from 'node:fs/promises';
import { compileRubric } from '../engine/compile.js';
import type { Reference } from '../grade/reference.js';
import { msg, type Language, type Say } from '../i18n/index.js';
import { decodeText } from '../ingest/text.js';
import { RubricError } from '../rubric/problems.js';
import type { PinnedVariants } from '../variants/csv.js';
import { pinnedProblems } from '../variants/draw.js';
import type { VariantValues } from '../variants/grader.js';
import { planVariants, type VariantPlan } from '../variants/plan.js';
import { UsageError, type Io } from './io.js';
import { loadPrepared, readRubricText } from './rubric-file.js';
import { commandSay, heardRubric } from './voice.js';

/**
 * What grading needs that this thread prepares once: the rubric's reference and, for a rubric with
 * variants, its plan and each student's numbers. Plain data: a reading worker gets a copy and makes
 * the same grader from it (setup-grader.ts), without compiling the rubric again.
 */
export interface GradingSetup {
  readonly reference: Reference;
  readonly variants: {
    readonly plan: VariantPlan;
    readonly values: VariantValues;
    /** `check --id`: every file graded against this student's numbers. */
    readonly studentId?: string | undefined;
  } | null;
}

/** The rubric's variant plan, or null when it has no `variants:` section (its problems are a RubricError). */
export async function loadVariantPlan(rubricPath: string, io: Io): Promise<VariantPlan | null> {
  const { loaded } = compileRubric(await readRubricText(rubricPath, io), rubricPath);
  heardRubric(io, loaded.rubric);
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
  // Loaded only for a rubric with variants: it brings the CSV reader.
  const { parseVariantsCsv } = await import('../variants/csv.js');
  const pinned = parseVariantsCsv(text.text, path, plan);
  if (pinned.byId.size === 0) throw new UsageError(pinned.problems[0] ?? msg('variants.csv.empty', { path }));
  const problems = [...pinned.problems, ...(check ? pinnedProblems(plan, pinned.byId, path) : [])];
  for (const problem of problems) io.stderr(`${say(problem)}\n`);
  return { byId: pinned.byId, problems };
}

export interface GradingOptions {
  /** `check --id`: grade against this student's numbers whatever the file says. */
  readonly studentId?: string | undefined;
  /** The command's `--lang`, for what is said about variants.csv. */
  readonly lang?: Language | undefined;
}

/**
 * What every command that grades grades with: with a `variants:` rubric, `variantsPath` is
 * required and each file is graded against its student's row; without one, it is refused.
 */
export async function loadGradingSetup(rubricPath: string, variantsPath: string | undefined, io: Io, options: GradingOptions = {}): Promise<GradingSetup> {
  const { studentId, lang } = options;
  const { reference } = await loadPrepared(rubricPath, io);
  // The rubric is compiled once; again only to place the variants section's problems in the file.
  const planned = planVariants(reference.rubric);
  const plan = planned === null ? null : planned.ok ? planned.plan : await loadVariantPlan(rubricPath, io);
  if (plan === null) {
    if (variantsPath !== undefined) throw new UsageError(msg('variants.nothingToPin', { rubric: rubricPath, path: variantsPath }));
    if (studentId !== undefined) throw new UsageError(msg('variants.idWithoutVariants', { rubric: rubricPath }));
    return { reference, variants: null };
  }
  if (variantsPath === undefined) throw new UsageError(msg('variants.needFile', { rubric: rubricPath }));
  const pinned = await readPinnedVariants(variantsPath, plan, io, commandSay(io, reference.rubric, lang));
  return { reference, variants: { plan, values: pinned.byId, studentId } };
}
