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
import type { FromWorker, ToWorker } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
let grader: Grader | null = null;

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
      const each = <T>(make: (lang: Lang) => T) => Object.fromEntries(LANGS.map((lang) => [lang, make(lang)])) as Record<Lang, T>;
      const titles = each((lang) => titleIn(rubric, lang));
      // As `stepmark template --lang <lang> -o x.xlsx` writes it.
      const templates = each((lang) => templateWorkbook(rubric, graph, { voice: voiceFor(rubric, lang, null) }));
      const info = { titles, rubricId: graph.rubricId, templates };
      scope.postMessage({ type: 'ready', info });
      return;
    }
    case 'grade': {
      const ready = need(grader);
      const result = await gradeFile(ready, message.file);
      const { rubric, graph } = ready.reference;
      // Said in the page's language, with the course's own words (the rubric's `terms`).
      const voice = voiceFor(rubric, message.lang, null);
      const model = reportModel(result, graph, { revealExpected: rubric.feedback.revealExpected, gradedAt: message.gradedAt, voice });
      scope.postMessage({ type: 'graded', id: message.id, model });
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

function need(ready: Grader | null): Grader {
  if (ready === null) throw new Error('the grader was asked to grade before it was given the rubric');
  return ready;
}
