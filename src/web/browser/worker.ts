/**
 * The page's grading worker: the grading library itself (createGrader), bundled. It compiles the
 * embedded rubric once, then grades each file the page sends, and builds the empty template once. It
 * runs off the page's thread, so a slow file never freezes the page; the page gives up on it after
 * its time limit and starts a fresh worker.
 */
import { unreadableFile } from '../../grade/grade.js';
import { createGrader, type Grader } from '../../grade/grader.js';
import { DEFAULT_LIMITS } from '../../ingest/limits.js';
import { MESSAGES } from '../../ingest/messages.js';
import { studentFromFileName } from '../../ingest/student.js';
import { reportModel } from '../../report/model.js';
import { templateWorkbook } from '../../report/template.js';
import { isRubricError } from '../../rubric/problems.js';
import { msg, titleIn, voiceFor } from '../../i18n/index.js';
import { LANGS, type Lang } from '../words.js';
import type { GradeResult } from '../../grade/result.js';
import { createVariantGrader, studentIdOf, type VariantGrader } from '../../variants/grader.js';
import { variantKey } from '../../variants/key.js';
import { planVariants, type VariantPlan } from '../../variants/plan.js';
import { variantReference } from '../../variants/draw.js';
import { lookUpVariant, type PageVariants } from '../variant-table.js';
import type { FromWorker, StudentLookup, ToWorker } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
let grader: Grader | null = null;
/** With per-student numbers: the plan, and the page's table of every student's values. */
let variants: { readonly plan: VariantPlan; readonly table: PageVariants } | null = null;

const each = <T>(make: (lang: Lang) => T) => Object.fromEntries(LANGS.map((lang) => [lang, make(lang)])) as Record<Lang, T>;

scope.onmessage = (event) => {
  const message = event.data;
  const id = message.type === 'init' ? null : message.id;
  handle(message).catch((error: unknown) => {
    const text = isRubricError(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    scope.postMessage({ type: 'failed', id, message: text });
  });
};

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init': {
      grader = createGrader(message.rubricText, message.rubricFile);
      const { graph, rubric } = grader.reference;
      variants = variantsOf(grader, message.variants);
      const titles = each((lang) => titleIn(rubric, lang));
      // As `stepmark template --lang <lang> -o x.xlsx` writes it; with variants, each student's own (see 'student').
      const templates = variants === null ? each((lang) => templateWorkbook(rubric, graph, { voice: voiceFor(rubric, lang, null) })) : null;
      const info = { titles, rubricId: graph.rubricId, templates, hasVariants: variants !== null };
      scope.postMessage({ type: 'ready', info });
      return;
    }
    case 'grade': {
      const base = need(grader);
      const chosen = variants === null ? null : await studentGrader(base, variants, message.file, message.studentId);
      if (chosen !== null && chosen.grader === null && chosen.student !== null) return scope.postMessage({ type: 'no-numbers', id: message.id, student: chosen.student });
      const result = await gradeFile(chosen?.grader ?? base, message.file);
      const { rubric } = base.reference;
      const { graph } = chosen?.grader ? chosen.grader.referenceOf(result) : base.reference;
      // Said in the page's language, with the course's own words (the rubric's `terms`).
      const voice = voiceFor(rubric, message.lang, null);
      const model = reportModel(result, graph, { revealExpected: rubric.feedback.revealExpected, gradedAt: message.gradedAt, voice });
      scope.postMessage({ type: 'graded', id: message.id, model, student: chosen?.student ?? null });
      return;
    }
    case 'student': {
      const { plan, table } = needVariants(variants);
      const values = await lookUpVariant(table, message.studentId);
      const student = { studentId: message.studentId, known: values !== null };
      let templates = null;
      if (values !== null) {
        // As `stepmark template --roster` writes the student's own: their numbers, their id filled in.
        const { rubric, graph } = variantReference(plan, values);
        const filled = { student: { id: message.studentId.trim(), name: '' }, answers: new Map<string, number>() };
        templates = each((lang) => templateWorkbook(rubric, graph, { filled, voice: voiceFor(rubric, lang, null) }));
      }
      scope.postMessage({ type: 'student', id: message.id, student, templates });
      return;
    }
  }
}

/** As the command line reads a file from disk (cli/batch/grade-path.ts): a file past the size limit is never read. */
async function gradeFile(ready: Grader, file: File): Promise<GradeResult> {
  const limits = DEFAULT_LIMITS;
  if (file.size > limits.maxFileBytes) {
    const why = MESSAGES.tooLarge(file.size, limits.maxFileBytes);
    return unreadableFile(ready.reference, file.name, studentFromFileName(file.name), why);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    const why = msg('ingest.cannotOpen', { code: error instanceof Error ? error.name : 'unknown error' });
    return unreadableFile(ready.reference, file.name, studentFromFileName(file.name), why);
  }
  return ready.grade(bytes, file.name, limits);
}

/** The page's table read against the rubric's plan; null for a rubric without variants. */
function variantsOf(base: Grader, table: PageVariants | null): { plan: VariantPlan; table: PageVariants } | null {
  const planned = planVariants(base.reference.rubric);
  if (planned === null) return null;
  if (!planned.ok) throw new Error(planned.problems.map((p) => p.message).join('; '));
  if (table === null || table.names.join(',') !== planned.plan.names.join(',')) throw new Error('the page holds no numbers for this rubric\'s variants: make it again with "stepmark page --variants"');
  return { plan: planned.plan, table };
}

/**
 * The grader for one file: against the typed id's numbers, else the file's id's; or why there are
 * none. A file that cannot be read is graded as it is (its reading message is what the student needs).
 */
async function studentGrader(base: Grader, { plan, table }: NonNullable<typeof variants>, file: File, typed: string | null): Promise<{ student: StudentLookup | null; grader: VariantGrader | null }> {
  let studentId = typed !== null && typed.trim() !== '' ? typed.trim() : null;
  if (studentId === null) {
    const found = file.size > DEFAULT_LIMITS.maxFileBytes ? undefined : studentIdOf(base, new Uint8Array(await file.arrayBuffer()), file.name, DEFAULT_LIMITS);
    if (found === undefined) return { student: null, grader: createVariantGrader(base, plan, new Map()) };
    studentId = found;
  }
  const values = studentId === null ? null : await lookUpVariant(table, studentId);
  const student: StudentLookup = { studentId, known: values !== null };
  if (studentId === null || values === null) return { student, grader: null };
  return { student, grader: createVariantGrader(base, plan, new Map([[variantKey(studentId), values]]), { studentId }) };
}

function needVariants<T>(ready: T | null): T {
  if (ready === null) throw new Error('the page was asked for a student\'s numbers, but every student has the same');
  return ready;
}

function need(ready: Grader | null): Grader {
  if (ready === null) throw new Error('the grader was asked to grade before it was given the rubric');
  return ready;
}
