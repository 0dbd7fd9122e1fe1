/**
 * `page --variants variants.csv`: every student's numbers for the self-check page, keyed by a slow
 * salted hash of their id (src/web/variant-table.ts), for a rubric with variants; required there,
 * refused for a rubric without.
 */
import { compileRubric } from '../engine/compile.js';
import { msg } from '../i18n/index.js';
import { planVariants } from '../variants/plan.js';
import { pageVariants, type PageVariants } from '../web/variant-table.js';
import { UsageError, type Io } from './io.js';
import { readRubricText } from './rubric-file.js';
import { commandSay } from './voice.js';
import { loadVariantPlan, readPinnedVariants } from './variant-grader.js';

export async function pageVariantsFor(rubricPath: string, variantsPath: string | undefined, io: Io): Promise<PageVariants | undefined> {
  const { loaded } = compileRubric(await readRubricText(rubricPath, io), rubricPath);
  const planned = planVariants(loaded.rubric);
  if (planned === null) {
    if (variantsPath !== undefined) throw new UsageError(msg('variants.nothingToPin', { rubric: rubricPath, path: variantsPath }));
    return undefined;
  }
  // The variants section's problems, placed in the file.
  const plan = planned.ok ? planned.plan : await loadVariantPlan(rubricPath, io);
  if (plan === null) return undefined;
  if (variantsPath === undefined) throw new UsageError(msg('variants.pageNeedsFile', { rubric: rubricPath }));
  const pinned = await readPinnedVariants(variantsPath, plan, io, commandSay(io, loaded.rubric, undefined));
  return pageVariants(plan.names, pinned.byId);
}
