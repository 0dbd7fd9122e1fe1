/**
 * `stepmark template <rubric> --roster class.csv -o <folder> [--variants variants.csv]`: one
 * template per student, their id and name filled in, and a one-page problem sheet PDF with their
 * numbers (their own, with a variants rubric; pinned by variants.csv), in the template's givens
 * and on the sheet.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildNetwork } from '../engine/network.js';
import { renderProblemSheetPdf } from '../report/problem-sheet.js';
import { reportFileName, uniqueNames } from '../report/sanitize.js';
import { templateWorkbook } from '../report/template.js';
import type { Rubric } from '../rubric/schema.js';
import { variantKey } from '../variants/csv.js';
import { variantRubric } from '../variants/draw.js';
import { compileRubric } from '../engine/compile.js';
import { writeAtomic } from './files.js';
import { gradingDate } from './grading-date.js';
import { EXIT, UsageError, type Io } from './io.js';
import { readRubricText } from './rubric-file.js';
import { loadVariantPlan, readPinnedVariants } from './variant-grader.js';
import { readRosterFile } from './variants.js';
import { commandVoice } from './voice.js';
import { msg, sayWith, type Language } from '../i18n/index.js';

export interface TemplateRosterOptions {
  readonly roster: string;
  readonly output: string;
  readonly variants?: string;
  readonly force?: boolean;
  /** YYYY-MM-DD in the PDFs' metadata; default: SOURCE_DATE_EPOCH or today. */
  readonly date?: string;
  readonly lang?: Language;
}

export async function templateRosterCommand(rubricPath: string, options: TemplateRosterOptions, io: Io): Promise<number> {
  const { loaded } = compileRubric(await readRubricText(rubricPath, io), rubricPath);
  const voice = commandVoice(io, loaded.rubric, options.lang);
  const say = sayWith(voice);
  const plan = await loadVariantPlan(rubricPath, io);
  if (plan !== null && options.variants === undefined) throw new UsageError(msg('variants.needFile', { rubric: rubricPath }));
  if (plan === null && options.variants !== undefined) throw new UsageError(msg('variants.nothingToPin', { rubric: rubricPath, path: options.variants }));
  const pinned = plan === null ? null : await readPinnedVariants(options.variants!, plan, io, say);
  const students = await readRosterFile(options.roster, io, say);
  const stems = uniqueNames(students.map((s) => reportFileName(s.id, 'student', '')));
  await mkdir(options.output, { recursive: true });
  const date = gradingDate(options.date);
  let written = 0;
  for (const [k, student] of students.entries()) {
    const values = pinned?.byId.get(variantKey(student.id));
    if (plan !== null && values === undefined) {
      io.stderr(`${say(msg('variants.template.noNumbers', { id: student.id, path: options.variants! }))}\n`);
      continue;
    }
    const rubric: Rubric = plan !== null && values !== undefined ? variantRubric(plan, values) : loaded.rubric;
    const built = buildNetwork(rubric);
    if (!built.ok) throw new UsageError(msg('variants.template.notNetwork', { id: student.id, path: options.variants ?? rubricPath }));
    const [xlsx, pdf] = [join(options.output, `${stems[k]}.xlsx`), join(options.output, `${stems[k]}.pdf`)];
    if (!options.force && (existsSync(xlsx) || existsSync(pdf))) throw new UsageError(msg('variants.template.exists', { path: existsSync(xlsx) ? xlsx : pdf }));
    const filled = { student: { id: student.id, name: student.name ?? '' }, answers: new Map<string, number>() };
    await writeAtomic(xlsx, templateWorkbook(rubric, built.graph, { filled, voice }));
    await writeAtomic(pdf, await renderProblemSheetPdf(rubric, student, date, voice));
    written++;
  }
  io.stdout(`${say(msg('variants.template.wrote', { count: written, folder: options.output }))}\n`);
  return written === students.length ? EXIT.ok : EXIT.someFilesFailed;
}
