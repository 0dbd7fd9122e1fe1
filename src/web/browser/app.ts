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
import type { RubricInfo } from './protocol.js';
import { renderResult } from './render.js';

interface State {
  lang: Lang;
  info: RubricInfo | null;
  /** The last file graded, kept to grade it again in another language. */
  file: File | null;
  model: ReportModel | null;
  status: { readonly text: (w: Words) => string; readonly alert: boolean };
}

const config = JSON.parse(byId('stepmark-config').textContent ?? '{}') as PageConfig;
const workerSource = JSON.parse(byId('stepmark-worker').textContent ?? '""') as string;
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
const grader = new GradingWorker(workerUrl, config, config.timeLimitMs);
const state: State = { lang: isLang(config.lang) ? config.lang : 'en', info: null, file: null, model: null, status: { text: (w) => w.starting, alert: false } };

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
  const template = h('button', { type: 'button', id: 'template', ...(state.info === null ? { disabled: '' } : {}) }, w.template);
  template.addEventListener('click', downloadTemplate);
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
    drop,
    h('div', { class: 'actions' }, template, h('span', { class: 'muted' }, w.templateHint), print),
    h('p', { id: 'status', role: 'status', 'aria-live': 'polite', class: state.status.alert ? 'alert' : '' }, state.status.text(w)),
    h('main', { id: 'result', class: 'result' }, ...(state.model ? renderResult(state.model, w) : [])),
    h('footer', { class: 'muted' }, `stepmark · ${state.info?.rubricId ?? config.rubricFile}`),
  );
}

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
    const reply = await grader.request((id) => ({ type: 'grade', id, file, lang: state.lang, gradedAt: new Date().toISOString() }));
    if (reply.type === 'failed') throw new Error(reply.message);
    state.model = reply.model;
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
    const score = `${reply.model.header.score}/${reply.model.header.maxScore}`;
    showResult();
    setStatus((w) => (reply.model.error === null ? w.graded(file.name, score, seconds) : `${w.couldNotRead}: ${reply.model.error}`), reply.model.error !== null);
    document.documentElement.dataset['lastGradeMs'] = String(Math.round(performance.now() - startedAt));
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

function downloadTemplate(): void {
  if (state.info === null) return;
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const url = URL.createObjectURL(new Blob([state.info.templates[state.lang] as Uint8Array<ArrayBuffer>], { type }));
  const link = h('a', { href: url, download: `${state.info.rubricId}-template.xlsx` });
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
