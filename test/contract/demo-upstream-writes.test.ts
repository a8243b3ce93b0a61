// The demo upstream's write operations and List Agents, over real loopback
// HTTP: the rules the gateway team relies on (statuses, what changes and what
// does not), every answer checked against schema/cartesia-openapi.yaml, and
// the faults that make a write's answer go missing.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describeViolations } from '../../src/cartesia/contract';
import { loadOpenApiDocument } from '../../src/cartesia/openapi-document';
import type { PhoneNumberRecord, TwilioProviderRecord } from '../../src/cartesia/types';
import {
  CARTESIA_VERSION,
  IMPORTABLE_NUMBERS_PER_PROVIDER,
  startDemoUpstream,
  type DemoUpstream,
  type DemoUpstreamOptions,
} from '../../src/demo-upstream';
import { pollUntil } from '../helpers/wait';

const API_KEY = 'sk_car_contract_test_writes_0123';
const LIST = '/agents/phone-numbers';
const PROVISION = '/agents/phone-numbers/provision';
const AGENTS = '/agents';
/** The clock the upstream stamps writes with: fixed, so timestamps are exact. */
const NOW = Date.UTC(2026, 2, 14, 9, 26, 53, 589);
const NOW_ISO = '2026-03-14T09:26:53Z';

let upstream: DemoUpstream;

async function start(options: Partial<DemoUpstreamOptions> = {}): Promise<DemoUpstream> {
  return startDemoUpstream({ apiKey: API_KEY, clock: () => NOW, ...options });
}

// A fresh upstream per test: writes must not leak from one test into the next.
beforeEach(async () => {
  upstream = await start();
});
afterEach(() => upstream.close());

// ---------------------------------------------------------------------------
// Response validation against the OpenAPI file

const ajv = new Ajv({ strict: false, discriminator: true });
addFormats(ajv, { mode: 'fast' });
ajv.addSchema({ ...loadOpenApiDocument('omit'), $id: 'openapi' });
const pointer = (part: string): string => part.replace(/~/g, '~0').replace(/\//g, '~1');
const validators = new Map<string, ValidateFunction>();

/** The validator of one documented answer: `paths[path][method].responses[status]`'s JSON schema. */
function responseSchema(path: string, method: string, status: number): ValidateFunction {
  const key = `${method} ${path} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const ref = `openapi#/paths/${pointer(path)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
    validate = ajv.compile({ $ref: ref });
    validators.set(key, validate);
  }
  return validate;
}

// ---------------------------------------------------------------------------
// Helpers

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; undefined when there is none. */
  body: unknown;
}

/** The OpenAPI path template a request path stands for. */
function templateOf(path: string): string {
  const bare = path.split('?')[0] ?? path;
  if (bare === LIST || bare === PROVISION || bare === AGENTS) return bare;
  return `${LIST}/{id}`;
}

async function send(method: string, path: string, body?: unknown, base = upstream): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${API_KEY}`, 'cartesia-version': CARTESIA_VERSION };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text === '' ? undefined : JSON.parse(text) };
}

/** Sends, and asserts the status and that the body is what the OpenAPI file documents for it. */
async function expectAnswer(status: number, method: string, path: string, body?: unknown): Promise<Answer> {
  const answer = await send(method, path, body);
  expect(`${answer.status} ${answer.text.slice(0, 200)}`).toMatch(new RegExp(`^${status} `));
  if (status === 204) {
    expect(answer.text).toBe('');
    return answer;
  }
  expect(answer.headers.get('content-type')).toBe('application/json');
  const validate = responseSchema(templateOf(path), method, status);
  // Compared as strings so a failure prints which rule broke.
  expect(validate(answer.body) ? 'valid' : describeViolations(validate.errors)).toBe('valid');
  return answer;
}

/** Asserts a refusal: the status, an ErrorResponse saying `why`, and that nothing changed. */
async function expectRefusal(status: number, method: string, path: string, body: unknown, why: RegExp): Promise<void> {
  const before = { records: upstream.records, usage: upstream.provisioningUsage };
  const answer = await expectAnswer(status, method, path, body);
  expect(answer.body).toEqual({ error: expect.stringMatching(why) });
  expect(upstream.records).toEqual(before.records);
  expect(upstream.provisioningUsage).toEqual(before.usage);
}

const ids = (records: readonly { id: string }[]): string[] => records.map((r) => r.id);

function twilioLinks(): TwilioProviderRecord[] {
  return [...upstream.twilioProviders];
}

/** A Twilio link and one number Import accepts through it (not shared with another link). */
function importable(index = 0): { provider: TwilioProviderRecord; number: string } {
  const provider = twilioLinks()[index];
  const number = provider && upstream.importableNumbers.get(provider.id)?.[1];
  if (!provider || !number) throw new Error(`no importable number for link ${index}`);
  return { provider, number };
}

function seeded(predicate: (r: PhoneNumberRecord) => boolean, what: string): PhoneNumberRecord {
  const record = upstream.records.find(predicate);
  if (!record) throw new Error(`no seeded record ${what}`);
  return record;
}

const agentOf = (index: number): { id: string; name: string } => {
  const agent = upstream.agents[index];
  if (!agent) throw new Error(`no agent ${index}`);
  return { id: agent.id, name: agent.name };
};

async function listAll(params: Record<string, string>): Promise<string[]> {
  const answer = await expectAnswer(200, 'GET', `${LIST}?${new URLSearchParams({ ...params, limit: '100' })}`);
  return ids((answer.body as { data: PhoneNumberRecord[] }).data);
}

async function importNumber(label = 'Imported line', agentId?: string): Promise<PhoneNumberRecord> {
  const { provider, number } = importable();
  const body = { label, number, provider: { id: provider.id }, ...(agentId && { agent_id: agentId }) };
  return (await expectAnswer(201, 'POST', LIST, body)).body as PhoneNumberRecord;
}

// ---------------------------------------------------------------------------

describe('List Agents', () => {
  it('lists every agent of the catalog, with ids, descriptions (some null) and timestamps', async () => {
    const { body } = await expectAnswer(200, 'GET', AGENTS);
    const { summaries } = body as { summaries: { id: string; name: string; description: string | null }[] };
    expect(summaries).toEqual(upstream.agents);
    expect(summaries.length).toBeGreaterThanOrEqual(8);
    expect(summaries.length).toBeLessThanOrEqual(12);
    expect(new Set(ids(summaries)).size).toBe(summaries.length);
    for (const agent of summaries) {
      expect(agent).toEqual({
        id: expect.stringMatching(/^agent_[0-9A-Za-z]+$/),
        name: expect.any(String),
        description: agent.description === null ? null : expect.any(String),
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        updated_at: expect.stringMatching(/Z$/),
      });
    }
    expect(summaries.some((a) => a.description === null)).toBe(true);
    expect(summaries.some((a) => a.description !== null)).toBe(true);
  });

  it('is deliberately not sorted by name, so a client that needs an order must sort', async () => {
    const names = ((await send('GET', AGENTS)).body as { summaries: { name: string }[] }).summaries.map((a) => a.name);
    expect(names).not.toEqual([...names].sort());
    expect(names).not.toEqual([...names].sort().reverse());
  });

  it('is the catalog the phone numbers reference (same id and name), with agents no number uses', () => {
    const catalog = new Map(upstream.agents.map((a) => [a.id, a.name]));
    const referenced = new Map(upstream.records.flatMap((r) => (r.agent ? [[r.agent.id, r.agent.name] as const] : [])));
    for (const [id, name] of referenced) expect(catalog.get(id)).toBe(name);
    expect(catalog.size - referenced.size).toBeGreaterThanOrEqual(2);
  });
});

describe('Import Phone Number', () => {
  it('imports a number the link holds: 201, the full Twilio provider, the agent, timestamps = now', async () => {
    const { provider, number } = importable();
    const agent = agentOf(0);
    const before = upstream.records.length;
    const { body } = await expectAnswer(201, 'POST', LIST, {
      label: 'Imported line',
      number,
      provider: { id: provider.id },
      agent_id: agent.id,
    });
    expect(body).toEqual({
      id: expect.stringMatching(/^pn_[0-9A-Za-z]{24}$/),
      label: 'Imported line',
      number,
      agent,
      provider,
      created_at: NOW_ISO,
      updated_at: NOW_ISO,
    });
    expect(upstream.records).toHaveLength(before + 1);
  });

  it('finds the provider by Twilio account SID and region too', async () => {
    const { provider, number } = importable(2);
    const reference = { type: 'twilio', account_sid: provider.account_sid, region: provider.region };
    const { body } = await expectAnswer(201, 'POST', LIST, { label: 'By account', number, provider: reference });
    expect(body).toMatchObject({ number, agent: null, provider });
  });

  it('puts the new record first, and list filters, q and get by id find it like a seeded one', async () => {
    const record = await importNumber('Zebra hotline', agentOf(1).id);
    expect(upstream.records[0]).toEqual(record);
    expect((await listAll({}))[0]).toBe(record.id);
    expect(await listAll({ q: 'zebra HOTLINE' })).toEqual([record.id]);
    expect(await listAll({ q: record.number })).toEqual([record.id]);
    const providerId = record.provider.type === 'twilio' ? record.provider.id : '';
    for (const filter of [{ agent_id: agentOf(1).id }, { provider_id: providerId }, { type: 'twilio' }] as Record<
      string,
      string
    >[]) {
      expect((await listAll(filter))[0]).toBe(record.id);
    }
    expect((await listAll({ type: 'cartesia' })).includes(record.id)).toBe(false);
    expect((await expectAnswer(200, 'GET', `${LIST}/${record.id}`)).body).toEqual(record);
  });

  it('answers 404 for an unknown provider id or Twilio account (also: a known SID in another region)', async () => {
    const { provider, number } = importable();
    const otherRegion = provider.region === 'au1' ? 'us1' : 'au1';
    for (const reference of [
      { id: 'tp_unknown' },
      { type: 'twilio', account_sid: 'AC00000000000000000000000000000000', region: provider.region },
      { type: 'twilio', account_sid: provider.account_sid, region: otherRegion },
    ]) {
      await expectRefusal(404, 'POST', LIST, { label: 'x', number, provider: reference }, /provider.*not found/i);
    }
  });

  it('answers 404 for an unknown agent', async () => {
    const { provider, number } = importable();
    const body = { label: 'x', number, provider: { id: provider.id }, agent_id: 'agent_nobody' };
    await expectRefusal(404, 'POST', LIST, body, /agent.*not found/i);
  });

  it('answers 409 for a number already in the store, seeded or just imported', async () => {
    const stored = seeded((r) => r.provider.type === 'twilio', 'on Twilio');
    const provider = stored.provider as TwilioProviderRecord;
    const body = { label: 'again', number: stored.number, provider: { id: provider.id } };
    await expectRefusal(409, 'POST', LIST, body, /already imported/);
    const record = await importNumber();
    await expectRefusal(
      409,
      'POST',
      LIST,
      { label: 'twice', number: record.number, provider: body.provider },
      /already/,
    );
  });

  it("answers 400 for a number the link's account does not hold", async () => {
    const { provider } = importable(0);
    const { number: elsewhere } = importable(4);
    for (const number of [elsewhere, '+14155550000', 'not a number']) {
      await expectRefusal(
        400,
        'POST',
        LIST,
        { label: 'x', number, provider: { id: provider.id } },
        /not in the account/,
      );
    }
  });
});

describe('Provision Cartesia Number', () => {
  it('reports the default allowance: 7 of 10 used, 3 left', async () => {
    const { body } = await expectAnswer(200, 'GET', PROVISION);
    expect(body).toEqual({ monthly_usage: 7, monthly_limit: 10, remaining: 3 });
    expect(upstream.provisioningUsage).toEqual(body);
  });

  it('provisions a new US number: 201 without a provider field, stored as Cartesia-managed, usage + 1', async () => {
    const agent = agentOf(2);
    const { body } = await expectAnswer(201, 'POST', PROVISION, { label: 'New line', agent_id: agent.id });
    expect(body).toEqual({
      id: expect.stringMatching(/^pn_/),
      label: 'New line',
      number: expect.stringMatching(/^\+1\d{10}$/),
      agent,
      created_at: NOW_ISO,
      updated_at: NOW_ISO,
    });
    const record = body as PhoneNumberRecord;
    expect(body).not.toHaveProperty('provider');
    expect(upstream.records.filter((r) => r.number === record.number)).toHaveLength(1);
    const stored = (await expectAnswer(200, 'GET', `${LIST}/${record.id}`)).body;
    expect(stored).toEqual({ ...record, provider: { type: 'cartesia' } });
    expect((await listAll({ type: 'cartesia' }))[0]).toBe(record.id);
    expect((await send('GET', PROVISION)).body).toEqual({ monthly_usage: 8, monthly_limit: 10, remaining: 2 });
  });

  it('answers 409 once no slot is left; deleting a provisioned number gives none back', async () => {
    const provisioned: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      provisioned.push(((await expectAnswer(201, 'POST', PROVISION, { label: `n${i}` })).body as { id: string }).id);
    }
    expect(new Set(provisioned).size).toBe(3);
    await expectRefusal(409, 'POST', PROVISION, { label: 'one too many' }, /limit of 10/);
    await expectAnswer(204, 'DELETE', `${LIST}/${provisioned[0]}`);
    expect(upstream.provisioningUsage).toEqual({ monthly_usage: 10, monthly_limit: 10, remaining: 0 });
    await expectRefusal(409, 'POST', PROVISION, { label: 'still too many' }, /limit/);
  });

  it('answers 404 for an unknown agent, before the limit and without using a slot', async () => {
    await expectRefusal(404, 'POST', PROVISION, { label: 'x', agent_id: 'agent_nobody' }, /agent.*not found/i);
    const full = await start({ provisioning: { limit: 2, used: 2 } });
    try {
      const answer = await send('POST', PROVISION, { label: 'x', agent_id: 'agent_nobody' }, full);
      expect(answer.status).toBe(404);
      expect((await send('POST', PROVISION, { label: 'x' }, full)).status).toBe(409);
      expect(full.provisioningUsage).toEqual({ monthly_usage: 2, monthly_limit: 2, remaining: 0 });
    } finally {
      await full.close();
    }
  });

  it('refuses a provisioning option that is not sensible', async () => {
    await expect(start({ provisioning: { limit: 10, used: -1 } })).rejects.toThrow(RangeError);
    await expect(start({ provisioning: { limit: 1.5, used: 0 } })).rejects.toThrow(RangeError);
  });
});

describe('Update Phone Number', () => {
  const idPath = (record: { id: string }): string => `${LIST}/${record.id}`;

  it('changes the label: 200 with the full record, updated_at = now, list position kept, q finds it', async () => {
    const record = seeded((r) => r.label !== 'Quokka desk', 'to relabel');
    const position = ids(upstream.records).indexOf(record.id);
    const { body } = await expectAnswer(200, 'PATCH', idPath(record), { label: 'Quokka desk' });
    expect(body).toEqual({ ...record, label: 'Quokka desk', updated_at: NOW_ISO });
    expect(ids(upstream.records).indexOf(record.id)).toBe(position);
    expect(await listAll({ q: 'quokka' })).toEqual([record.id]);
    expect((await send('GET', idPath(record))).body).toEqual(body);
  });

  it('assigns another agent, and agent_id null unassigns', async () => {
    const record = seeded((r) => r.agent !== null && r.agent.id !== agentOf(3).id, 'assigned');
    const assigned = await expectAnswer(200, 'PATCH', idPath(record), { agent_id: agentOf(3).id });
    expect(assigned.body).toEqual({ ...record, agent: agentOf(3), updated_at: NOW_ISO });
    expect(await listAll({ agent_id: agentOf(3).id })).toContain(record.id);
    const unassigned = await expectAnswer(200, 'PATCH', idPath(record), { agent_id: null });
    expect(unassigned.body).toEqual({ ...record, agent: null, updated_at: NOW_ISO });
  });

  it('answers an empty body, or one that changes nothing, with the record unchanged (updated_at too)', async () => {
    const record = seeded((r) => r.label !== null && r.agent !== null && r.updated_at !== NOW_ISO, 'labelled');
    for (const body of [{}, { label: record.label }, { agent_id: record.agent?.id }]) {
      expect((await expectAnswer(200, 'PATCH', idPath(record), body)).body).toEqual(record);
    }
    expect(upstream.records.find((r) => r.id === record.id)).toEqual(record);
  });

  it('moves a number between Twilio links whose accounts both hold it', async () => {
    const [first, second] = twilioLinks().filter((p) => p.region === 'us1');
    if (!first || !second) throw new Error('two us1 links expected');
    const shared = upstream.importableNumbers.get(first.id)?.[0];
    expect(upstream.importableNumbers.get(second.id)?.[0]).toBe(shared);
    const imported = await expectAnswer(201, 'POST', LIST, {
      label: 'Shared',
      number: shared,
      provider: { id: first.id },
    });
    const record = imported.body as PhoneNumberRecord;
    const { body } = await expectAnswer(200, 'PATCH', idPath(record), { provider: { id: second.id } });
    expect(body).toEqual({ ...record, provider: second });
    expect(await listAll({ provider_id: second.id })).toContain(record.id);
    expect(await listAll({ provider_id: first.id })).not.toContain(record.id);
  });

  it('answers 404 for an unknown number, agent or provider', async () => {
    const record = seeded(() => true, 'any');
    await expectRefusal(404, 'PATCH', `${LIST}/pn_unknown`, { label: 'x' }, /phone number.*not found/i);
    await expectRefusal(404, 'PATCH', idPath(record), { label: 'x', agent_id: 'agent_nobody' }, /agent.*not found/i);
    await expectRefusal(
      404,
      'PATCH',
      idPath(record),
      { label: 'x', provider: { id: 'tp_nope' } },
      /provider.*not found/i,
    );
  });

  it('answers 400 for a provider of another type, or a link whose account does not hold the number', async () => {
    const cartesia = seeded((r) => r.provider.type === 'cartesia', 'on Cartesia');
    const twilio = seeded((r) => r.provider.type === 'twilio', 'on Twilio');
    const other = twilioLinks().find((p) => twilio.provider.type === 'twilio' && p.id !== twilio.provider.id);
    if (!other) throw new Error('a second link expected');
    await expectRefusal(400, 'PATCH', idPath(cartesia), { provider: { id: other.id } }, /cartesia number cannot move/);
    await expectRefusal(400, 'PATCH', idPath(twilio), { label: 'x', provider: { id: other.id } }, /does not hold/);
  });
});

describe('Delete Phone Number', () => {
  it('deletes an unassigned number: 204 without a body; get is then 404 and the list lacks it', async () => {
    const record = seeded((r) => r.agent === null, 'unassigned');
    await expectAnswer(204, 'DELETE', `${LIST}/${record.id}`);
    expect(ids(upstream.records)).not.toContain(record.id);
    expect((await send('GET', `${LIST}/${record.id}`)).status).toBe(404);
    expect(await listAll({ q: record.number })).toEqual([]);
  });

  it('answers 409 while an agent is assigned, and 204 once unassigned', async () => {
    const record = seeded((r) => r.agent !== null, 'assigned');
    await expectRefusal(409, 'DELETE', `${LIST}/${record.id}`, undefined, /assigned to agent.*unassign it first/);
    await expectAnswer(200, 'PATCH', `${LIST}/${record.id}`, { agent_id: null });
    await expectAnswer(204, 'DELETE', `${LIST}/${record.id}`);
  });

  it('answers 404 with an ErrorResponse body for an unknown number', async () => {
    await expectRefusal(404, 'DELETE', `${LIST}/pn_unknown`, undefined, /not found/);
  });

  it('lets a deleted Twilio number be imported again through its link', async () => {
    const record = seeded((r) => r.agent === null && r.provider.type === 'twilio', 'unassigned on Twilio');
    const provider = record.provider as TwilioProviderRecord;
    await expectAnswer(204, 'DELETE', `${LIST}/${record.id}`);
    const { body } = await expectAnswer(201, 'POST', LIST, {
      label: 'Back',
      number: record.number,
      provider: { id: provider.id },
    });
    expect(body).toMatchObject({ number: record.number, provider });
  });
});

describe('request bodies', () => {
  const twilio = (): { label: string; number: string; provider: { id: string } } => {
    const { provider, number } = importable();
    return { label: 'x', number, provider: { id: provider.id } };
  };

  it.each([
    ['a missing label', () => ({ ...twilio(), label: undefined }), /"label" is required/],
    ['an unknown property', () => ({ ...twilio(), nickname: 'x' }), /Unknown body property "nickname"/],
    [
      'a nested unknown property',
      () => ({ ...twilio(), provider: { id: 'tp', extra: 1 } }),
      /"provider".*By ID, By Twilio Account/,
    ],
    ['a provider of both shapes', () => ({ ...twilio(), provider: { id: 'tp', type: 'twilio' } }), /exactly one of/],
    [
      'a region outside the enum',
      () => ({ ...twilio(), provider: { type: 'twilio', account_sid: 'AC', region: 'eu9' } }),
      /exactly one of/,
    ],
    ['a number that is not a string', () => ({ ...twilio(), number: 14155550100 }), /"number" must be string/],
    ['an array', () => [twilio()], /body must be object/],
    ['null', () => null, /body must be object/],
  ])('Import refuses %s with 400, naming the problem', async (_, body, why) => {
    await expectRefusal(400, 'POST', LIST, body(), why);
  });

  it.each([
    ['no body', undefined, undefined, /needs a JSON body/],
    ['a text body', 'label=x', 'text/plain', /needs a JSON body/],
    ['an empty JSON body', '', 'application/json', /empty/],
    ['broken JSON', '{"label":', 'application/json', /not valid JSON/],
    ['a __proto__ key', '{"__proto__":{"admin":true},"label":"x"}', 'application/json', /not valid JSON/],
  ])('Provision refuses %s with 400, and keeps serving', async (_, body, type, why) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${API_KEY}`,
      'cartesia-version': CARTESIA_VERSION,
    };
    if (type) headers['content-type'] = type;
    const res = await fetch(`${upstream.url}${PROVISION}`, { method: 'POST', headers, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(why) });
    expect(upstream.provisioningUsage.monthly_usage).toBe(7);
    expect((await send('GET', PROVISION)).status).toBe(200);
  });

  it('Update refuses a label of another type and agent_id of another type', async () => {
    const path = `${LIST}/${upstream.records[0]?.id}`;
    await expectRefusal(400, 'PATCH', path, { label: null }, /"label" must be string/);
    await expectRefusal(400, 'PATCH', path, { agent_id: 7 }, /"agent_id" must be string/);
  });

  it('checks the body only after auth and the version header', async () => {
    const res = await fetch(`${upstream.url}${PROVISION}`, { method: 'POST', body: 'nonsense' });
    expect(res.status).toBe(401);
  });
});

describe('routes and methods', () => {
  it.each([
    ['PUT', LIST, 'GET, POST'],
    ['DELETE', PROVISION, 'GET, POST'],
    ['POST', `${LIST}/pn_x`, 'GET, PATCH, DELETE'],
    ['POST', AGENTS, 'GET'],
  ])('answers 405 for %s %s with Allow: %s', async (method, path, allow) => {
    const answer = await send(method, path, {});
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe(allow);
  });

  it('serves /provision as the usage endpoint, not as a phone number id', async () => {
    expect((await send('GET', PROVISION)).body).toEqual(upstream.provisioningUsage);
  });
});

describe('faults on writes', () => {
  it('match by method: a POST rule leaves GETs alone', async () => {
    upstream.faults.inject({ fault: { kind: 'status', status: 503 }, method: 'post', path: LIST });
    expect((await send('GET', LIST)).status).toBe(200);
    expect((await send('POST', LIST, { label: 'x' })).status).toBe(503);
    expect((await send('POST', PROVISION, { label: 'x' })).status).toBe(503);
    expect(upstream.provisioningUsage.monthly_usage).toBe(7); // faults on arrival apply nothing
    expect(() => upstream.faults.inject({ fault: { kind: 'reset' }, method: '' })).toThrow(RangeError);
  });

  it('status afterApply: the write happened, the answer is a 503', async () => {
    upstream.faults.inject({ fault: { kind: 'status', status: 503, afterApply: true }, method: 'POST', times: 1 });
    const answer = await send('POST', PROVISION, { label: 'Lost answer' });
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ error: 'Injected fault: HTTP 503 Service Unavailable' });
    expect(upstream.records[0]).toMatchObject({ label: 'Lost answer', provider: { type: 'cartesia' } });
    expect(upstream.provisioningUsage.monthly_usage).toBe(8);
  });

  it('status afterApply replaces a 204 and its headers, and applies to refused writes too', async () => {
    const record = seeded((r) => r.agent === null, 'unassigned');
    upstream.faults.inject({
      fault: { kind: 'status', status: 502, headers: { 'retry-after': '1' }, afterApply: true },
      times: 2,
    });
    const answer = await send('DELETE', `${LIST}/${record.id}`);
    expect([answer.status, answer.headers.get('retry-after'), answer.headers.get('content-type')]).toEqual([
      502,
      '1',
      'application/json',
    ]);
    expect(ids(upstream.records)).not.toContain(record.id);
    expect((await send('DELETE', `${LIST}/${record.id}`)).status).toBe(502); // a 404 underneath
    expect((await send('DELETE', `${LIST}/${record.id}`)).status).toBe(404);
  });

  it('reset afterApply: the client sees a network error, yet the number was imported', async () => {
    const { provider, number } = importable();
    upstream.faults.inject({ fault: { kind: 'reset', afterApply: true }, method: 'POST', times: 1 });
    await expect(send('POST', LIST, { label: 'Reset', number, provider: { id: provider.id } })).rejects.toThrow();
    expect(upstream.records[0]).toMatchObject({ number, label: 'Reset' });
    expect((await send('POST', LIST, { label: 'Retry', number, provider: { id: provider.id } })).status).toBe(409);
  });

  it('hang afterApply: the update is applied while the answer never comes', async () => {
    const record = seeded((r) => r.label !== 'Hung', 'any');
    upstream.faults.inject({ fault: { kind: 'hang', afterApply: true }, method: 'PATCH', times: 1 });
    const controller = new AbortController();
    const pending = fetch(`${upstream.url}${LIST}/${record.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${API_KEY}`,
        'cartesia-version': CARTESIA_VERSION,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ label: 'Hung' }),
      signal: controller.signal,
    });
    await pollUntil(() => upstream.records.find((r) => r.id === record.id)?.label === 'Hung', 'the update to apply');
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });

  it('delay afterApply: applied at once, answered later', async () => {
    upstream.faults.inject({ fault: { kind: 'delay', ms: 300, afterApply: true }, times: 1 });
    const pending = send('POST', PROVISION, { label: 'Slow' });
    await pollUntil(() => upstream.provisioningUsage.monthly_usage === 8, 'the provisioning to apply');
    const answer = await pending;
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ label: 'Slow' });
  });
});

describe('request log', () => {
  it('records the parsed body of each request, valid or not, and none for GETs', async () => {
    upstream.clearRequests();
    await send('POST', PROVISION, { label: 'Logged' });
    await send('POST', PROVISION, { bogus: true });
    await send('GET', PROVISION);
    expect(upstream.requests.map((r) => [r.method, r.body])).toEqual([
      ['POST', { label: 'Logged' }],
      ['POST', { bogus: true }],
      ['GET', undefined],
    ]);
  });
});

describe('seeded account', () => {
  it(`gives every Twilio link ${IMPORTABLE_NUMBERS_PER_PROVIDER} importable E.164 numbers of its region, none stored`, () => {
    const stored = new Set(upstream.records.map((r) => r.number));
    const prefix = { us1: /^\+1\d{10}$/, ie1: /^\+353\d{8,9}$/, au1: /^\+61\d{9}$/ };
    expect(upstream.twilioProviders.length).toBeGreaterThanOrEqual(3);
    for (const provider of upstream.twilioProviders) {
      const numbers = upstream.importableNumbers.get(provider.id) ?? [];
      expect(numbers).toHaveLength(IMPORTABLE_NUMBERS_PER_PROVIDER);
      for (const number of numbers) {
        expect(number).toMatch(prefix[provider.region]);
        expect(stored.has(number)).toBe(false);
      }
    }
  });

  it('is deterministic: the same agents, links, numbers, and the same ids for the same writes', async () => {
    const twin = await start();
    try {
      expect(twin.agents).toEqual(upstream.agents);
      expect(twin.twilioProviders).toEqual(upstream.twilioProviders);
      expect(twin.importableNumbers).toEqual(upstream.importableNumbers);
      const [a, b] = await Promise.all([upstream, twin].map((u) => send('POST', PROVISION, { label: 'Same' }, u)));
      expect(a?.body).toEqual(b?.body);
    } finally {
      await twin.close();
    }
  });

  it('keeps agents and links of custom records in the catalog', async () => {
    const custom = seeded((r) => r.agent !== null && r.provider.type === 'twilio', 'assigned on Twilio');
    const agent = { id: 'agent_custom', name: 'Custom Agent' };
    const local = await start({ records: [{ ...custom, agent }] });
    try {
      expect(local.agents).toContainEqual({ ...agent, description: null });
      expect(local.twilioProviders).toContainEqual(custom.provider);
      expect((await send('PATCH', `${LIST}/${custom.id}`, { agent_id: agentOf(0).id }, local)).status).toBe(200);
    } finally {
      await local.close();
    }
    const renamed = { ...custom, agent: { id: custom.agent?.id ?? '', name: 'Renamed' } };
    await expect(start({ records: [renamed] })).rejects.toThrow(/differently/);
  });
});
