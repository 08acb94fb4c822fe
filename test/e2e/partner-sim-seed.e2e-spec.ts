import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { SimulationProfile } from '#libs/partner-client/src/http/partner-sim-admin.client.js';
import type { PartnerOperation, ResourceLabels, ResourceType } from '#libs/partner-client/src/partner-backend.js';
import { TransientPartnerError } from '#libs/partner-client/src/partner-errors.js';
import { startPartnerSim, type TestPartnerSim } from '../support/partner-sim.js';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/test-database.js';

/**
 * A seeded profile makes a partner's outcomes reproducible: what each call meets depends on what
 * it acts on and how many such calls came before, never on the order calls arrive in or on the
 * ids (request, resource, operation) that are fresh in every run.
 */
describe('partner simulator: seeded outcomes', () => {
  const databaseName = uniqueDatabaseName('cp_test_partner_sim_seed');
  let sim: TestPartnerSim;

  beforeAll(async () => {
    sim = await startPartnerSim(await createDatabase(databaseName));
  });
  afterAll(async () => {
    await sim?.close();
    await dropDatabase(databaseName);
  });

  const flaky = (seed: number): SimulationProfile => ({ latencyMs: 0, jitterMs: 0, transientFailureRate: 0.5, permanentFailureRate: 0.25, seed });

  /** What the control plane would make for one request: each item with a tenant of its own, so its listing is its own too. */
  const ITEMS: { item: string; type: ResourceType }[] = [
    { item: 'org', type: 'org' },
    { item: 'network', type: 'network' },
    { item: 'volume-0', type: 'volume' },
    { item: 'vm-0', type: 'vm' },
    { item: 'vm-1', type: 'vm' },
    { item: 'vm-2', type: 'vm' },
  ];

  /** A call tried until it is let through (at most 10 times), as a client retries: what each try met. */
  async function tried<T>(call: () => Promise<T>, show: (answer: T) => string): Promise<{ met: string[]; answer: T | null }> {
    const met: string[] = [];
    for (let tries = 0; tries < 10; tries += 1) {
      try {
        const answer = await call();
        met.push(show(answer));
        return { met, answer };
      } catch (error) {
        if (!(error instanceof TransientPartnerError)) throw error;
        met.push(String(error.status));
      }
    }
    return { met, answer: null };
  }

  /** One item's calls in order (create, poll, power-on for a VM, list, delete): what each call met, by call. */
  async function itemScript(partner: string, request: string, { item, type }: (typeof ITEMS)[number]): Promise<Record<string, string[]>> {
    const { backend } = sim;
    const tenant = `tenant-${item}`;
    // The tenant's org carries no request label, as the control plane makes it.
    const labels = (type === 'org' ? { tenant } : { tenant, request, step: `create-${type}`, item }) as ResourceLabels;
    const status = (operation: PartnerOperation) => `${operation.action} ${operation.status}`;
    const key = randomUUID();
    const create = await tried(() => backend.startCreate(partner, type, {}, labels, key), status);
    const met: Record<string, string[]> = { [`create ${item}`]: create.met };
    if (!create.answer) return met;
    met[`poll ${item}`] = (await tried(() => backend.getOperation(partner, create.answer!.id), status)).met;
    if (type === 'vm' && create.answer.status === 'succeeded') {
      const powerOnKey = randomUUID();
      met[`power-on ${item}`] = (await tried(() => backend.startPowerOn(partner, create.answer!.resourceId, powerOnKey), status)).met;
    }
    met[`list ${item}`] = (await tried(() => backend.listResources(partner, { tenant, request }), (items) => `${items.length} listed`)).met;
    const deleteKey = randomUUID();
    met[`delete ${item}`] = (await tried(() => backend.startDelete(partner, create.answer!.resourceId, deleteKey), status)).met;
    return met;
  }

  /** A run of every item's script for a request of its own: one after the other, or all at once in reverse. */
  async function run(partner: string, how: 'in order' | 'all at once, reversed'): Promise<Record<string, string[]>> {
    const request = randomUUID();
    if (how === 'all at once, reversed') {
      return Object.assign({}, ...(await Promise.all([...ITEMS].reverse().map((item) => itemScript(partner, request, item)))));
    }
    const met: Record<string, string[]> = {};
    for (const item of ITEMS) Object.assign(met, await itemScript(partner, request, item));
    return met;
  }

  it('gives each call the same outcome in every run, whatever the order and the request; setting the profile again replays it', async () => {
    // A fixed code on a fresh database: the draws, and so what this test meets, are the same in every run.
    const partner = 'seeded';
    await sim.admin.setProfile(partner, flaky(20261204));
    const first = await run(partner, 'in order');
    await sim.admin.setProfile(partner, flaky(20261204));
    expect(await run(partner, 'all at once, reversed')).toEqual(first);

    // Not trivially so: outages of both kinds, retries that got through, operations that failed for good.
    const met = Object.values(first).flat();
    expect(met).toEqual(expect.arrayContaining(['503', '429', 'create succeeded', 'create failed']));
    expect(Object.values(first).some((tries) => tries.length > 1 && !/^\d+$/.test(tries.at(-1)!))).toBe(true);

    // Without setting the profile again the count goes on: a retry of a call draws anew.
    expect(await run(partner, 'in order')).not.toEqual(first);
    await sim.admin.setProfile(partner, flaky(20261205));
    expect(await run(partner, 'in order')).not.toEqual(first);
  });

  it('answers the seed, keeps it, and refuses one that is not a whole number from 0 to 2^53 - 1 with problem+json', async () => {
    const partner = 'seed-api';
    expect(await sim.admin.getProfile(partner)).toMatchObject({ seed: null, configured: false });
    expect(await sim.admin.setProfile(partner, flaky(Number.MAX_SAFE_INTEGER))).toMatchObject({ seed: Number.MAX_SAFE_INTEGER });
    expect(await sim.admin.setProfile(partner, flaky(0))).toMatchObject({ seed: 0, configured: true });
    const { seed: _seed, ...unseeded } = flaky(0);
    expect(await sim.admin.setProfile(partner, unseeded)).toMatchObject({ seed: null, configured: true });

    for (const seed of [-1, 1.5, '7', null, 2 ** 53, true]) {
      const response = await fetch(`${sim.url}/admin/partners/${partner}/profile`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...unseeded, seed }),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 400, errors: [{ field: 'seed' }] });
    }
    expect(await sim.admin.getProfile(partner)).toMatchObject({ seed: null });
  });

  it('documents the seed in its OpenAPI document: optional in the request, an integer or null in the answer', async () => {
    const document = (await (await fetch(`${sim.url}/openapi.json`)).json()) as {
      components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }> };
    };
    const { SetProfileRequest: request, ProfileResponse: answer } = document.components.schemas;
    expect(request.properties.seed).toMatchObject({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
    expect(request.required).not.toContain('seed');
    expect(answer.properties.seed).toMatchObject({ type: 'integer', nullable: true });
    expect(answer.required).toContain('seed');
  });
});
