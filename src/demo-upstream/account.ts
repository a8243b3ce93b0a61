// The account the demo upstream's numbers belong to: its agents, its Twilio
// links and the numbers each link's account holds, and the month's
// provisioning allowance. Kept free of HTTP, like the store.
import type {
  AgentRecord,
  AgentSummaryRecord,
  PhoneNumberRecord,
  ProviderReference,
  ProvisioningUsageRecord,
  TwilioProviderRecord,
} from '../cartesia/types';
import type { DemoCatalog } from './data';
import { frozenCopy } from './store';

/** This month's Cartesia-managed provisioning: how many the plan allows and how many are used. */
export interface ProvisioningAllowance {
  limit: number;
  used: number;
}

/** A newcomer sees "3 of 10 left". */
export const DEFAULT_PROVISIONING: ProvisioningAllowance = { limit: 10, used: 7 };

function assertValidAllowance({ limit, used }: ProvisioningAllowance): void {
  for (const [name, value] of Object.entries({ limit, used })) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`provisioning.${name} must be an integer >= 0, got ${value}`);
    }
  }
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Adds `item` under `id`, refusing a second, different definition (a data-set bug: records would disagree). */
function register<T>(byId: Map<string, T>, id: string, item: T, same: (a: T, b: T) => boolean, what: string): void {
  const known = byId.get(id);
  if (known === undefined) byId.set(id, item);
  else if (!same(known, item)) throw new TypeError(`records define ${what} ${id} differently from the catalog`);
}

export class DemoAccount {
  private readonly agentsById = new Map<string, AgentSummaryRecord>();
  private readonly providersById = new Map<string, TwilioProviderRecord>();
  /** Per Twilio provider id: every number its account holds (importable ones and those it served at start). */
  private readonly holdings = new Map<string, Set<string>>();
  private readonly allowance: ProvisioningAllowance;
  /** Every importable number of every link, so a provisioned number never takes one. */
  private readonly importable = new Set<string>();

  /**
   * @param records the store's records at start: agents and Twilio links they use and the catalog lacks join it
   * @throws if a record names a catalog agent or link with other details, or the allowance is not sensible
   */
  constructor(
    catalog: DemoCatalog,
    records: readonly PhoneNumberRecord[],
    provisioning: ProvisioningAllowance = DEFAULT_PROVISIONING,
  ) {
    assertValidAllowance(provisioning);
    this.allowance = { ...provisioning };
    frozenCopy(catalog.agents).forEach((agent) => this.agentsById.set(agent.id, agent));
    frozenCopy(catalog.twilioProviders).forEach((provider) => this.addProvider(provider));
    for (const [providerId, numbers] of catalog.importableNumbers) {
      numbers.forEach((number) => this.hold(providerId, number));
      numbers.forEach((number) => this.importable.add(number));
    }
    records.forEach((record) => this.adopt(record));
  }

  /** Every agent, in List Agents order (frozen). */
  get agents(): readonly AgentSummaryRecord[] {
    return Object.freeze([...this.agentsById.values()]);
  }

  /** Frozen. */
  get twilioProviders(): readonly TwilioProviderRecord[] {
    return Object.freeze([...this.providersById.values()]);
  }

  /** The agent as a phone number references it, or undefined when the account has none with this id. */
  agent(id: string): AgentRecord | undefined {
    const summary = this.agentsById.get(id);
    return summary && { id: summary.id, name: summary.name };
  }

  twilioProvider(id: string): TwilioProviderRecord | undefined {
    return this.providersById.get(id);
  }

  /** The Twilio link a reference names: by id, or by its account SID and region. */
  resolveProvider(reference: ProviderReference): TwilioProviderRecord | undefined {
    if ('id' in reference) return this.twilioProvider(reference.id);
    return this.twilioProviders.find(
      (provider) => provider.account_sid === reference.account_sid && provider.region === reference.region,
    );
  }

  /** Whether the link's Twilio account holds this number (may import it, or take it over). */
  holds(providerId: string, number: string): boolean {
    return this.holdings.get(providerId)?.has(number) ?? false;
  }

  isImportable(number: string): boolean {
    return this.importable.has(number);
  }

  get provisioningUsage(): ProvisioningUsageRecord {
    const { limit, used } = this.allowance;
    return { monthly_usage: used, monthly_limit: limit, remaining: Math.max(0, limit - used) };
  }

  /** Counts one provisioned number; deleting it later does not give the slot back. */
  countProvisioned(): void {
    this.allowance.used += 1;
  }

  private addProvider(provider: TwilioProviderRecord): void {
    register(this.providersById, provider.id, provider, sameJson, 'Twilio provider');
    if (!this.holdings.has(provider.id)) this.holdings.set(provider.id, new Set());
  }

  private hold(providerId: string, number: string): void {
    this.holdings.get(providerId)?.add(number);
  }

  private adopt({ agent, provider, number }: PhoneNumberRecord): void {
    if (agent) {
      const summary: AgentSummaryRecord = frozenCopy({ ...agent, description: null });
      register(this.agentsById, agent.id, summary, (a, b) => a.name === b.name, 'agent');
    }
    if (provider.type !== 'twilio') return;
    this.addProvider(frozenCopy(provider));
    this.hold(provider.id, number);
  }
}
