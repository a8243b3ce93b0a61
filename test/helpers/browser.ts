import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestStack } from './gateway';

// The demo page in a real headless Chromium (Debian's, driven by
// playwright-core) against a real gateway and demo upstream. `.ci/run`
// installs chromium when it is missing.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where browser tests keep their screenshots (gitignored). */
export const OUTPUT_DIR = path.resolve(__dirname, '../../test-output');
/** The demo page's page size. */
export const PAGE_SIZE = 20;
/** How long any one wait in the page may take. */
export const WAIT_MS = 10_000;

/** Launches Debian's Chromium headless; fails naming how to install it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run .ci/run, or apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export const screenshotPath = (name: string): string => path.join(OUTPUT_DIR, `${name}.png`);

/** One request the page sent: its URL and, for POSTs, its body. */
export interface PageRequest {
  url: string;
  method: string;
  body: string | null;
}

export interface DemoPage {
  page: Page;
  /** Every request the page sent, in order. */
  requests: PageRequest[];
  /** Uncaught exceptions and console errors (a CSP violation is one). */
  errors: string[];
}

// The little of the DOM the page functions use (the project compiles without lib.dom).
interface BrowserElement {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<BrowserElement>;
  textContent: string | null;
}
interface BrowserGlobals {
  document: {
    getElementById(id: string): BrowserElement | null;
    querySelectorAll(selector: string): ArrayLike<BrowserElement>;
  };
}

/** Waits (with a deadline) until the list shows exactly these numbers, in this order, and is idle. */
export async function waitForRows(page: Page, expected: string[]): Promise<void> {
  await page.waitForFunction((wanted) => {
    const list = (globalThis as unknown as BrowserGlobals).document.getElementById('numbers');
    if (!list || list.getAttribute('aria-busy') !== 'false') return false;
    const shown = Array.from(list.querySelectorAll('li.number'), (item) => item.getAttribute('data-id'));
    return JSON.stringify(shown) === JSON.stringify(wanted);
  }, expected);
}

/**
 * Waits until the page's other start-up reads are on screen: the agents in
 * the pickers, this month's allowance, the linked Twilio accounts. (Tests
 * that inject a fault must not have it taken by one of these.)
 */
export async function waitForConsole(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as BrowserGlobals;
    const options = (id: string) => document.getElementById(id)?.querySelectorAll('option').length ?? 0;
    const usage = document.getElementById('usage-text')?.textContent ?? '';
    return options('provision-agent') > 1 && options('import-account') > 2 && /left this month$/.test(usage);
  });
}

/**
 * Opens the demo page in a new tab of `browser` and waits for its first list
 * (the stack's first page) and its start-up reads. `pages` collects the tab
 * so the test file can close it after each test.
 */
export async function openDemoPage(browser: Browser, stack: TestStack, pages: Page[]): Promise<DemoPage> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  pages.push(page);
  page.setDefaultTimeout(WAIT_MS);
  const requests: PageRequest[] = [];
  const errors: string[] = [];
  page.on('request', (request) =>
    requests.push({ url: request.url(), method: request.method(), body: request.postData() }),
  );
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${stack.url}/`);
  await waitForRows(
    page,
    stack.upstream.records.slice(0, PAGE_SIZE).map((record) => record.id),
  );
  await waitForConsole(page);
  return { page, requests, errors };
}
