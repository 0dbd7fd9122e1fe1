/**
 * The self-check page's script: builds the page, starts the grading worker with the embedded
 * rubric, grades the file a student picks or drops, offers the template, prints, and switches
 * language. Nothing leaves the page.
 */
import type { ReportModel } from '../../report/model.js';
import type { PageConfig } from '../page.js';
import { isLang, LANGS, WORDS, type Lang, type Words } from '../words.js';
import { GradingWorker, Superseded, TimedOut } from './client.js';
import { byId, h } from './dom.js';
import type { RubricInfo, StudentLookup } from './protocol.js';
import { studentBox, studentStatus, type StudentState } from './student.js';
import { renderResult } from './render.js';

interface State {
  lang: Lang;
  info: RubricInfo | null;
  /** The last file graded, kept to grade it again in another language. */
  file: File | null;
  model: ReportModel | null;
  status: { readonly text: (w: Words) => string; readonly alert: boolean };
  /** With per-student numbers: the id as typed, what the page knows of it, and that student's templates. */
  studentId: string;
  student: StudentState;
  templates: Readonly<Record<Lang, Uint8Array>> | null;
}

const config = JSON.parse(byId('stepmark-config').textContent ?? '{}') as PageConfig;
const workerSource = JSON.parse(byId('stepmark-worker').textContent ?? '""') as string;
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
const grader = new GradingWorker(workerUrl, config, config.timeLimitMs);
const state: State = { lang: isLang(config.lang) ? config.lang : 'en', info: null, file: null, model: null, status: { text: (w) => w.starting, alert: false }, studentId: '', student: null, templates: null };

function words(): Words {
  return WORDS[state.lang];
}

function build(): void {
  const w = words();
  if (state.info !== null) document.title = state.info.titles[state.lang];
  const langButtons = LANGS.map((lang) =>
    h('button', { type: 'button', lang, 'data-lang': lang, 'aria-pressed': String(lang === state.lang) }, WORDS[lang].langName),
  );
  for (const button of langButtons) button.addEventListener('click', () => switchLang(button.dataset['lang'] ?? 'en'));
  const input = h('input', { type: 'file', id: 'file', accept: '.xlsx,.xls,.ods,.csv' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void grade(file, performance.now());
  });
  const drop = h('div', { class: 'drop', id: 'drop' }, h('label', { for: 'file' }, w.pick), input, h('p', { class: 'muted' }, w.dropHint));
  wireDrop(drop);
  const template = h('button', { type: 'button', id: 'template', ...(templates() === null ? { disabled: '' } : {}) }, state.info?.hasVariants ? w.templateOwn : w.template);
  template.addEventListener('click', downloadTemplate);
  const templateHint = state.info?.hasVariants && state.templates === null ? w.templateNeedsId : w.templateHint;
  const print = h('button', { type: 'button', id: 'print' }, w.print);
  print.addEventListener('click', () => window.print());
  const app = byId('app');
  app.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h('div', {}, h('h1', {}, state.info?.titles[state.lang] ?? document.title), h('p', { class: 'no-print' }, w.lead), h('p', { class: 'muted no-print' }, w.privacy)),
      h('div', { class: 'langs', role: 'group', 'aria-label': w.langSwitch }, ...langButtons),
    ),
    ...(state.info?.hasVariants ? [studentBox(w, state, { typed: (id) => (state.studentId = id), use: () => void useStudentId() })] : []),
    drop,
    h('div', { class: 'actions' }, template, h('span', { class: 'muted', id: 'template-hint' }, templateHint), print),
    h('p', { id: 'status', role: 'status', 'aria-live': 'polite', class: state.status.alert ? 'alert' : '' }, state.status.text(w)),
    h('main', { id: 'result', class: 'result' }, ...(state.model ? renderResult(state.model, w) : [])),
    h('footer', { class: 'muted' }, `stepmark · ${state.info?.rubricId ?? config.rubricFile}`),
  );
}

/** The id's status and the template button follow what the page knows of the id. */
function showStudent(): void {
  const w = words();
  const status = document.getElementById('id-status');
  if (status !== null) {
    const { text, alert } = studentStatus(w, state.student);
    status.textContent = text;
    status.className = alert ? 'alert' : 'muted';
  }
  const input = document.getElementById('student-id') as HTMLInputElement | null;
  if (input !== null && input.value !== state.studentId) input.value = state.studentId;
  byId('template').toggleAttribute('disabled', templates() === null);
  byId('template-hint').textContent = state.info?.hasVariants && state.templates === null ? w.templateNeedsId : w.templateHint;
}

/** Files answered so far and ids looked up: let a test, or a script, wait for the next answer. */
let lookedUp = 0;

/** Looks the typed id up; a file already given is graded again against the id's numbers. */
async function useStudentId(regrade = true): Promise<void> {
  const studentId = state.studentId.trim();
  if (studentId === '') {
    state.student = { studentId: null, known: false };
    state.templates = null;
    showStudent();
    return;
  }
  state.student = 'checking';
  showStudent();
  try {
    const reply = await grader.request((id) => ({ type: 'student', id, studentId }));
    if (reply.type === 'failed') throw new Error(reply.message);
    if (reply.type !== 'student') return;
    state.student = reply.student;
    state.templates = reply.templates;
    showStudent();
    if (!reply.student.known) {
      // A result graded against an earlier id's numbers would read as this one's.
      state.model = null;
      showResult();
      setStatus(() => ''); // the id box says so, once
    }
  } catch (error) {
    if (error instanceof Superseded) return;
    state.student = null;
    showStudent();
    setStatus((w) => `${w.brokenPage}: ${String(error instanceof Error ? error.message : error)}`, true);
  } finally {
    document.documentElement.dataset['lookedUp'] = String(++lookedUp);
  }
  const known = typeof state.student === 'object' && state.student?.known === true;
  if (regrade && known && state.file !== null) void grade(state.file, performance.now());
}

const templates = (): Readonly<Record<Lang, Uint8Array>> | null => state.info?.templates ?? state.templates;

/** Only the result changes: the controls (and the keyboard focus on them) stay. */
function showResult(): void {
  byId('result').replaceChildren(...(state.model ? renderResult(state.model, words()) : []));
}

function setStatus(text: (w: Words) => string, alert = false): void {
  state.status = { text, alert };
  const status = byId('status');
  status.textContent = text(words());
  status.className = alert ? 'alert' : '';
}

function wireDrop(drop: HTMLElement): void {
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file) void grade(file, performance.now());
  });
}

/** Files answered so far (a result or a message): lets a test, or a script, wait for the next one. */
let gradedCount = 0;

async function grade(file: File, startedAt: number): Promise<void> {
  state.file = file;
  setStatus((w) => w.reading(file.name));
  document.documentElement.dataset['grading'] = 'busy';
  try {
    const studentId = state.info?.hasVariants && state.studentId.trim() !== '' ? state.studentId.trim() : null;
    const reply = await grader.request((id) => ({ type: 'grade', id, file, lang: state.lang, gradedAt: new Date().toISOString(), studentId }));
    if (reply.type === 'failed') throw new Error(reply.message);
    if (reply.type === 'student') throw new Error('the grader answered another question');
    if (reply.type === 'no-numbers') noNumbers(reply.student);
    else {
      if (reply.student !== null) tookStudent(reply.student);
      state.model = reply.model;
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
      const score = `${reply.model.header.score}/${reply.model.header.maxScore}`;
      showResult();
      setStatus((w) => (reply.model.error === null ? w.graded(file.name, score, seconds) : `${w.couldNotRead}: ${reply.model.error}`), reply.model.error !== null);
      document.documentElement.dataset['lastGradeMs'] = String(Math.round(performance.now() - startedAt));
    }
  } catch (error) {
    if (error instanceof Superseded) return;
    state.model = null;
    showResult();
    const why = error instanceof TimedOut ? (w: Words) => `${file.name}: ${w.timedOut(config.timeLimitMs / 1000)}` : (w: Words) => `${w.couldNotRead}: ${String(error instanceof Error ? error.message : error)}`;
    setStatus(why, true);
  }
  document.documentElement.dataset['grading'] = 'done';
  document.documentElement.dataset['graded'] = String(++gradedCount);
}

/** A file with no numbers to grade it against: no id anywhere, or an id the page does not hold. */
function noNumbers(student: StudentLookup): void {
  state.model = null;
  showResult();
  tookStudent(student);
  setStatus(() => ''); // the id box above says why (needId or idUnknown), once
  if (student.studentId === null) document.getElementById('student-id')?.focus();
}

/** The id a file was graded by: shown in the field when none was typed, and its template fetched. */
function tookStudent(student: StudentLookup): void {
  const typed = state.studentId.trim();
  if (typed === '' && student.studentId !== null) state.studentId = student.studentId;
  const changed = state.student === null || state.student === 'checking' || state.student.studentId !== student.studentId;
  state.student = student;
  if (changed) state.templates = null;
  showStudent();
  if (student.known && state.templates === null) void useStudentId(false);
}

function downloadTemplate(): void {
  const made = templates();
  if (state.info === null || made === null) return;
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const url = URL.createObjectURL(new Blob([made[state.lang] as Uint8Array<ArrayBuffer>], { type }));
  // A student's own template carries their id in its name (letters, digits, - and _ only).
  const own = state.info.hasVariants && state.student !== null && state.student !== 'checking' && state.student.studentId !== null ? `-${state.student.studentId.replace(/[^\p{L}\p{N}_-]/gu, '_')}` : '';
  const link = h('a', { href: url, download: `${state.info.rubricId}${own}-template.xlsx` });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The page's words change at once; the last file is graded again so the library's messages can follow. */
function switchLang(lang: string): void {
  if (!isLang(lang) || lang === state.lang) return;
  state.lang = lang;
  document.documentElement.lang = lang;
  build();
  byId(`app`).querySelector<HTMLButtonElement>(`button[data-lang="${lang}"]`)?.focus();
  if (state.file !== null) void grade(state.file, performance.now());
}

build();
grader.start().then(
  (info) => {
    state.info = info;
    build();
    setStatus((w) => w.ready);
    document.documentElement.dataset['readyMs'] = String(Math.round(performance.now()));
    document.documentElement.dataset['ready'] = 'true';
  },
  (error: unknown) => setStatus((w) => `${w.brokenPage}: ${error instanceof Error ? error.message : String(error)}`, true),
);
