// The self-check page in headless Chromium: its size, the time from opening it to ready (the
// grading worker started and the rubric compiled), and from dropping the handwritten example to
// its result on screen, on a fresh page (cold) and again on the same page (warm). Medians.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { makePage } from '../dist/cli/page.js';

const FRESH_PAGES = 7;
const WARM_DROPS = 7;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function drop(page, name, base64) {
  const before = Number((await page.getAttribute('html', 'data-graded')) ?? '0');
  await page.evaluate(({ name, base64 }) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { name, base64 });
  await page.waitForFunction((n) => Number(document.documentElement.dataset.graded ?? '0') > n, before);
  return Number(await page.getAttribute('html', 'data-last-grade-ms'));
}

export async function benchPage() {
  const root = new URL('../', import.meta.url);
  const rubric = new URL('rubrics/seed-cnn.yaml', root);
  const { html } = await makePage(readFileSync(rubric, 'utf8'), 'rubrics/seed-cnn.yaml', { lang: 'zh-CN' });
  const work = mkdtempSync(join(tmpdir(), 'stepmark-bench-page-'));
  const path = join(work, 'hw1-check.html');
  writeFileSync(path, html);
  const name = '2023000001_王晓东.xlsx';
  const base64 = readFileSync(new URL(`submissions/${name}`, root)).toString('base64');
  const context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const ready = [];
  const cold = [];
  const warm = [];
  try {
    for (let k = 0; k < FRESH_PAGES; k++) {
      const page = await context.newPage();
      await page.goto(pathToFileURL(path).href);
      await page.waitForSelector('html[data-ready="true"]');
      ready.push(Number(await page.getAttribute('html', 'data-ready-ms')));
      cold.push(await drop(page, name, base64));
      if (k === 0) for (let d = 0; d < WARM_DROPS; d++) warm.push(await drop(page, name, base64));
      await page.close();
    }
  } finally {
    await context.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`self-check page (seed rubric): ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB in one HTML file`);
  console.log(`  open -> ready to grade:       median ${median(ready)} ms over ${FRESH_PAGES} fresh pages`);
  console.log(`  drop -> result, fresh page:   median ${median(cold)} ms (${Math.min(...cold)}–${Math.max(...cold)})`);
  console.log(`  drop -> result, same page:    median ${median(warm)} ms over ${WARM_DROPS} drops`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPage();
