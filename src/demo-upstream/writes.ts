// Cartesia's write rules for phone numbers (Import, Provision, Update,
// Delete), applied to the store and the account. Free of HTTP: each write
// returns what to answer, and app.ts only sends it. Checks run in the order
// the gateway team relies on; a refused write changes nothing.
import type {
  AgentRecord,
  ImportPhoneNumberBody,
  PhoneNumberRecord,
  ProvisionPhoneNumberBody,
  ProvisionedPhoneNumberRecord,
  TwilioProviderRecord,
  UpdatePhoneNumberBody,
} from '../cartesia/types';
import type { DemoAccount } from './account';
import { isoSeconds, type WriteDraws } from './data';
import type { PhoneNumberStore } from './store';
import { preview } from './validation';

/** What a write answers: a status with its body (none for 204), or a refusal with the ErrorResponse text. */
export type WriteOutcome<T> =
  { ok: true; status: 200 | 201 | 204; body?: T } | { ok: false; status: 400 | 404 | 409; error: string };

type Refusal = Extract<WriteOutcome<never>, { ok: false }>;

const refuse = (status: Refusal['status'], error: string): Refusal => ({ ok: false, status, error });

export interface WriteDependencies {
  store: PhoneNumberStore;
  account: DemoAccount;
  draws: WriteDraws;
  /** Epoch milliseconds, like Date.now. */
  clock: () => number;
}

const numberNotFound = (id: string): Refusal => refuse(404, `Phone number ${preview(id)} not found.`);
const agentNotFound = (id: string): Refusal => refuse(404, `Agent ${preview(id)} not found.`);

/** The ProvisionPhoneNumberResponse of a stored record: everything but the provider (always Cartesia). */
function withoutProvider({ provider: _provider, ...rest }: PhoneNumberRecord): ProvisionedPhoneNumberRecord {
  return rest;
}

export class PhoneNumberWrites {
  constructor(private readonly deps: WriteDependencies) {}

  /** Import Phone Number: a number a linked Twilio account holds. */
  importNumber(body: ImportPhoneNumberBody): WriteOutcome<PhoneNumberRecord> {
    const { store, account } = this.deps;
    const provider = account.resolveProvider(body.provider);
    if (!provider) return refuse(404, `Provider ${preview(describeReference(body.provider))} not found.`);
    const agent = this.optionalAgent(body.agent_id);
    if (!agent.ok) return agent;
    if (store.hasNumber(body.number)) return refuse(409, `The number ${preview(body.number)} is already imported.`);
    if (!account.holds(provider.id, body.number)) {
      return refuse(400, `The number ${preview(body.number)} is not in the account of provider ${provider.id}.`);
    }
    return this.create({ label: body.label, number: body.number, agent: agent.value, provider: { ...provider } });
  }

  /** Provision Cartesia Number: a new US number, within the month's allowance. */
  provisionNumber(body: ProvisionPhoneNumberBody): WriteOutcome<ProvisionedPhoneNumberRecord> {
    const { store, account, draws } = this.deps;
    const agent = this.optionalAgent(body.agent_id);
    if (!agent.ok) return agent;
    const usage = account.provisioningUsage;
    if (usage.remaining === 0) {
      return refuse(409, `The monthly provisioning limit of ${usage.monthly_limit} numbers is reached.`);
    }
    const number = draws.usNumber((candidate) => store.hasNumber(candidate) || account.isImportable(candidate));
    const created = this.create({ label: body.label, number, agent: agent.value, provider: { type: 'cartesia' } });
    if (!created.ok || !created.body) return created;
    account.countProvisioned();
    return { ...created, body: withoutProvider(created.body) };
  }

  /** Update Phone Number: label, agent (null unassigns), provider; updated_at moves only when something changed. */
  updateNumber(id: string, body: UpdatePhoneNumberBody): WriteOutcome<PhoneNumberRecord> {
    const current = this.deps.store.find(id);
    if (!current) return numberNotFound(id);
    const agent =
      body.agent_id === undefined ? { ok: true as const, value: current.agent } : this.agentOrNone(body.agent_id);
    if (!agent.ok) return agent;
    const provider =
      body.provider === undefined
        ? { ok: true as const, value: current.provider }
        : this.providerFor(current, body.provider.id);
    if (!provider.ok) return provider;
    const next = { ...current, label: body.label ?? current.label, agent: agent.value, provider: provider.value };
    if (JSON.stringify(next) === JSON.stringify(current)) return { ok: true, status: 200, body: current };
    const updated = { ...next, updated_at: this.now() };
    this.deps.store.replace(updated);
    return { ok: true, status: 200, body: updated };
  }

  /** Delete Phone Number: only once no agent answers it. */
  deleteNumber(id: string): WriteOutcome<never> {
    const current = this.deps.store.find(id);
    if (!current) return numberNotFound(id);
    if (current.agent) {
      return refuse(409, `Phone number ${preview(id)} is assigned to agent ${current.agent.id}; unassign it first.`);
    }
    this.deps.store.remove(id);
    return { ok: true, status: 204 };
  }

  private now(): string {
    return isoSeconds(this.deps.clock());
  }

  private create(
    fields: Pick<PhoneNumberRecord, 'label' | 'number' | 'agent' | 'provider'>,
  ): WriteOutcome<PhoneNumberRecord> {
    const { store, draws } = this.deps;
    const now = this.now();
    const record = { id: draws.phoneNumberId((id) => store.hasId(id)), ...fields, created_at: now, updated_at: now };
    store.insert(record);
    return { ok: true, status: 201, body: record };
  }

  private optionalAgent(id: string | undefined): { ok: true; value: AgentRecord | null } | Refusal {
    return id === undefined ? { ok: true, value: null } : this.agentOrNone(id);
  }

  /** null unassigns; an id must name an agent of the account. */
  private agentOrNone(id: string | null): { ok: true; value: AgentRecord | null } | Refusal {
    if (id === null) return { ok: true, value: null };
    const agent = this.deps.account.agent(id);
    return agent ? { ok: true, value: agent } : agentNotFound(id);
  }

  /** The provider `record` may move to: a link of the same type whose account holds the number. */
  private providerFor(
    record: PhoneNumberRecord,
    providerId: string,
  ): { ok: true; value: TwilioProviderRecord } | Refusal {
    // Only Twilio links have ids: there is no Cartesia provider to name.
    const target = this.deps.account.twilioProvider(providerId);
    if (!target) return refuse(404, `Provider ${preview(providerId)} not found.`);
    if (record.provider.type !== target.type) {
      return refuse(400, `A ${record.provider.type} number cannot move to a ${target.type} provider.`);
    }
    if (!this.deps.account.holds(target.id, record.number)) {
      return refuse(400, `The account of provider ${target.id} does not hold ${record.number}.`);
    }
    return { ok: true, value: { ...target } };
  }
}

function describeReference(reference: ImportPhoneNumberBody['provider']): string {
  return 'id' in reference ? reference.id : `${reference.type} ${reference.account_sid} (${reference.region})`;
}
