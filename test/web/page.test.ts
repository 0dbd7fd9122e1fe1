/** `stepmark page`: the HTML it writes (without a browser; test/web/page-browser.test.ts opens it). */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGrader } from '../../src/grade/grader.js';
import { pageHtml, scriptJson, type PageConfig } from '../../src/web/page.js';
import { report as enReport } from '../../src/i18n/en/report.js';
import { report as zhReport } from '../../src/i18n/zh-CN/report.js';
import { svgMarkup } from '../../src/web/svg.js';
import { WORDS } from '../../src/web/words.js';
import { ROOT, stepmark } from '../cli/run.js';
import { SEED_FILE } from '../rubric/seed.js';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'stepmark-page-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** The config block a written page carries. */
function configOf(html: string): PageConfig {
  const match = /<script type="application\/json" id="stepmark-config">(.*?)<\/script>/s.exec(html);
  if (!match) throw new Error('no config block');
  return JSON.parse(match[1]!) as PageConfig;
}

/** The page without its script blocks: the markup a browser would load things from. */
const markupOf = (html: string) => html.replace(/<script[^>]*>.*?<\/script>/gs, '<script></script>');

describe('stepmark page', () => {
  it('writes one HTML file that holds the rubric, opens in Chinese, and refers to nothing outside it', async () => {
    const out = join(folder, 'hw1-check.html');
    const { code, stdout } = await stepmark(['page', SEED_FILE, '-o', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^wrote .*hw1-check\.html: 91 steps, \d+(\.\d)? [KM]B; /);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:;`);
    expect(html).toContain("connect-src 'none'");
    const markup = markupOf(html);
    expect(markup).not.toMatch(/\b(src|href|action|srcset)\s*=/i);
    expect(markup).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(markup).not.toMatch(/@import|url\(/);
    expect(configOf(html)).toMatchObject({ lang: 'zh-CN', rubricFile: 'seed-cnn.yaml', timeLimitMs: 30_000 });
  });

  it('embeds the rubric as validated, without the TA\'s comments, grading exactly as the file does', async () => {
    const out = join(folder, 'hw1-check.html');
    await stepmark(['page', SEED_FILE, '-o', out, '--lang', 'en']);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const { rubricText } = configOf(html);
    const original = readFileSync(join(ROOT, SEED_FILE), 'utf8');
    expect(original).toContain('# one-hot');
    expect(rubricText).not.toContain('one-hot');
    const fromPage = createGrader(rubricText, 'seed-cnn.yaml');
    const fromFile = createGrader(original, 'seed-cnn.yaml');
    expect([...fromPage.reference.values]).toEqual([...fromFile.reference.values]);
    for (const name of ['2023000001_王晓东.xlsx', '2023000002_李四.xlsx', '2023000003_王五.xlsx']) {
      const bytes = readFileSync(join(ROOT, 'submissions', name));
      expect(fromPage.grade(bytes, name)).toEqual(fromFile.grade(bytes, name));
    }
  });

  it('opens in the rubric\'s language when --lang is not given', async () => {
    const out = join(folder, 'p.html');
    const text = `${readFileSync(join(ROOT, SEED_FILE), 'utf8')}\nlanguage: en\n`;
    expect((await stepmark(['page', 'english.yaml', '-o', out], { 'english.yaml': text })).code).toBe(0);
    expect(configOf(readFileSync(out, 'utf8')).lang).toBe('en');
  });

  it('never replaces a file unless --force, and writes only .html', async () => {
    const out = join(folder, 'hw1-check.html');
    writeFileSync(out, 'the TA\'s own page');
    const refused = await stepmark(['page', SEED_FILE, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('exists; pass --force');
    expect(readFileSync(out, 'utf8')).toBe('the TA\'s own page');
    expect((await stepmark(['page', SEED_FILE, '-o', out, '--force'])).code).toBe(0);
    const wrong = await stepmark(['page', SEED_FILE, '-o', join(folder, 'hw1.xlsx')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('the page is written as .html');
    expect(existsSync(join(folder, 'hw1.xlsx'))).toBe(false);
  });

  it('lists every problem of a broken rubric, as the other commands do, and writes nothing', async () => {
    const out = join(folder, 'hw1-check.html');
    const broken = 'id: x\ntitle: t\nlearningRate: fast\n';
    const result = await stepmark(['page', 'broken.yaml', '-o', out], { 'broken.yaml': broken });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.yaml:3:\d+: learningRate: /);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown language', async () => {
    const result = await stepmark(['page', SEED_FILE, '-o', join(folder, 'p.html'), '--lang', 'fr']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('zh-CN');
  });
});

describe('the page as text', () => {
  const config: PageConfig = { rubricText: 'title: "</script><!-- x"', rubricFile: 'r.yaml', lang: 'en', timeLimitMs: 1000 };

  it('keeps data that looks like markup from ending its script blocks', () => {
    const html = pageHtml({ title: '<b>&', config, appScript: 'void 0', workerScript: 'var s = "</script><!--";' });
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).not.toContain('<!--');
    expect(html).toContain('<title>&lt;b&gt;&amp;</title>');
    expect(configOf(html)).toEqual(config);
    expect(scriptJson('</script>\u2028')).toBe('"\\u003c/script>\\u2028"');
  });

  it('refuses to inline a page script that would end its own element', () => {
    expect(() => pageHtml({ title: 't', config, appScript: 'x = "</script>"', workerScript: '' })).toThrow(/cannot be inlined/);
  });

  it('draws text into the network picture as text, never as markup', () => {
    const svg = svgMarkup([{ kind: 'text', x: 1, y: 2, text: '<img onerror=x>&', font: 'bold', size: 7, color: '#000' }], 100, 50, 'a "label"');
    expect(svg).toContain('>&lt;img onerror=x&gt;&amp;</text>');
    expect(svg).toContain('aria-label="a &quot;label&quot;"');
    expect(svg).not.toContain('<img');
  });

  it('names the result\'s parts with the PDF report\'s words, in Chinese and in English', () => {
    const say = (f: unknown) => (f as () => string)();
    const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    for (const [lang, catalog] of [['zh-CN', zhReport], ['en', enReport]] as const) {
      const words = WORDS[lang];
      expect(words.steps, lang).toBe(say(catalog['report.everyStep']));
      expect(words.network, lang).toBe(say(catalog['report.network']));
      expect(words.sections, lang).toBe(say(catalog['report.scoreBySection']));
      expect(words.written, lang).toBe(capital(say(catalog['report.column.written'])));
      expect(words.expected, lang).toBe(capital(say(catalog['report.column.expected'])));
      expect(words.step, lang).toBe(capital(say(catalog['report.column.step'])));
    }
  });
});
