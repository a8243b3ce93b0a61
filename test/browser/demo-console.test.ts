import type { Browser, Locator, Page } from 'playwright-core';
import type { PhoneNumberRecord, TwilioProviderRecord } from '../../src/cartesia/types';
import { PAGE_SIZE, WAIT_MS, launchChromium, openDemoPage, screenshotPath, type DemoPage } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/gateway';
import { pollUntil } from '../helpers/wait';

// The demo page as a phone-number console, in a real headless Chromium
// against a real gateway and demo upstream over HTTP: every write the page
// offers, its user errors next to their fields, and failures shown. Tests
// share one stack, so each picks its numbers from the upstream's state when
// it starts and asserts on changes, not on absolute counts.

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

beforeEach(() => {
  stack.upstream.faults.clear();
  stack.upstream.clearRequests();
});

const pages: Page[] = [];
let opened: Console | undefined;
afterEach(async () => {
  const errors = opened?.errors ?? [];
  opened = undefined;
  await Promise.all(pages.splice(0).map((page) => page.close()));
  // No script error and no Content-Security-Policy violation in any flow.
  expect(errors).toEqual([]);
});

interface Console extends DemoPage {
  /** The main frame's navigations after the page loaded (a reload would add one). */
  navigations: string[];
}

/** Opens the page, waits for its list and start-up reads, and leaves a marker a reload would wipe. */
async function openConsole(): Promise<Console> {
  const demo = await openDemoPage(browser, stack, pages);
  const navigations: string[] = [];
  demo.page.on('framenavigated', (frame) => {
    if (frame === demo.page.mainFrame()) navigations.push(frame.url());
  });
  await demo.page.evaluate(() => {
    (globalThis as unknown as { consoleMarker: string }).consoleMarker = 'still here';
  });
  opened = { ...demo, navigations };
  return opened;
}

/** Passes when the page was neither reloaded nor navigated since openConsole. */
async function expectNoReload({ page, navigations }: Console): Promise<void> {
  expect(navigations).toEqual([]);
  expect(await page.evaluate(() => (globalThis as unknown as { consoleMarker?: string }).consoleMarker)).toBe(
    'still here',
  );
}

/** The GraphQL operations the page sent since request number `from`, by operation name. */
function operationsSince({ requests }: DemoPage, from: number): string[] {
  return requests
    .slice(from)
    .filter((request) => request.url === `${stack.url}/graphql` && request.body)
    .map((request) => /(?:query|mutation)\s+(\w+)/.exec(JSON.parse(request.body!).query)?.[1] ?? '?');
}

/** The `input` variable of the last mutation the page sent with this operation name. */
function lastInput({ requests }: DemoPage, operation: string): Record<string, unknown> {
  const bodies = requests.flatMap((request) => (request.body ? [JSON.parse(request.body)] : []));
  const body = bodies.reverse().find((b) => new RegExp(`mutation ${operation}\\b`).test(b.query));
  if (!body) throw new Error(`the page sent no ${operation}`);
  return body.variables.input;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The row that shows this E.164 number. */
const rowOf = (page: Page, number: string): Locator =>
  page.getByRole('listitem').filter({ has: page.getByText(number, { exact: true }) });

const upstreamRecord = (id: string): PhoneNumberRecord | undefined => stack.upstream.records.find((r) => r.id === id);

/** A number on the page's first page matching `predicate`, as the upstream has it now. */
function onFirstPage(predicate: (record: PhoneNumberRecord) => boolean, what: string): PhoneNumberRecord {
  const record = stack.upstream.records.slice(0, PAGE_SIZE).find(predicate);
  if (!record) throw new Error(`no number ${what} on the first page`);
  return record;
}

/** What the page shows as a control's error: the text of the element its aria-describedby names, when visible. */
async function errorOf(
  control: Locator,
): Promise<{ text: string | null; code: string | null; invalid: string | null }> {
  return control.evaluate((node) => {
    const element = node as unknown as {
      getAttribute(name: string): string | null;
      ownerDocument: {
        getElementById(id: string): { hidden: boolean; textContent: string; dataset: Record<string, string> } | null;
      };
    };
    const error = element.ownerDocument.getElementById(element.getAttribute('aria-describedby') ?? '');
    return {
      text: error && !error.hidden ? error.textContent : null,
      code: error?.dataset.code ?? null,
      invalid: element.getAttribute('aria-invalid'),
    };
  });
}

/** Waits until `control` shows an error (the page's answer came back). */
const errorShown = (control: Locator, what: string) =>
  pollUntil(async () => (await errorOf(control)).text !== null, what, WAIT_MS);

const writesReceived = (method: string, path?: string) =>
  stack.upstream.requests.filter((r) => r.method === method && (path === undefined || r.path === path));

const usageLeft = async (page: Page): Promise<number> => {
  const text = (await page.locator('#usage-text').textContent()) ?? '';
  const match = /^(\d+) of 10 left this month$/.exec(text);
  if (!match) throw new Error(`no usage shown: ${JSON.stringify(text)}`);
  return Number(match[1]);
};

/** A Twilio link and a number its account holds that is not imported yet. */
function importable(): { provider: TwilioProviderRecord; number: string } {
  for (const provider of stack.upstream.twilioProviders) {
    const taken = new Set(stack.upstream.records.map((record) => record.number));
    const number = stack.upstream.importableNumbers.get(provider.id)?.find((n) => !taken.has(n));
    if (number) return { provider, number };
  }
  throw new Error('nothing left to import');
}

describe('the demo console', () => {
  it('adds a number: the new row is on top, the meter drops by one, the upstream has it', async () => {
    const demo = await openConsole();
    const { page } = demo;
    const form = page.getByRole('form', { name: 'Add a number' });
    const left = await usageLeft(page);
    const agent = stack.upstream.agents.find((a) => a.name === 'Onboarding Guide')!;
    const label = `Console line ${Date.now()}`;
    const sent = demo.requests.length;

    await form.getByLabel('Label').fill(label);
    await form.getByLabel('Agent').selectOption({ label: agent.name });
    await form.getByRole('button', { name: 'Add number' }).click();

    await page.getByText(`${left - 1} of 10 left this month`).waitFor();
    const created = stack.upstream.records.find((r) => r.label === label);
    expect(created).toMatchObject({ agent: { id: agent.id }, provider: { type: 'cartesia' } });
    const first = page.locator('#numbers li.number').first();
    expect(await first.getAttribute('data-id')).toBe(created!.id);
    expect(await first.locator('.number__label').textContent()).toBe(label);
    expect(await first.locator('.number__agent').textContent()).toBe(agent.name);
    expect(await page.getByRole('status').textContent()).toBe(`Added ${created!.number} “${label}”.`);
    expect(await form.getByLabel('Label').inputValue()).toBe('');
    expect(stack.upstream.provisioningUsage.remaining).toBe(left - 1);

    const input = lastInput(demo, 'DemoProvisionPhoneNumberInput');
    expect(input).toMatchObject({ label, agentId: agent.id });
    expect(input.idempotencyKey).toMatch(UUID);
    expect(input.clientMutationId).toMatch(UUID);
    // The row came from the payload: the list was not fetched again, the page not reloaded.
    expect(operationsSince(demo, sent)).toEqual(['DemoProvisionPhoneNumberInput', 'DemoProvisioningUsage']);
    await expectNoReload(demo);
    await page.screenshot({ path: screenshotPath('console-provision') });
  });

  it('shows an empty label as an error next to the field, and nothing reaches the upstream', async () => {
    const demo = await openConsole();
    const { page } = demo;
    const form = page.getByRole('form', { name: 'Add a number' });
    const label = form.getByLabel('Label');
    const records = stack.upstream.records.length;

    await label.fill('   ');
    await form.getByRole('button', { name: 'Add number' }).click();
    await errorShown(label, 'the label error');
    expect(await errorOf(label)).toEqual({ text: 'Give the number a label.', code: 'INVALID', invalid: 'true' });
    // Focus moves to the field at fault.
    expect(
      await label.evaluate(
        (node) =>
          node === (node as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
      ),
    ).toBe(true);

    await form.getByRole('button', { name: 'Add number' }).click();
    const provisions = () => demo.requests.filter((r) => r.body?.includes('provisionPhoneNumber'));
    await pollUntil(() => provisions().length === 2, 'a second try', WAIT_MS);
    await errorShown(label, 'the label error again');
    const keys = provisions().map((r) => JSON.parse(r.body!).variables.input.idempotencyKey);
    expect(new Set(keys).size).toBe(2);

    expect(writesReceived('POST')).toEqual([]);
    expect(stack.upstream.records).toHaveLength(records);
    expect(await page.locator('#numbers li.number--new').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('console-provision-invalid') });
  });

  it('imports a number from a linked Twilio account', async () => {
    const demo = await openConsole();
    const { page } = demo;
    const { provider, number } = importable();
    const form = page.getByRole('form', { name: 'Import a Twilio number' });
    const label = `Imported ${Date.now()}`;
    const sent = demo.requests.length;

    await form.getByLabel('Label').fill(label);
    await form.getByLabel('Number (E.164)').fill(number);
    await form.getByLabel('Twilio account').selectOption(provider.id);
    await form.getByRole('button', { name: 'Import number' }).click();

    const row = rowOf(page, number);
    await row.waitFor();
    expect(await row.locator('.number__label').textContent()).toBe(label);
    expect(await row.locator('.badge').textContent()).toBe(`Twilio · ${provider.region.toUpperCase()}`);
    const imported = stack.upstream.records.find((r) => r.number === number);
    expect(imported).toMatchObject({ label, agent: null, provider: { type: 'twilio', id: provider.id } });
    expect(await page.locator('#numbers li.number').first().getAttribute('data-id')).toBe(imported!.id);
    expect(lastInput(demo, 'DemoImportPhoneNumberInput')).toMatchObject({
      label,
      number,
      providerId: provider.id,
      idempotencyKey: expect.stringMatching(UUID),
    });
    expect(operationsSince(demo, sent)).toEqual(['DemoImportPhoneNumberInput']);
    await expectNoReload(demo);
    await page.screenshot({ path: screenshotPath('console-import') });
  });

  it('refuses a number that is already imported (by account SID), next to the number field', async () => {
    const demo = await openConsole();
    const { page } = demo;
    const existing = onFirstPage((r) => r.provider.type === 'twilio', 'from Twilio');
    const link = existing.provider as TwilioProviderRecord;
    const form = page.getByRole('form', { name: 'Import a Twilio number' });

    await form.getByLabel('Label').fill('Twice');
    await form.getByLabel('Number (E.164)').fill(existing.number);
    await form.getByLabel('Twilio account').selectOption({ label: 'Another linked account (enter its SID)' });
    await form.getByLabel('Account SID').fill(link.account_sid);
    await form.getByLabel('Region').selectOption(link.region.toUpperCase());
    await form.getByRole('button', { name: 'Import number' }).click();

    const numberField = form.getByLabel('Number (E.164)');
    await errorShown(numberField, 'the number error');
    expect(await errorOf(numberField)).toEqual({
      text: 'This number is already imported.',
      code: 'ALREADY_IMPORTED',
      invalid: 'true',
    });
    expect(lastInput(demo, 'DemoImportPhoneNumberInput')).toMatchObject({
      twilioAccount: { accountSid: link.account_sid, region: link.region.toUpperCase() },
    });
    expect(writesReceived('POST')).toEqual([]);
    expect(stack.upstream.records.filter((r) => r.number === existing.number)).toHaveLength(1);
    await page.screenshot({ path: screenshotPath('console-import-duplicate') });
  });

  it('relabels a number inline: the row changes in place, without a reload or a list refetch', async () => {
    const demo = await openConsole();
    const { page } = demo;
    const record = onFirstPage((r) => r.label !== null, 'with a label');
    const row = rowOf(page, record.number);
    const label = `Relabelled ${Date.now()}`;
    const sent = demo.requests.length;

    await row.getByRole('button', { name: `Rename ${record.number}` }).click();
    const editor = row.getByRole('form', { name: `Relabel ${record.number}` });
    const input = editor.getByLabel(`Label for ${record.number}`);
    expect(await input.inputValue()).toBe(record.label);
    await input.fill(label);
    await editor.getByRole('button', { name: 'Save label' }).click();

    await row.locator('.number__label', { hasText: label }).waitFor();
    expect(await editor.count()).toBe(0);
    expect(upstreamRecord(record.id)?.label).toBe(label);
    expect(operationsSince(demo, sent)).toEqual(['DemoUpdatePhoneNumberInput']);
    await expectNoReload(demo);
    await page.screenshot({ path: screenshotPath('console-relabel') });
  });

  it('assigns an agent to a number and unassigns it again', async () => {
    const demo = await openConsole();
    const { page } = demo;
    const record = onFirstPage((r) => r.agent === null, 'unassigned');
    const agent = stack.upstream.agents.find((a) => a.name === 'Feedback Collector')!;
    const row = rowOf(page, record.number);

    await row.getByRole('button', { name: `Change agent of ${record.number}` }).click();
    let editor = row.getByRole('form', { name: `Change agent of ${record.number}` });
    await editor.getByLabel(`Agent for ${record.number}`).selectOption({ label: agent.name });
    await editor.getByRole('button', { name: 'Save agent' }).click();
    await row.locator('.number__agent', { hasText: agent.name }).waitFor();
    expect(upstreamRecord(record.id)?.agent).toEqual({ id: agent.id, name: agent.name });
    await page.screenshot({ path: screenshotPath('console-assign') });

    await row.getByRole('button', { name: `Change agent of ${record.number}` }).click();
    editor = row.getByRole('form', { name: `Change agent of ${record.number}` });
    expect(await editor.getByLabel(`Agent for ${record.number}`).inputValue()).toBe(agent.id);
    await editor.getByLabel(`Agent for ${record.number}`).selectOption({ label: 'No agent (unassigned)' });
    await editor.getByRole('button', { name: 'Save agent' }).click();
    await row.locator('.number__agent', { hasText: 'Unassigned' }).waitFor();
    expect(upstreamRecord(record.id)?.agent).toBeNull();
    expect(lastInput(demo, 'DemoUnassignAgentFromPhoneNumberInput')).toMatchObject({ phoneNumberId: record.id });
    await expectNoReload(demo);
  });

  it('refuses to delete an assigned number and says why', async () => {
    const demo = await openConsole();
    const { page } = demo;
    const record = onFirstPage((r) => r.agent !== null, 'assigned');
    const row = rowOf(page, record.number);

    await row.getByRole('button', { name: `Delete ${record.number}` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${record.number}?` });
    await dialog.getByRole('button', { name: 'Delete number' }).click();
    const reason = dialog.getByRole('alert');
    await reason.waitFor();
    expect(await reason.textContent()).toBe('Unassign the agent from this number before deleting it.');
    expect(await reason.getAttribute('data-code')).toBe('STILL_ASSIGNED');
    await page.screenshot({ path: screenshotPath('console-delete-refused') });

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await row.count()).toBe(1);
    expect(upstreamRecord(record.id)).toBeDefined();
    expect(writesReceived('DELETE')).toEqual([]);
  });

  it('deletes an unassigned number only once the dialog confirms it', async () => {
    const demo = await openConsole();
    const { page } = demo;
    const record = onFirstPage((r) => r.agent === null, 'unassigned');
    const row = rowOf(page, record.number);
    const dialog = page.getByRole('dialog', { name: `Delete ${record.number}?` });

    // Cancelled: nothing happens.
    await row.getByRole('button', { name: `Delete ${record.number}` }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(writesReceived('DELETE')).toEqual([]);
    expect(await row.count()).toBe(1);

    await row.getByRole('button', { name: `Delete ${record.number}` }).click();
    await page.screenshot({ path: screenshotPath('console-delete-confirm') });
    await dialog.getByRole('button', { name: 'Delete number' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    expect(upstreamRecord(record.id)).toBeUndefined();
    expect(writesReceived('DELETE')).toHaveLength(1);
    expect(await page.getByRole('status').textContent()).toBe(`Deleted ${record.number}.`);
    expect(await page.locator('#status').textContent()).toBe(`Showing ${PAGE_SIZE - 1} phone numbers.`);
    await expectNoReload(demo);
  });

  it('says so when a provision may or may not have happened (the answer was lost)', async () => {
    const demo = await openConsole();
    const { page } = demo;
    const form = page.getByRole('form', { name: 'Add a number' });
    const rows = await page.locator('#numbers li.number').count();
    stack.upstream.faults.inject({
      fault: { kind: 'status', status: 500, afterApply: true },
      path: '/agents/phone-numbers/provision',
      method: 'POST',
      times: 1,
    });

    await form.getByLabel('Label').fill('Lost answer');
    await form.getByRole('button', { name: 'Add number' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'Could not add the number.' });
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(
      /^Could not add the number\. Cartesia did not confirm the change, so it may or may not have happened.*\(WRITE_OUTCOME_UNKNOWN, request \S+\)$/,
    );
    // The typed label stays for the user to decide; no row was made up.
    expect(await form.getByLabel('Label').inputValue()).toBe('Lost answer');
    expect(await page.locator('#numbers li.number').count()).toBe(rows);
    expect(stack.upstream.faults.pending).toBe(0);
    await page.screenshot({ path: screenshotPath('console-fault') });
  });

  it('shows an upstream outage during a relabel, and leaves the row as it was', async () => {
    const demo = await openConsole();
    const { page } = demo;
    const record = onFirstPage((r) => r.label !== null, 'with a label');
    const row = rowOf(page, record.number);
    stack.upstream.faults.inject({
      fault: { kind: 'status', status: 503 },
      path: `/agents/phone-numbers/${record.id}`,
    });

    await row.getByRole('button', { name: `Rename ${record.number}` }).click();
    const editor = row.getByRole('form', { name: `Relabel ${record.number}` });
    await editor.getByLabel(`Label for ${record.number}`).fill('Never saved');
    await editor.getByRole('button', { name: 'Save label' }).click();

    const failure = page.getByRole('alert').filter({ hasText: `Could not relabel ${record.number}.` });
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(
      new RegExp(
        `^Could not relabel \\${record.number}\\. Cartesia failed to answer \\(HTTP 503\\).*\\(UPSTREAM_ERROR, request \\S+\\)$`,
      ),
    );
    expect(await row.locator('.number__label').textContent()).toBe(record.label);
    expect(await editor.getByLabel(`Label for ${record.number}`).inputValue()).toBe('Never saved');
    expect(upstreamRecord(record.id)?.label).toBe(record.label);
    await page.screenshot({ path: screenshotPath('console-outage') });

    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    await failure.waitFor({ state: 'hidden' });
  });
});
