import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PhoneNumberRecord } from '../../src/cartesia/types';
import { startTestStack, type TestStack } from '../helpers/gateway';

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
const OUTPUT_DIR = path.resolve(__dirname, '../../test-output');
const PAGE_SIZE = 20;
const WAIT_MS = 10_000;

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run .ci/run, or apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  mkdirSync(OUTPUT_DIR, { recursive: true });
  [stack, browser] = await Promise.all([
    startTestStack(),
    chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true }),
  ]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

beforeEach(() => stack.upstream.faults.clear());

interface DemoPage {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
}

const pages: Page[] = [];
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});

/** Opens the demo page and waits for its first list. */
async function openDemo(): Promise<DemoPage> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  pages.push(page);
  page.setDefaultTimeout(WAIT_MS);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${stack.url}/`);
  await waitForRows(page, ids(stack.upstream.records.slice(0, PAGE_SIZE)));
  return { page, requests };
}

const ids = (records: readonly PhoneNumberRecord[]) => records.map((record) => record.id);

// The little of the DOM the page functions use (the project compiles without lib.dom).
interface BrowserElement {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<BrowserElement>;
}
interface BrowserGlobals {
  document: { getElementById(id: string): BrowserElement | null };
}

/** Waits (with a deadline) until the list shows exactly these numbers, in this order, and is idle. */
async function waitForRows(page: Page, expected: string[]): Promise<void> {
  await page.waitForFunction((wanted) => {
    const list = (globalThis as unknown as BrowserGlobals).document.getElementById('numbers');
    if (!list || list.getAttribute('aria-busy') !== 'false') return false;
    const shown = Array.from(list.querySelectorAll('li.number'), (item) => item.getAttribute('data-id'));
    return JSON.stringify(shown) === JSON.stringify(wanted);
  }, expected);
}

async function rowTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(`#numbers li.number ${selector}`).allTextContents();
}

describe('the demo page', () => {
  it('lists the first page in upstream order with provider badges showing the Twilio region', async () => {
    const { page } = await openDemo();
    const records = stack.upstream.records.slice(0, PAGE_SIZE);
    expect(await rowTexts(page, '.number__e164')).toEqual(records.map((r) => r.number));
    expect(await rowTexts(page, '.badge')).toEqual(
      records.map((r) => (r.provider.type === 'twilio' ? `Twilio · ${r.provider.region.toUpperCase()}` : 'Cartesia')),
    );
    expect(await page.locator('#status').textContent()).toBe(`Showing ${PAGE_SIZE} phone numbers.`);
    expect(await page.locator('#error').isHidden()).toBe(true);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'demo-page.png'), fullPage: true });
  });

  it('searches, and shows HTML-like labels as text, never as markup', async () => {
    const { page } = await openDemo();
    await page.fill('#search', 'VIP');
    await page.click('#filters button[type=submit]');
    const matching = stack.upstream.records.filter((r) => r.label?.includes('VIP'));
    expect(matching.length).toBeGreaterThan(0);
    await waitForRows(page, ids(matching.slice(0, PAGE_SIZE)));
    const labels = await rowTexts(page, '.number__label');
    expect(new Set(labels)).toEqual(new Set(['<b>Sales</b> & "VIP"']));
    expect(await page.locator('#numbers b').count()).toBe(0);
  });

  it('filters by provider type and by agent', async () => {
    const { page } = await openDemo();
    await page.selectOption('#type', 'CARTESIA');
    const cartesia = stack.upstream.records.filter((r) => r.provider.type === 'cartesia');
    await waitForRows(page, ids(cartesia.slice(0, PAGE_SIZE)));
    expect(new Set(await rowTexts(page, '.badge'))).toEqual(new Set(['Cartesia']));

    await page.selectOption('#type', '');
    const agent = stack.upstream.records.find((r) => r.agent)!.agent!;
    await waitForRows(page, ids(stack.upstream.records.slice(0, PAGE_SIZE)));
    await page.selectOption('#agent', agent.id);
    const agentsNumbers = stack.upstream.records.filter((r) => r.agent?.id === agent.id);
    await waitForRows(page, ids(agentsNumbers.slice(0, PAGE_SIZE)));
    expect(new Set(await rowTexts(page, '.number__agent'))).toEqual(new Set([agent.name]));
  });

  it('pages forward and back with cursors, and loads more below', async () => {
    const { page, requests } = await openDemo();
    const records = stack.upstream.records;
    expect(await page.locator('#previous').isDisabled()).toBe(true);

    await page.click('#next');
    await waitForRows(page, ids(records.slice(PAGE_SIZE, 2 * PAGE_SIZE)));
    await page.click('#next');
    await waitForRows(page, ids(records.slice(2 * PAGE_SIZE, 3 * PAGE_SIZE)));
    await page.click('#previous');
    await waitForRows(page, ids(records.slice(PAGE_SIZE, 2 * PAGE_SIZE)));
    await page.click('#previous');
    await waitForRows(page, ids(records.slice(0, PAGE_SIZE)));
    await page.click('#load-more');
    await waitForRows(page, ids(records.slice(0, 2 * PAGE_SIZE)));
    expect(await page.locator('#status').textContent()).toBe(`Showing ${2 * PAGE_SIZE} phone numbers.`);

    // Everything it fetched came from the gateway's own origin; Cartesia (here
    // the demo upstream) was never called by the browser.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(`${stack.url}/`))).toEqual([]);
    expect(requests.filter((url) => url.startsWith(stack.upstream.url))).toEqual([]);
  });

  it('shows an upstream failure as a visible message, and recovers on retry', async () => {
    const { page } = await openDemo();
    stack.upstream.faults.inject({ fault: { kind: 'status', status: 500 }, times: 1 });
    await page.fill('#search', 'Support');
    await page.click('#filters button[type=submit]');
    const error = page.locator('#error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(
      /Could not load phone numbers\. Cartesia failed to answer \(HTTP 500\).*\(UPSTREAM_ERROR, request \S+\)/,
    );
    expect(await page.locator('#status').textContent()).toBe('Loading failed.');
    expect(await page.locator('#numbers li').count()).toBe(0);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'demo-page-error.png'), fullPage: true });

    await page.click('#filters button[type=submit]');
    await error.waitFor({ state: 'hidden' });
    expect(await page.locator('#numbers li').count()).toBeGreaterThan(0);
  });
});
