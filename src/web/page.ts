/**
 * The self-check page: one HTML file holding the page's script, the grading worker's script (both
 * prebuilt by scripts/build-web.js) and the rubric. It loads nothing from anywhere: its Content
 * Security Policy forbids every fetch, so a student's file cannot leave their machine.
 */
import { PAGE_CSS } from './styles.js';
import type { PageVariants } from './variant-table.js';
import type { Lang } from './words.js';

/** What the page's script reads from the page (the `stepmark-config` block). */
export interface PageConfig {
  /** The rubric as the grader reads it (YAML or JSON text). */
  readonly rubricText: string;
  readonly rubricFile: string;
  readonly lang: Lang;
  /** A file not graded within this time is given up on, and the worker replaced. */
  readonly timeLimitMs: number;
  /** Every student's numbers, by a key of their id (a rubric with variants); absent otherwise. */
  readonly variants?: PageVariants;
}

export interface PageParts {
  readonly title: string;
  readonly config: PageConfig;
  /** The page's script (an IIFE). */
  readonly appScript: string;
  /** The grading worker's script (an IIFE), started from a Blob URL. */
  readonly workerScript: string;
}

/** Blob workers and inline scripts only; no connection, no font, no image from anywhere. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline' blob:",
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/** JSON that is safe inside a `<script>` element: no `<` can end it or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The page's script goes inline as it is, so it must not hold what would end or confuse its element. */
function inlineScript(script: string): string {
  if (/<\/script|<!--|<script/i.test(script)) throw new Error('the page script holds "</script", "<script" or "<!--" and cannot be inlined');
  return script;
}

export function pageHtml(parts: PageParts): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${parts.config.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '<noscript><p class="alert">This self-check needs JavaScript. 本页面需要启用 JavaScript。</p></noscript>',
    '<div id="app"></div>',
    `<script type="application/json" id="stepmark-config">${scriptJson(parts.config)}</script>`,
    // The worker's source as a JSON string: SheetJS holds "<!--" and "</" in its strings.
    `<script type="application/json" id="stepmark-worker">${scriptJson(parts.workerScript)}</script>`,
    `<script>${inlineScript(parts.appScript)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
