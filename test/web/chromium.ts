/** Debian's Chromium, driven by playwright-core, on pages opened from file://; every request it makes is recorded. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  /** Every URL any page, frame or worker asked for, in order. */
  readonly requests: string[];
  /** Errors thrown in a page and not caught. */
  readonly pageErrors: string[];
  open(htmlPath: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'stepmark-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    // A UTF-8 locale for the browser, whatever the tests' own: Chromium reads file names such as
    // 2023000001_王晓东.xlsx through it (in the C locale it picks nothing).
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  // Anything that would leave the machine is refused as well as recorded.
  await context.route(/^(https?|wss?|ftp):/, (route) => route.abort());
  return {
    context,
    requests,
    pageErrors,
    async open(htmlPath) {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(pathToFileURL(htmlPath).href);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The step rows the page shows, as the test compares them. */
export interface ShownStep {
  readonly id: string;
  readonly status: string;
  readonly mark: string;
  readonly word: string;
  readonly message: string;
}

export function shownSteps(page: Page): Promise<ShownStep[]> {
  return page.$$eval('tr.step', (rows) =>
    rows.map((row) => {
      const mark = row.querySelector('.mark');
      return {
        id: (row as HTMLElement).dataset['step'] ?? '',
        status: (row as HTMLElement).dataset['status'] ?? '',
        mark: mark?.querySelector('.sym')?.textContent ?? '',
        word: (mark?.textContent ?? '').replace(mark?.querySelector('.sym')?.textContent ?? '', '').trim(),
        message: row.querySelector('.message')?.textContent ?? '',
      };
    }),
  );
}

/** Runs `act` (which hands the page a file) and waits until the page has answered it. */
export async function answered(page: Page, act: () => Promise<void>): Promise<void> {
  const before = Number((await page.getAttribute('html', 'data-graded')) ?? '0');
  await act();
  await page.waitForFunction((n) => Number(document.documentElement.dataset['graded'] ?? '0') > n, before, { timeout: 30_000 });
}
