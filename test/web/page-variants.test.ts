/**
 * The self-check page of a rubric with per-student numbers, in real Chromium from file://: it asks
 * for the student id (taking the file's when none is typed), grades against that student's
 * numbers as `grade --variants` does, says clearly when an id is unknown or missing, offers the
 * student's own template, and carries neither ids nor names. Writes screenshots to reports/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/grade/result.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';
import { readSubmission } from '../../src/ingest/read.js';
import { templateWorkbook } from '../../src/report/template.js';
import { parseVariantsCsv } from '../../src/variants/csv.js';
import { variantReference } from '../../src/variants/draw.js';
import { idKey, lookUpVariant, pageVariants } from '../../src/web/variant-table.js';
import { WORDS } from '../../src/web/words.js';
import { ROOT, stepmark } from '../cli/run.js';
import { handRounded } from '../support/submissions.js';
import { seedPlan, seedVariantsText } from '../variants/fixtures.js';
import { answered, launch, shownSteps, type Browser } from './chromium.js';

const IDS = ['2023000001', '2023000002', '2023000003', '2023000004'];
const NAMES = ['王晓东', '李娜', '张伟', '刘洋'];
const work = mkdtempSync(join(tmpdir(), 'stepmark-page-variants-'));
const rubric = join(work, 'hw.yaml');
const variantsCsv = join(work, 'variants.csv');
const pagePath = join(work, 'hw-check.html');
let browser: Browser;
let pinned: ReadonlyMap<string, ReadonlyMap<string, number>>;

/** A hand-rounded solution of `id`'s numbers, with `writtenId` in the template's id field ('' for none). */
function solution(id: string, writtenId: string, name: string): string {
  const { rubric: own, graph } = variantReference(seedPlan(), pinned.get(id)!);
  const path = join(work, name);
  writeFileSync(path, templateWorkbook(own, graph, { filled: { student: { id: writtenId, name: '' }, answers: handRounded(graph, 3) } }));
  return path;
}

async function typeId(page: Page, id: string): Promise<void> {
  const before = Number((await page.getAttribute('html', 'data-looked-up')) ?? '0');
  await page.fill('#student-id', id);
  await page.click('#use-id');
  await page.waitForFunction((n) => Number(document.documentElement.dataset['lookedUp'] ?? '0') > n, before);
}

const score = async (page: Page) => (await page.textContent('#score')) ?? '';

/** The alert `text` is shown exactly once on the page (in the id box), not again below the buttons. */
async function alertOnce(page: Page, text: string): Promise<void> {
  const shown = await page.locator('.alert').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent));
  expect(shown).toEqual([text]);
  expect(await page.getAttribute('#id-status', 'class')).toBe('alert');
  expect(await page.textContent('#status')).toBe('');
}

beforeAll(async () => {
  writeFileSync(rubric, seedVariantsText());
  const roster = join(work, 'class.csv');
  writeFileSync(roster, `学号,姓名\n${IDS.map((id, k) => `${id},${NAMES[k]}`).join('\n')}\n`);
  const secret = join(work, 'secret.txt');
  writeFileSync(secret, 'a course secret of more than sixteen bytes\n');
  expect((await stepmark(['variants', rubric, '--roster', roster, '--secret-file', secret, '-o', variantsCsv])).code).toBe(0);
  pinned = parseVariantsCsv(readFileSync(variantsCsv, 'utf8'), variantsCsv, seedPlan()).byId;
  const made = await stepmark(['page', rubric, '-o', pagePath, '--variants', variantsCsv]);
  expect(made.code, made.stderr).toBe(0);
  expect(made.stdout).toContain('the numbers of 4 students are in the page');
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('page --variants', () => {
  it('refuses a rubric with variants without --variants, saying what to pass, and a rubric without variants with it', async () => {
    const without = await stepmark(['page', rubric, '-o', join(work, 'no.html')]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('pass --variants variants.csv');
    const plain = join(work, 'plain.yaml');
    writeFileSync(plain, readFileSync(join(ROOT, 'rubrics/seed-cnn.yaml')));
    const extra = await stepmark(['page', plain, '-o', join(work, 'no2.html'), '--variants', variantsCsv]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('has no variants: section');
  });

  it('carries every student\'s numbers under a salted slow hash of the id: no id, no name, not in roster order', async () => {
    const html = readFileSync(pagePath, 'utf8');
    for (const text of [...IDS, ...NAMES]) expect(html).not.toContain(text);
    const config = JSON.parse(/<script type="application\/json" id="stepmark-config">(.*?)<\/script>/s.exec(html)![1]!) as { variants: Parameters<typeof lookUpVariant>[0] };
    const table = config.variants;
    expect(Object.keys(table.rows)).toHaveLength(IDS.length);
    expect(Object.keys(table.rows)).toEqual([...Object.keys(table.rows)].sort());
    expect(table.iterations).toBeGreaterThanOrEqual(50_000);
    // The id as typed in another width, case or with spaces finds the same row (as variants.csv compares ids).
    expect([...(await lookUpVariant(table, ` ２０２３０００００２ `))!]).toEqual([...pinned.get(IDS[1]!)!]);
    expect(await lookUpVariant(table, '2023000009')).toBeNull();
    // A fresh salt per page: the same students give other keys.
    const again = await pageVariants(table.names, pinned, 1000);
    expect(again.salt).not.toBe(table.salt);
    expect(await idKey(IDS[0]!, again.salt, 1000)).not.toBe(await idKey(IDS[0]!, table.salt, 1000));
  });
});

describe('the self-check page of a rubric with variants, in Chromium', () => {
  it('takes the id from the file, grades against that student\'s numbers as grade --variants does, and offers their template', async () => {
    const page = await browser.open(pagePath);
    expect(await page.locator('tr.step').count()).toBe(0);
    expect(await page.isDisabled('#template')).toBe(true);
    const file = solution(IDS[1]!, IDS[1]!, 'mine.xlsx');
    await answered(page, () => page.setInputFiles('#file', file));
    expect(await page.inputValue('#student-id')).toBe(IDS[1]);
    await page.waitForFunction(() => !(document.getElementById('template') as HTMLButtonElement).disabled);
    expect(await page.textContent('#id-status')).toBe(WORDS['zh-CN'].idKnown(IDS[1]!));
    const json = join(work, 'cli.json');
    expect((await stepmark(['grade', rubric, file, '--variants', variantsCsv, '--json', json, '--lang', 'zh-CN'])).code).toBe(0);
    const cli = (JSON.parse(readFileSync(json, 'utf8')) as GradeReport).results[0]!;
    expect(cli.score).toBe(cli.maxScore);
    expect(await score(page)).toContain(`${cli.score}/${cli.maxScore}`);
    const shown = await shownSteps(page);
    expect(shown.map((s) => [s.id, s.status, s.message])).toEqual(cli.steps.map((s) => [s.id, s.status, s.message]));
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'reports/self-check-variants-zh.png'), fullPage: false });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#template')]);
    expect(download.suggestedFilename()).toBe(`seed-cnn-${IDS[1]}-template.xlsx`);
    const saved = join(work, 'own-template.xlsx');
    await download.saveAs(saved);
    const { graph } = variantReference(seedPlan(), pinned.get(IDS[1]!)!);
    const read = readSubmission(readFileSync(saved), saved, createLabelMatcher(graph.steps.map((s) => s.id), {}));
    expect(read.student.id).toBe(IDS[1]);
    // The template's givens are this student's numbers, not the rubric's own.
    const other = templateWorkbook(seedPlan().base, graph, {});
    expect(Buffer.from(readFileSync(saved)).equals(Buffer.from(other))).toBe(false);
    await page.close();
  });

  it('grades poorly against another student\'s id, and says clearly when an id is unknown or missing', async () => {
    const page = await browser.open(pagePath);
    const file = solution(IDS[1]!, '', 'no-id.xlsx');
    // No id typed, none in the file: the page asks for one and grades nothing.
    await answered(page, () => page.setInputFiles('#file', file));
    await alertOnce(page, WORDS['zh-CN'].needId);
    expect(await page.locator('tr.step').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('student-id');
    await page.screenshot({ path: join(ROOT, 'reports/self-check-variants-no-id-zh.png'), fullPage: false });
    // A damaged file: its reading message, not a question about the id.
    const broken = join(work, 'broken.xlsx');
    writeFileSync(broken, 'PK\u0003\u0004 not a workbook');
    await answered(page, () => page.setInputFiles('#file', broken));
    expect(await page.textContent('#status')).toMatch(new RegExp(`^${WORDS['zh-CN'].couldNotRead}`));
    expect(await page.locator('tr.step').count()).toBe(0);
    // An id the page does not hold.
    await typeId(page, '2099999999');
    expect(await page.textContent('#id-status')).toBe(WORDS['zh-CN'].idUnknown('2099999999'));
    expect(await page.getAttribute('#id-status', 'class')).toBe('alert');
    await page.screenshot({ path: join(ROOT, 'reports/self-check-variants-unknown-zh.png'), fullPage: false });
    await alertOnce(page, WORDS['zh-CN'].idUnknown('2099999999'));
    await answered(page, () => page.setInputFiles('#file', file));
    await alertOnce(page, WORDS['zh-CN'].idUnknown('2099999999'));
    // Another student's id: graded against their numbers, poorly.
    await answered(page, () => typeId(page, IDS[2]!));
    const [got, max] = (await score(page)).match(/[\d.]+\/[\d.]+/)![0].split('/').map(Number);
    // Follow-through credits what is right from the file's own earlier values (as in test/variants/draw.test.ts); few steps are right.
    expect(got! / max!).toBeLessThan(0.8);
    const steps = await shownSteps(page);
    expect(steps.filter((s) => s.status === 'correct').length).toBeLessThan(steps.length / 8);
    // Their own id: full marks; in English too.
    await answered(page, () => typeId(page, IDS[1]!));
    expect(await score(page)).toMatch(/(\d+)\/\1\b/);
    await answered(page, () => page.click('button[data-lang="en"]'));
    expect(await page.textContent('#id-status')).toBe(WORDS.en.idKnown(IDS[1]!));
    expect(await page.inputValue('#student-id')).toBe(IDS[1]);
    await page.screenshot({ path: join(ROOT, 'reports/self-check-variants-en.png'), fullPage: false });
    await typeId(page, '2099999999');
    // The result graded against the earlier id goes: it would read as this id's.
    expect(await page.locator('tr.step').count()).toBe(0);
    await alertOnce(page, WORDS.en.idUnknown('2099999999'));
    expect(await page.isDisabled('#template')).toBe(true);
    await page.screenshot({ path: join(ROOT, 'reports/self-check-variants-unknown-en.png'), fullPage: false });
    await page.close();
  });

  it('says so when the id typed is not the one the file gives, graded by the id typed', async () => {
    const page = await browser.open(pagePath);
    await typeId(page, IDS[2]!);
    const file = solution(IDS[0]!, IDS[0]!, 'named-other.xlsx');
    await answered(page, () => page.setInputFiles('#file', file));
    expect(await page.inputValue('#student-id')).toBe(IDS[2]);
    expect(await page.textContent('ul.problems')).toContain(`已按所指定的学号 ${IDS[2]} 的数字评分；文件中的学号是 ${IDS[0]}`);
    expect(await score(page)).not.toMatch(/(\d+)\/\1\b/);
    await page.screenshot({ path: join(ROOT, 'reports/self-check-variants-other-id-zh.png'), fullPage: false });
    await answered(page, () => page.click('button[data-lang="en"]'));
    expect(await page.textContent('ul.problems')).toContain(`graded against the numbers of student ${IDS[2]}, the id asked for; the file gives student id ${IDS[0]}`);
    // The file's own id: no notice, full marks.
    await answered(page, () => typeId(page, IDS[0]!));
    expect(await score(page)).toMatch(/(\d+)\/\1\b/);
    expect(await page.locator('ul.problems').count()).toBe(0);
    await page.close();
  });

  it('made no network request', () => {
    expect(browser.requests.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
