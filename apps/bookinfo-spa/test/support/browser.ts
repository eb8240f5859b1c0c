import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium): playwright-core never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser specs cannot run on this machine; undefined when they can. */
const chromiumMissing = existsSync(CHROMIUM_PATH)
  ? undefined
  : `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;

/** CI promises every test ran: .ci/run installs Chromium, so there a missing one is a failure, never a skip. */
const inCi = !['', '0', 'false'].includes(process.env.CI ?? '');

/**
 * `describe` for a browser spec. On a machine without Chromium (a fresh clone, before anyone
 * ran `apt-get install chromium`) the block is skipped with the reason in its title, which the
 * closing summary of `npm test` lists, so `npm test` passes with no manual step and says what
 * it did not run. In CI the block runs, and fails on the missing browser.
 */
export function describeInChromium(title: string, body: () => void): void {
  if (chromiumMissing !== undefined && !inCi) describe.skip(`${title} [skipped: ${chromiumMissing}]`, body);
  else describe(title, body);
}

/** Screenshots for people to look at; gitignored. */
export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'test-artifacts');

/**
 * Headless, offline-quiet Chromium. Playwright gives every launch a fresh temporary
 * --user-data-dir of its own, so no profile state leaks between runs.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

/** Uncaught errors and console errors of a page, but not the browser's own log of a failed fetch (an expected 5xx). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export interface BrowserPage {
  /** A fresh page in a fresh context for the current test. */
  readonly page: Page;
}

/**
 * Registers the hooks of a browser spec: one Chromium per file, a fresh context per test,
 * and after each test the check that the page raised no error (uncaught errors, CSP
 * violations and React warnings all land there).
 */
export function useBrowserPage(viewport = { width: 1100, height: 800 }): BrowserPage {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let errors: string[] = [];
  beforeAll(async () => {
    if (chromiumMissing !== undefined) throw new Error(`${chromiumMissing}: CI runs the browser tests, and .ci/run installs it`);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (browser === undefined) throw new Error('Chromium did not start');
    context = await browser.newContext({ viewport });
    page = await context.newPage();
    errors = collectPageErrors(page);
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });
  return {
    get page(): Page {
      if (page === undefined) throw new Error('no page outside a test');
      return page;
    },
  };
}
