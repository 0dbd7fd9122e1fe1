/**
 * `stepmark page <rubric> -o <file.html> [--lang zh-CN|en]`: the students' self-check as one HTML
 * file. It embeds the page's scripts, prebuilt by `npm run build` (scripts/build-web.js), and the
 * rubric; it needs no bundler, and the page needs nothing else.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGrader, type Grader } from '../grade/grader.js';
import { msg } from '../i18n/index.js';
import { formatBytes } from '../ingest/limits.js';
import { pageHtml } from '../web/page.js';
import type { PageVariants } from '../web/variant-table.js';
import type { Lang } from '../web/words.js';
import { writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';
import { checkOutputFile } from './output-paths.js';
import { readRubricText } from './rubric-file.js';
import { pageVariantsFor } from './variants-page.js';
import { commandSay } from './voice.js';

/** Where the build puts the page's scripts: `dist/web-page/` from both `src/cli/` and `dist/cli/`. */
const SCRIPTS = new URL('../../dist/web-page/', import.meta.url);

/** A file not graded within this time is given up on (the batch's worker limit is 60 s; a student waits). */
export const PAGE_TIME_LIMIT_MS = 30_000;

export interface PageOptions {
  /** The language the page opens in: this, else the rubric's `language:`, else Chinese (the course's). */
  readonly lang?: Lang | undefined;
  readonly timeLimitMs?: number;
  /** Every student's numbers, for a rubric with variants (read from variants.csv). */
  readonly variants?: PageVariants | undefined;
}

/** The page's HTML for a rubric's text (throws a RubricError listing every problem). */
export async function makePage(rubricText: string, rubricPath: string, options: PageOptions): Promise<{ html: string; grader: Grader }> {
  const grader = createGrader(rubricText, rubricPath);
  const [appScript, workerScript] = await Promise.all([readScript('app.js'), readScript('worker.js')]);
  const embedded = embeddedRubric(grader, rubricText, rubricPath);
  const lang = options.lang ?? grader.reference.rubric.language ?? 'zh-CN';
  const config = { ...embedded, lang, timeLimitMs: options.timeLimitMs ?? PAGE_TIME_LIMIT_MS, ...(options.variants ? { variants: options.variants } : {}) };
  return { html: pageHtml({ title: grader.reference.graph.title, config, appScript, workerScript }), grader };
}

/**
 * The rubric as validated, written as JSON (which the YAML reader takes): the TA's comments in the
 * file stay with the TA. Should the JSON not give the very same reference, the text goes as written.
 */
function embeddedRubric(grader: Grader, rubricText: string, rubricPath: string): { rubricText: string; rubricFile: string } {
  const rubricFile = basename(rubricPath);
  const json = JSON.stringify(grader.reference.rubric, null, 1);
  const again = createGrader(json, rubricFile).reference.values;
  const same = again.size === grader.reference.values.size && [...grader.reference.values].every(([id, value]) => Object.is(again.get(id), value));
  return { rubricText: same ? json : rubricText, rubricFile };
}

async function readScript(name: string): Promise<string> {
  try {
    return await readFile(new URL(name, SCRIPTS), 'utf8');
  } catch {
    throw new UsageError(msg('cli.pageScriptsMissing', { file: `dist/web-page/${name}`, command: 'npm run build' }));
  }
}

export async function pageCommand(rubricPath: string, options: { output: string; lang?: Lang; force?: boolean; variants?: string }, io: Io): Promise<number> {
  const path = options.output;
  if (!/\.html?$/i.test(path)) throw new UsageError(msg('cli.pageFormat', { path }));
  if (existsSync(path) && !options.force) throw new UsageError(msg('cli.templateExists', { path }));
  await checkOutputFile(path, { what: 'page', createFolder: false });
  const variants = await pageVariantsFor(rubricPath, options.variants, io);
  const { html, grader } = await makePage(await readRubricText(rubricPath, io), rubricPath, { lang: options.lang, variants });
  await writeAtomic(path, html);
  const say = commandSay(io, grader.reference.rubric, options.lang);
  const said = msg('cli.wrotePage', { path, steps: grader.reference.graph.steps.length, size: formatBytes(Buffer.byteLength(html)) });
  io.stdout(`${say(said)}\n`);
  if (variants !== undefined) io.stdout(`${say(msg('variants.pageWrote', { students: Object.keys(variants.rows).length }))}\n`);
  return EXIT.ok;
}
