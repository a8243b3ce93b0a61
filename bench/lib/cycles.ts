// The create side of writes: delete a number, then import it again, one
// request at a time. It cannot run in autocannon's closed loop like the
// relabel: every import gives the number a new id, which the next delete
// needs. Provision is not used: the demo upstream allows 10 a month.
import { Pool, type Dispatcher } from 'undici';
import type { PhoneNumberRecord } from '../../src/cartesia/types';
import type { IpcChild, ServerProcess } from './children';
import { round } from './stats';

/** One import-able number: it starts unassigned (delete needs that) in a Twilio account that holds it. */
interface Candidate {
  readonly number: string;
  readonly providerId: string;
  /** Its id now: each import gives it a new one. */
  id: string;
}

/** The two writes of a cycle, however a target is asked for them. */
interface CycleClient {
  remove(id: string): Promise<void>;
  /** Resolves with the new id. */
  reimport(candidate: Candidate, label: string): Promise<string>;
  close(): Promise<void>;
}

export interface CycleRow {
  latencyMs: number;
  target: 'upstream' | 'gateway';
  cycles: number;
  deleteP50Ms: number;
  deleteP99Ms: number;
  importP50Ms: number;
  importP99Ms: number;
  /** CPU of the target process, and of the upstream process, per cycle (two writes). */
  cpuUsPerCycle: number;
  upstreamCpuUsPerCycle: number;
  upstreamCallsPerCycle: number;
}

/** Seeded Twilio numbers without an agent: each can be deleted and imported again. */
export function cycleCandidates(records: readonly PhoneNumberRecord[], count: number): Candidate[] {
  return records
    .filter((record) => record.provider.type === 'twilio' && !record.agent)
    .slice(0, count)
    .map((record) => ({ number: record.number, providerId: (record.provider as { id: string }).id, id: record.id }));
}

async function answer(response: Dispatcher.ResponseData, expected: number): Promise<string> {
  const text = await response.body.text();
  if (response.statusCode !== expected) throw new Error(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`);
  return text;
}

/** The upstream's own DELETE and POST (import). */
export function restCycleClient(url: string, headers: Record<string, string>): CycleClient {
  const pool = new Pool(url, { connections: 1 });
  const json = { ...headers, 'content-type': 'application/json' };
  return {
    async remove(id) {
      await answer(await pool.request({ method: 'DELETE', path: `/agents/phone-numbers/${id}`, headers }), 204);
    },
    async reimport({ number, providerId }, label) {
      const body = JSON.stringify({ label, number, provider: { id: providerId } });
      const text = await answer(
        await pool.request({ method: 'POST', path: '/agents/phone-numbers', headers: json, body }),
        201,
      );
      return (JSON.parse(text) as { id: string }).id;
    },
    close: () => pool.close(),
  };
}

const DELETE = /* GraphQL */ `
  mutation Delete($input: DeletePhoneNumberInput!) {
    deletePhoneNumber(input: $input) {
      deletedPhoneNumberId
      userErrors {
        code
        message
      }
    }
  }
`;
const IMPORT = /* GraphQL */ `
  mutation Import($input: ImportPhoneNumberInput!) {
    importPhoneNumber(input: $input) {
      phoneNumber {
        id
        label
        number
      }
      userErrors {
        code
        message
      }
    }
  }
`;

/** The gateway's deletePhoneNumber and importPhoneNumber; a user error is a failure here. */
export function graphqlCycleClient(url: string): CycleClient {
  const pool = new Pool(url, { connections: 1 });
  const send = async (query: string, input: Record<string, unknown>) => {
    const body = JSON.stringify({ query, variables: { input } });
    const text = await answer(
      await pool.request({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body }),
      200,
    );
    const data = (JSON.parse(text) as { data?: Record<string, any> }).data;
    const payload = data && Object.values(data)[0];
    if (!payload || payload.userErrors.length > 0) throw new Error(text.slice(0, 300));
    return payload;
  };
  return {
    async remove(id) {
      await send(DELETE, { id });
    },
    async reimport({ number, providerId }, label) {
      return (await send(IMPORT, { label, number, providerId })).phoneNumber.id as string;
    },
    close: () => pool.close(),
  };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

let imports = 0;

/** `cycles` delete+import cycles over the candidates in turn (after a fifth as many unmeasured ones). */
export async function measureCycles(
  client: CycleClient,
  processes: { target: ServerProcess; upstream: IpcChild },
  candidates: Candidate[],
  cycles: number,
): Promise<Omit<CycleRow, 'latencyMs' | 'target'>> {
  const times = { delete: [] as number[], import: [] as number[] };
  const cycle = async (i: number, record: boolean) => {
    const candidate = candidates[i % candidates.length]!;
    const started = performance.now();
    await client.remove(candidate.id);
    const deleted = performance.now();
    candidate.id = await client.reimport(candidate, `bench import ${(imports += 1)}`);
    if (!record) return;
    times.delete.push(deleted - started);
    times.import.push(performance.now() - deleted);
  };
  for (let i = 0; i < Math.ceil(cycles / 5); i += 1) await cycle(i, false);
  const cpu = processes.target.cpuSeconds();
  const upstreamCpu = processes.upstream.cpuSeconds();
  const served = await processes.upstream.ask<number>('served');
  for (let i = 0; i < cycles; i += 1) await cycle(i, true);
  const perCycle = (seconds: number) => round((seconds * 1e6) / cycles, 0);
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const [deletes, importsMs] = [sorted(times.delete), sorted(times.import)];
  return {
    cycles,
    deleteP50Ms: round(percentile(deletes, 50), 3),
    deleteP99Ms: round(percentile(deletes, 99), 3),
    importP50Ms: round(percentile(importsMs, 50), 3),
    importP99Ms: round(percentile(importsMs, 99), 3),
    cpuUsPerCycle: perCycle(processes.target.cpuSeconds() - cpu),
    upstreamCpuUsPerCycle: perCycle(processes.upstream.cpuSeconds() - upstreamCpu),
    upstreamCallsPerCycle: round(((await processes.upstream.ask<number>('served')) - served) / cycles, 3),
  };
}
