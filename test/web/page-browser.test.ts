/**
 * The self-check page in real Chromium, opened from file://: it must show what the command line
 * gives for the same file, switch language, offer the template, survive bad files, and make no
 * network request. Also writes a screenshot and the page's size and speed to reports/.
 */
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makePage } from '../../src/cli/page.js';
import { formatNumber } from '../../src/engine/text.js';
import type { GradeReport, GradeResult } from '../../src/grade/result.js';
import { MARKS } from '../../src/report/terminal.js';
import { WORDS, type Lang } from '../../src/web/words.js';
import { ROOT, stepmark } from '../cli/run.js';
import { editZipPart } from '../ingest/hostile.js';
import { answered, launch, shownSteps, type Browser } from './chromium.js';

const RUBRIC = join(ROOT, 'rubrics/seed-cnn.yaml');
const HANDWRITTEN = '2023000001_王晓东.xlsx';
const work = mkdtempSync(join(tmpdir(), 'stepmark-page-'));
const pagePath = join(work, 'hw1-check.html');
let browser: Browser;
let page: Page;

/** What `stepmark grade --json` says for these files. */
async function cliResults(files: readonly string[], lang: Lang = 'zh-CN'): Promise<Map<string, GradeResult>> {
  const json = join(work, `results-${Math.random().toString(36).slice(2)}.json`);
  await stepmark(['grade', RUBRIC, ...files, '--json', json, '--lang', lang]);
  const report = JSON.parse(readFileSync(json, 'utf8')) as GradeReport;
  return new Map(report.results.map((r) => [r.file, r]));
}

async function pick(target: Page, file: string): Promise<void> {
  await answered(target, () => target.setInputFiles('#file', file));
}

/** The page's rows equal the command line's steps: same steps, marks and messages. */
async function expectSameAsCli(target: Page, cli: GradeResult, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  const shown = await shownSteps(target);
  expect(shown.map((s) => s.id).sort()).toEqual(cli.steps.map((s) => s.id).sort());
  const byId = new Map(shown.map((s) => [s.id, s]));
  for (const step of cli.steps) {
    expect(byId.get(step.id), step.id).toEqual({ id: step.id, status: step.status, mark: MARKS[step.status], word: WORDS[lang].status[step.status], message: step.message });
  }
  expect(await target.locator('ul.problems li').allTextContents()).toEqual(cli.problems);
  // The student is named once: in the result's heading, with no second row saying it again.
  const student = [cli.student.id, cli.student.name].filter((x) => x !== null).join('  ');
  if (student === '') expect(await target.textContent('dd.student')).toBe('—');
  else {
    expect(await target.textContent('#result-title')).toBe(student);
    const result = (await target.textContent('#result')) ?? '';
    expect(result.split(student).length - 1, 'the student named once').toBe(1);
  }
  const score = `${formatNumber(cli.score, 6)}/${formatNumber(cli.maxScore, 6)}`;
  expect(await target.textContent('#score')).toContain(score);
  for (const section of cli.sections) {
    const row = target.locator(`tr[data-section="${section.id}"] td.num`);
    expect(await row.textContent()).toBe(`${formatNumber(section.score, 6)}/${formatNumber(section.maxScore, 6)}`);
  }
}

beforeAll(async () => {
  const made = await stepmark(['page', RUBRIC, '-o', pagePath]);
  expect(made.code).toBe(0);
  browser = await launch();
  page = await browser.open(pagePath);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the self-check page in Chromium, from file://', () => {
  it('shows, for each example submission, every step with the mark and message `grade --json` gives', async () => {
    const files = readdirSync(join(ROOT, 'submissions')).filter((f) => /\.(xlsx|xls|ods|csv)$/.test(f)).map((f) => join(ROOT, 'submissions', f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const cli = await cliResults(files);
    for (const file of files) {
      await pick(page, file);
      await expectSameAsCli(page, cli.get(file)!);
    }
  });

  it('reads the handwritten example saved as .xls, .ods and .csv as the command line does', async () => {
    const book = XLSX.read(readFileSync(join(ROOT, 'submissions', HANDWRITTEN)), { type: 'buffer' });
    const files = (['xls', 'ods', 'csv'] as const).map((type) => {
      const path = join(work, `2023000001_王晓东.${type}`);
      writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: type === 'xls' ? 'biff8' : type }) as Buffer);
      return path;
    });
    const cli = await cliResults(files);
    for (const file of files) {
      await pick(page, file);
      expect(cli.get(file)!.error).toBeNull();
      await expectSameAsCli(page, cli.get(file)!);
    }
  });

  it('reads CSVs as Chinese Excel and WPS save them (GB18030, UTF-16) with their problems, as the command line does', async () => {
    // 学号 / 姓名 / 张三 in GB18030; a label written twice; a value that is not a number.
    const gb = Buffer.from('d1a7bac52c323032333132333435360ad0d5c3fb2cd5c5c8fd0a', 'hex');
    const rest = 'out_cc1,0.646\nout_cc1,0.7\nloss,about 0.2\ncoef_c5,"-0,026"\n';
    const gbPath = join(work, '2023123456_张三.csv');
    writeFileSync(gbPath, Buffer.concat([gb, Buffer.from(rest, 'latin1')]));
    const utf16Path = join(work, '2023123457_李雷.csv');
    writeFileSync(utf16Path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`学号\t2023123457\n姓名\t李雷\n${rest.replaceAll(',', '\t')}`, 'utf16le')]));
    const cli = await cliResults([gbPath, utf16Path]);
    for (const file of [gbPath, utf16Path]) {
      expect(cli.get(file)!.problems.length).toBeGreaterThan(0);
      expect(cli.get(file)!.steps.some((s) => s.status === 'unreadable')).toBe(true);
      await pick(page, file);
      await expectSameAsCli(page, cli.get(file)!);
    }
  });

  it('grades a file dropped on a freshly opened page; writes the screenshot, the size and the time from drop to result', async () => {
    const bytes = readFileSync(join(ROOT, 'submissions', HANDWRITTEN)).toString('base64');
    const cli = await cliResults([join(ROOT, 'submissions', HANDWRITTEN)]);
    const fresh = await browser.open(pagePath);
    await answered(fresh, () =>
      fresh.evaluate(
        ({ name, base64 }) => {
          const file = new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name);
          const data = new DataTransfer();
          data.items.add(file);
          document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        { name: HANDWRITTEN, base64: bytes },
      ),
    );
    await expectSameAsCli(fresh, [...cli.values()][0]!);
    expect(await fresh.locator('figure.network svg rect').count()).toBeGreaterThanOrEqual(91);
    // Both stamped by the page itself: load to grader ready, and drop to result shown.
    const readyMs = Number(await fresh.getAttribute('html', 'data-ready-ms'));
    const dropToResultMs = Number(await fresh.getAttribute('html', 'data-last-grade-ms'));
    expect(dropToResultMs).toBeGreaterThan(0);
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    await fresh.screenshot({ path: join(ROOT, 'reports/self-check-page.png'), fullPage: true });
    await fresh.close();
    const measured = { htmlBytes: statSync(pagePath).size, loadToReadyMs: readyMs, dropToResultMs };
    writeFileSync(join(ROOT, 'reports/self-check-page.json'), `${JSON.stringify(measured, null, 2)}\n`);
    console.log(`self-check page: ${measured.htmlBytes} bytes; load to ready ${readyMs} ms; drop to result ${dropToResultMs} ms`);
  });

  it('on a 390 px phone: the network picture keeps its size and scrolls in its box; headers and section names stay on one line', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const phone = await browser.open(pagePath);
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.click(`button[data-lang="${lang}"]`);
      await pick(phone, join(ROOT, 'submissions', HANDWRITTEN));
      const shape = await phone.evaluate(() => {
        const figure = document.querySelector('figure.network') as HTMLElement;
        const svg = figure.querySelector('svg')!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size') ?? getComputedStyle(t).fontSize.replace('px', '')) * scale);
        // The lines a cell's text is laid out on (a cell may be as tall as its row; its text is what counts).
        const oneLine = (cell: Element) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.top)));
          return tops.size <= 1 ? null : `${cell.textContent} (${tops.size} lines)`;
        };
        const tall = [...document.querySelectorAll('#result thead th, table.sections tbody th')].map(oneLine).filter((x) => x !== null);
        return { scrolls: figure.scrollWidth > figure.clientWidth, pageWidth: document.documentElement.scrollWidth, smallest: Math.min(...sizes), tall };
      });
      expect(shape.scrolls, lang).toBe(true);
      expect(shape.pageWidth, 'the page itself does not scroll sideways').toBeLessThanOrEqual(390);
      expect(shape.smallest, 'the smallest label in the picture, in CSS px').toBeGreaterThanOrEqual(9);
      expect(shape.tall, lang).toEqual([]);
      await phone.screenshot({ path: join(ROOT, `reports/self-check-phone-${lang}.png`), fullPage: true });
      await phone.close();
    }
  });

  it('switches language: its own words and the library\'s messages, as `grade --lang` says them', async () => {
    const cli = await cliResults([join(ROOT, 'submissions', HANDWRITTEN)]);
    const english = await cliResults([join(ROOT, 'submissions', HANDWRITTEN)], 'en');
    await pick(page, join(ROOT, 'submissions', HANDWRITTEN));
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('header p')).toBe(WORDS['zh-CN'].lead);
    await answered(page, () => page.getByRole('button', { name: 'English' }).click());
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('header p')).toBe(WORDS.en.lead);
    expect(await page.getAttribute('button[data-lang="en"]', 'aria-pressed')).toBe('true');
    expect(await page.textContent('#template')).toBe(WORDS.en.template);
    await expectSameAsCli(page, [...english.values()][0]!, 'en');
    await answered(page, () => page.getByRole('button', { name: '中文' }).click());
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('#template')).toBe(WORDS['zh-CN'].template);
    await expectSameAsCli(page, [...cli.values()][0]!, 'zh-CN');
  });

  it('hides expected values as `check` does, and shows them where the rubric reveals them', async () => {
    const good = join(ROOT, 'submissions', HANDWRITTEN);
    const cli = (await cliResults([good])).get(good)!;
    await pick(page, good);
    // Values with 4 significant digits or more, which cannot turn up in the page by chance.
    const telling = (value: number) => formatNumber(value, 5).replace(/\D/g, '').replace(/^0+/, '').length >= 4;
    const wrong = cli.steps.filter((s) => (s.status === 'incorrect' || s.status === 'missing') && telling(s.expected));
    expect(wrong.length).toBeGreaterThan(10);
    const text = (await page.textContent('#result'))!;
    expect(await page.locator('th.expected, td.expected').count()).toBe(0);
    for (const step of wrong) expect(text).not.toContain(formatNumber(step.expected, 5));

    const revealing = readFileSync(RUBRIC, 'utf8').replace('revealExpected: false', 'revealExpected: true');
    const path = join(work, 'revealing.html');
    writeFileSync(path, (await makePage(revealing, RUBRIC, { lang: 'en' })).html);
    const shown = await browser.open(path);
    await pick(shown, good);
    for (const step of cli.steps) {
      expect(await shown.textContent(`tr[data-step="${step.id}"] td.expected`)).toBe(formatNumber(step.expected, 5));
    }
    await shown.close();
  });

  it('offers the empty template, which grades as the command line\'s template does', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#template')]);
    const fromPage = join(work, 'template-page.xlsx');
    await download.saveAs(fromPage);
    expect(download.suggestedFilename()).toBe('seed-cnn-template.xlsx');
    const fromCli = join(work, 'template-cli.xlsx');
    expect((await stepmark(['template', RUBRIC, '-o', fromCli, '--lang', 'zh-CN'])).code).toBe(0);
    const cli = await cliResults([fromPage, fromCli]);
    const [a, b] = [cli.get(fromPage)!, cli.get(fromCli)!];
    expect(a.error).toBeNull();
    expect({ ...a, file: '' }).toEqual({ ...b, file: '' });
    expect(a.steps.every((s) => s.status === 'missing')).toBe(true);
  });

  it('shows a damaged file\'s message, as the command line words it, and then grades a good file', async () => {
    const good = join(ROOT, 'submissions', HANDWRITTEN);
    const damaged = join(work, 'damaged.xlsx');
    const bytes = readFileSync(good);
    writeFileSync(damaged, bytes.subarray(0, bytes.length >> 1));
    const cli = await cliResults([damaged, good]);
    const why = cli.get(damaged)!.error;
    expect(why).not.toBeNull();
    await pick(page, damaged);
    expect(await page.textContent('[role="alert"].file-error')).toBe(`${WORDS['zh-CN'].couldNotRead}: ${why}`);
    expect(await page.locator('tr.step').count()).toBe(0);
    await pick(page, good);
    await expectSameAsCli(page, cli.get(good)!);
  });

  it('refuses a file over the size limit with the command line\'s message', async () => {
    const huge = join(work, 'huge.xlsx');
    writeFileSync(huge, Buffer.alloc(21 * 1024 * 1024, 0x50));
    const cli = await cliResults([huge]);
    await pick(page, huge);
    expect(await page.textContent('.file-error')).toBe(`${WORDS['zh-CN'].couldNotRead}: ${cli.get(huge)!.error}`);
    expect(cli.get(huge)!.error).toMatch(/21 MB/);
    expect((await cliResults([huge], 'en')).get(huge)!.error).toBe(`too large (21 MB; the limit is ${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024} MB)`);
  });

  it('refuses a file that would take too long with the command line\'s message, and gives up on one past its time limit', async () => {
    // 135 KB that SheetJS took ~15 s to parse (4,000 rows of 1,000 cells, compressed): the reader's
    // pre-scans now refuse it before parsing, in the page as on the command line.
    const base = new Uint8Array(readFileSync(join(ROOT, 'submissions/2023000002_李四.xlsx')));
    const row = `<row>${'<c><v>1</v></c>'.repeat(1000)}</row>`;
    const slow = join(work, 'slow.xlsx');
    writeFileSync(slow, editZipPart(base, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', `<sheetData>${row.repeat(4000)}`)));
    const cli = await cliResults([slow]);
    expect(cli.get(slow)!.error).not.toBeNull();
    await pick(page, slow);
    expect(await page.textContent('.file-error')).toBe(`${WORDS['zh-CN'].couldNotRead}: ${cli.get(slow)!.error}`);
    // The page's own time limit is the last guard: with a limit no reading can meet, the file is
    // given up, said so, and the page answers the next file (from a new worker) the same way.
    const good = join(ROOT, 'submissions', HANDWRITTEN);
    const quick = join(work, 'quick-check.html');
    const made = await makePage(readFileSync(RUBRIC, 'utf8'), RUBRIC, { lang: 'en', timeLimitMs: 1 });
    writeFileSync(quick, made.html);
    const timed = await browser.open(quick);
    for (let attempt = 0; attempt < 2; attempt++) {
      const started = Date.now();
      await pick(timed, good);
      expect(Date.now() - started).toBeLessThan(12_000);
      expect(await timed.textContent('#status')).toBe(`${HANDWRITTEN}: ${WORDS.en.timedOut(0.001)}`);
    }
    await timed.close();
    await pick(page, good);
    await expectSameAsCli(page, (await cliResults([good])).get(good)!);
  });

  it('prints the result only: no controls, every step, no tinted rows', async () => {
    await pick(page, join(ROOT, 'submissions', HANDWRITTEN));
    await page.emulateMedia({ media: 'print' });
    for (const control of ['#drop', '#template', '#print', '.langs', '#status']) expect(await page.isVisible(control), control).toBe(false);
    expect(await page.isVisible('#result')).toBe(true);
    expect(await page.locator('tr.step:visible').count()).toBe(91);
    expect(await page.$eval('tr.st-incorrect > td', (cell) => getComputedStyle(cell).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.isVisible('#drop')).toBe(true);
  });

  it('can be used with the keyboard alone, with names for screen readers', async () => {
    await pick(page, join(ROOT, 'submissions', HANDWRITTEN));
    const reached: string[] = [];
    await page.focus('body');
    for (let k = 0; k < 8; k++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-lang') || ''));
    }
    expect(reached).toEqual(expect.arrayContaining(['zh-CN', 'en', 'file', 'template', 'print']));
    expect(await page.getAttribute('#status', 'role')).toBe('status');
    expect(await page.locator('label[for="file"]').textContent()).toBe(WORDS['zh-CN'].pick);
    expect(await page.getAttribute('figure.network svg', 'aria-label')).toContain('✓');
  });

  it('made no network request, could not make one, and the recorder would have seen one', async () => {
    const foreign = (url: string) => !url.startsWith('file://');
    expect(browser.requests.filter(foreign)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    // The page's Content Security Policy refuses any connection, should some code try.
    const probe = await page.evaluate(() => fetch('http://127.0.0.1:9/probe').then(() => 'fetched', () => 'refused'));
    expect(probe).toBe('refused');
    // A control: from a page without that policy, a request of the page and one of a Blob-URL
    // worker are both recorded (and aborted), so the empty list above means something.
    const control = await browser.context.newPage();
    await control.evaluate(async () => {
      await fetch('http://127.0.0.1:9/from-page').catch(() => undefined);
      const source = "fetch('http://127.0.0.1:9/from-worker').catch(() => undefined).finally(() => postMessage('done'))";
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      await new Promise((resolve) => (worker.onmessage = resolve));
    });
    await control.close();
    // The page's probe is not among them: the policy stopped it before any request was made.
    expect(browser.requests.filter(foreign)).toEqual(['http://127.0.0.1:9/from-page', 'http://127.0.0.1:9/from-worker']);
  });
});
