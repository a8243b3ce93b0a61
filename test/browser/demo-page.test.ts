import type { Browser, Page } from 'playwright-core';
import type { PhoneNumberRecord } from '../../src/cartesia/types';
import { PAGE_SIZE, launchChromium, openDemoPage, screenshotPath, waitForRows } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/gateway';

// The demo page's list in a real headless Chromium against a real gateway
// and demo upstream: paging, search, filters, failures. The console's writes
// are in demo-console.test.ts.

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

beforeEach(() => stack.upstream.faults.clear());

const pages: Page[] = [];
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});

/** Opens the demo page and waits for its first list. */
const openDemo = () => openDemoPage(browser, stack, pages);

const ids = (records: readonly PhoneNumberRecord[]) => records.map((record) => record.id);

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
    await page.screenshot({ path: screenshotPath('demo-page'), fullPage: true });
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
    const { page, requests: sent } = await openDemo();
    const requests = sent.map((request) => request.url);
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
    await page.screenshot({ path: screenshotPath('demo-page-error'), fullPage: true });

    await page.click('#filters button[type=submit]');
    await error.waitFor({ state: 'hidden' });
    expect(await page.locator('#numbers li').count()).toBeGreaterThan(0);
  });
});
