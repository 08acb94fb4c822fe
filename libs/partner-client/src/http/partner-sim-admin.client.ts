import type { PartnerResource, ResourceFilter, ResourceType } from '../partner-backend.js';
import { parseResourceList } from './parse-partner-bodies.js';

export interface SimulationProfile {
  latencyMs: number;
  jitterMs: number;
  transientFailureRate: number;
  permanentFailureRate: number;
  /**
   * A non-negative integer (at most 2^53 - 1) that makes the partner's random outcomes
   * reproducible: see docs/partner-simulator.md. Absent: unseeded.
   */
  seed?: number;
}

/** A partner's profile as the simulator answers it; `seed` null: unseeded. */
export interface PartnerProfile extends Omit<SimulationProfile, 'seed'> {
  partner: string;
  seed: number | null;
  /** False: nobody configured the partner, which behaves as the defaults shown. */
  configured: boolean;
}

export interface FaultRequest {
  action: 'create' | 'delete' | 'power-on';
  /** Absent: every type matches. */
  resourceType?: ResourceType;
  /** transient: the call is answered 503/429 and does nothing; permanent: its operation fails. */
  kind: 'transient' | 'permanent';
  count: number;
  httpStatus?: 503 | 429;
  retryAfterSeconds?: number;
}

export interface Fault extends Required<Pick<FaultRequest, 'action' | 'kind' | 'count'>> {
  id: string;
  partner: string;
  resourceType: ResourceType | null;
  remaining: number;
  httpStatus: 503 | 429 | null;
  retryAfterSeconds: number | null;
}

/**
 * The simulator's admin API, for tests, demos and benchmarks: a partner's latency and failure
 * rates, deterministic faults, and a view of its resources that is never flaky. Not a port of the
 * control plane: real partners have no such thing. Errors are plain Errors with the problem detail.
 */
export class PartnerSimAdminClient {
  private readonly baseUrl: string;

  constructor(baseUrl: string, private readonly fetchImpl: typeof fetch = globalThis.fetch) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Replaces the partner's profile; setting one (the same seed too) starts its seeded draws from the beginning again. */
  setProfile(partner: string, profile: SimulationProfile): Promise<PartnerProfile> {
    return this.send('PUT', `/admin/partners/${encodeURIComponent(partner)}/profile`, profile) as never;
  }

  getProfile(partner: string): Promise<PartnerProfile> {
    return this.send('GET', `/admin/partners/${encodeURIComponent(partner)}/profile`) as never;
  }

  async resetProfile(partner: string): Promise<void> {
    await this.send('DELETE', `/admin/partners/${encodeURIComponent(partner)}/profile`);
  }

  addFault(partner: string, fault: FaultRequest): Promise<Fault> {
    return this.send('POST', `/admin/partners/${encodeURIComponent(partner)}/faults`, fault) as never;
  }

  async listFaults(partner: string): Promise<Fault[]> {
    return ((await this.send('GET', `/admin/partners/${encodeURIComponent(partner)}/faults`)) as { items: Fault[] }).items;
  }

  async clearFaults(partner: string): Promise<void> {
    await this.send('DELETE', `/admin/partners/${encodeURIComponent(partner)}/faults`);
  }

  async inspectResources(partner: string, filter: ResourceFilter = {}): Promise<PartnerResource[]> {
    const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const suffix = query.size > 0 ? `?${query}` : '';
    return parseResourceList(await this.send('GET', `/admin/partners/${encodeURIComponent(partner)}/resources${suffix}`));
  }

  private async send(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    const json: unknown = text === '' ? undefined : JSON.parse(text);
    if (!response.ok) {
      const detail = (json as { detail?: string } | undefined)?.detail ?? text;
      throw new Error(`Partner simulator: ${method} ${path} answered ${response.status}: ${detail}`);
    }
    return json;
  }
}
