import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { startPartnerSim, type TestPartnerSim } from '../support/partner-sim.js';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/test-database.js';

/**
 * The partner API's hot routes are served without express (libs/partner-sim/src/http/hot-routes.ts).
 * Each request here goes to two simulators on one database, one serving them that way and one all
 * through Nest, and the answers must be the same: status, headers and body, but for the fresh
 * ids and times of what each one made.
 */
describe('partner simulator: hot routes answer as the Nest app does', () => {
  const databaseName = uniqueDatabaseName('cp_test_partner_sim_hot');
  let databaseUrl: string;
  let hot: TestPartnerSim;
  let nest: TestPartnerSim;

  beforeAll(async () => {
    databaseUrl = await createDatabase(databaseName);
    hot = await startPartnerSim(databaseUrl);
    nest = await startPartnerSim(databaseUrl, {}, { hotRoutes: false });
  });
  afterAll(async () => {
    await hot?.close();
    await nest?.close();
    await dropDatabase(databaseName);
  });

  const partnerFor = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
  const labels = { tenant: 'tenant-1', request: 'request-1' };

  interface Answer {
    status: number;
    headers: Record<string, string>;
    body: string;
  }

  /** Fresh ids and times differ between the two; everything else must not. */
  const normalised = (text: string) =>
    text.replace(/[0-9a-f]{16}/g, '<id>').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>');

  async function ask(sim: TestPartnerSim, path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${sim.url}${path}`, init);
    const headers = Object.fromEntries(response.headers);
    delete headers.date;
    return { status: response.status, headers, body: await response.text() };
  }

  /** The same request (with `fresh` headers each, such as a new Idempotency-Key) to both; their answers. */
  async function both(path: string, init: RequestInit = {}, fresh: () => Record<string, string> = () => ({}), [fastSim, slowSim] = [hot, nest]) {
    const withFresh = (): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), ...fresh() } });
    const [fast, slow] = [await ask(fastSim, path, withFresh()), await ask(slowSim, path, withFresh())];
    if (fast.body === slow.body) expect(fast.headers.etag).toBe(slow.headers.etag);
    const comparable = ({ status, headers, body }: Answer) => ({
      status,
      headers: { ...headers, etag: headers.etag?.replace(/"[^"]+"/, '"…"'), location: headers.location && normalised(headers.location) },
      body: normalised(body),
    });
    expect(comparable(fast)).toEqual(comparable(slow));
    return fast;
  }

  const json = { 'content-type': 'application/json' };
  const newKey = () => ({ 'idempotency-key': randomUUID() });
  const post = (body: string, headers: Record<string, string> = json): RequestInit => ({ method: 'POST', headers, body });
  const create = (partner: string, body: string, headers?: Record<string, string>) =>
    both(`/partners/${partner}/resources`, post(body, headers), newKey);

  it('creates, with the same 202, Location and operation', async () => {
    const partner = partnerFor('hot');
    const answer = await create(partner, JSON.stringify({ type: 'network', spec: { cidr: '10.0.0.0/16', nested: [1, null, { a: true }] }, labels }));
    expect(answer.status).toBe(202);
    expect(answer.headers.location).toMatch(new RegExp(`^/partners/${partner}/operations/`));
    const specs = (await hot.admin.inspectResources(partner)).map((resource) => resource.spec);
    expect(specs).toEqual([{ cidr: '10.0.0.0/16', nested: [1, null, { a: true }] }, { cidr: '10.0.0.0/16', nested: [1, null, { a: true }] }]);
  });

  it('refuses what the validation pipe refuses, in the same words', async () => {
    const partner = partnerFor('hot-invalid');
    const valid = { type: 'org', spec: {}, labels };
    for (const body of [
      { ...valid, extra: 1 },
      { ...valid, type: 'router' },
      { ...valid, spec: [] },
      { ...valid, spec: 'big' },
      { ...valid, labels: { request: 'r' } },
      { ...valid, labels: { tenant: 't', size: 4 } },
      { ...valid, spec: { name: 'a\u0000b' } },
      { type: 'org', labels },
    ]) {
      expect((await create(partner, JSON.stringify(body))).status).toBe(400);
    }
    // Read here first, then parsed again by the Nest app.
    expect((await create(partner, '[{"type":"org"}]')).status).toBe(400);
    expect((await create(partner, '{"type":')).status).toBe(400);
    expect((await create(partner, 'true')).status).toBe(400);
    expect((await create(partner, `  ${JSON.stringify(valid)}`)).status).toBe(202);
    await create(partner, JSON.stringify({ ...valid, spec: { ['__proto__']: { x: 1 } } }));
  });

  it('refuses headers the Nest app refuses: media type, Idempotency-Key, body size', async () => {
    const partner = partnerFor('hot-headers');
    const body = JSON.stringify({ type: 'org', spec: {}, labels });
    expect((await create(partner, body, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await both(`/partners/${partner}/resources`, post(body))).status).toBe(400);
    expect((await both(`/partners/${partner}/resources`, post(body), () => ({ 'idempotency-key': 'has space' }))).status).toBe(400);
    const huge = JSON.stringify({ type: 'org', spec: { pad: 'x'.repeat(200 * 1024) }, labels });
    expect((await create(partner, huge)).status).toBe(413);
    expect((await create(partner, body, { 'content-type': 'application/json; charset=latin1' })).status).toBe(415);
  });

  it('leaves other paths, methods and partner codes to the Nest router: 404 and 400 alike', async () => {
    expect((await both('/partners/Not_A_Slug/resources')).status).toBe(400);
    expect((await both('/partners/hot/nothing')).status).toBe(404);
    expect((await both('/partners/hot/resources', { method: 'PUT' })).status).toBe(404);
    expect((await both('/partners/hot/operations', { method: 'GET' })).status).toBe(404);
    expect((await both('/partners/hot/operations/x%00y')).status).toBe(404);
    expect((await both('/partners/hot/resources', { method: 'HEAD' })).status).toBe(200);
    expect((await both('/health')).status).toBe(200);
  });

  it('reads operations the same way, found or not', async () => {
    const partner = partnerFor('hot-read');
    const made = await hot.backend.startCreate(partner, 'org', {}, labels, randomUUID());
    const answer = await both(`/partners/${partner}/operations/${made.id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toMatch(/^W\/"/);
    // fetch adds Cache-Control: no-cache to a conditional request, which express then answers in full.
    await both(`/partners/${partner}/operations/${made.id}`, { headers: { 'if-none-match': answer.headers.etag } });
    const conditional = await new Promise<number | undefined>((resolve, reject) =>
      http.get(`${hot.url}/partners/${partner}/operations/${made.id}`, { headers: { 'if-none-match': answer.headers.etag } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      }).on('error', reject),
    );
    expect(conditional).toBe(304);
    expect((await both(`/partners/${partner}/operations/${made.id}?ignored=1`)).status).toBe(200);
    expect((await both(`/partners/${partner}/operations/${partner}-op-0000000000000000`)).status).toBe(404);
    expect((await both(`/partners/unknown-${partner}/operations/${made.id}`)).status).toBe(404);
  });

  it('lists with the same filters, and refuses the same ones', async () => {
    const partner = partnerFor('hot-list');
    await hot.backend.startCreate(partner, 'vm', { size: 's' }, labels, randomUUID());
    for (const query of ['', '?tenant=tenant-1', '?request=request-1&type=vm&state=all', '?tenant=', '?type=org', '?state=deleted']) {
      expect((await both(`/partners/${partner}/resources${query}`)).status).toBe(200);
    }
    for (const query of ['?foo=1', '?type=router', '?state=gone', '?tenant=a&tenant=b', `?tenant=${'x'.repeat(257)}`, '?tenant[a]=1']) {
      expect((await both(`/partners/${partner}/resources${query}`)).status).toBe(400);
    }
    expect((await both(`/partners/${partner}/resources?tenant=tenant%2D1`)).status).toBe(200);
  });

  it('powers on and deletes the same way, with the same domain errors', async () => {
    const partner = partnerFor('hot-change');
    const vm = await hot.backend.startCreate(partner, 'vm', {}, labels, randomUUID());
    const org = await hot.backend.startCreate(partner, 'org', {}, labels, randomUUID());
    const powerOn = (id: string) => both(`/partners/${partner}/resources/${id}/power-on`, { method: 'POST' }, newKey);
    expect((await powerOn(org.resourceId)).status).toBe(422);
    expect((await powerOn(`${partner}-vm-0000000000000000`)).status).toBe(404);
    expect((await powerOn(vm.resourceId)).status).toBe(202);
    expect((await both(`/partners/${partner}/resources/${vm.resourceId}/power-on`, { method: 'POST' })).status).toBe(400);
    expect((await both(`/partners/${partner}/resources/${vm.resourceId}/power-on`, { method: 'POST', ...post('{}') }, newKey)).status).toBe(202);
    const remove = (id: string) => both(`/partners/${partner}/resources/${id}`, { method: 'DELETE' }, newKey);
    expect((await remove(`${partner}-org-0000000000000000`)).status).toBe(404);
    expect((await remove(org.resourceId)).status).toBe(202);
  });

  it('answers a replayed key with its operation, and a reused one with the same 422', async () => {
    const partner = partnerFor('hot-idem');
    const key = randomUUID();
    const body = JSON.stringify({ type: 'org', spec: {}, labels });
    const first = await hot.backend.startCreate(partner, 'org', {}, labels, key);
    const replay = await both(`/partners/${partner}/resources`, post(body, { ...json, 'idempotency-key': key }));
    expect(JSON.parse(replay.body)).toMatchObject({ id: first.id });
    const reused = JSON.stringify({ type: 'vm', spec: {}, labels });
    expect((await both(`/partners/${partner}/resources`, post(reused, { ...json, 'idempotency-key': key }))).status).toBe(422);
  });

  it('renders simulated outages the same: 429 with Retry-After, 503', async () => {
    const partner = partnerFor('hot-outage');
    await hot.admin.addFault(partner, { action: 'create', kind: 'transient', count: 2, httpStatus: 429, retryAfterSeconds: 7 });
    const throttled = await create(partner, JSON.stringify({ type: 'org', spec: {}, labels }));
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('7');
    const flaky = { latencyMs: 0, jitterMs: 0, transientFailureRate: 1, permanentFailureRate: 0 };
    // Each simulator caches profiles for a second; its own admin API clears its cache.
    await hot.admin.setProfile(partner, flaky);
    await nest.admin.setProfile(partner, flaky);
    // Either sim may draw 429 or 503: each answer is compared with the Nest app's rendering of the same status.
    for (let i = 0; i < 6; i += 1) {
      const [fast, slow] = [await ask(hot, `/partners/${partner}/resources`), await ask(nest, `/partners/${partner}/resources`)];
      const same = fast.status === slow.status;
      if (same) expect({ ...fast, headers: { ...fast.headers, etag: undefined } }).toEqual({ ...slow, headers: { ...slow.headers, etag: undefined } });
      expect([429, 503]).toContain(fast.status);
      expect(fast.headers['retry-after']).toBe(fast.status === 429 ? '1' : undefined);
    }
  });

  it('draws the same outcomes from the same seed, call by call: creates, polls, power-ons, lists and deletes', async () => {
    // A fixed code on a fresh database: the draws, and so what this test meets, are the same in every run.
    const partner = 'hot-seeded';
    const seeded = { latencyMs: 0, jitterMs: 0, transientFailureRate: 0.5, permanentFailureRate: 0.3, seed: 7 };
    // Each counts its own calls: set on both, both start from the first.
    await hot.admin.setProfile(partner, seeded);
    await nest.admin.setProfile(partner, seeded);
    const met: string[] = [];
    /** The same call to both until it gets through (at most 8 tries), as a client retries. */
    const compared = async (name: string, path: string, init: RequestInit = {}, fresh?: () => Record<string, string>) => {
      for (let tries = 0; tries < 8; tries += 1) {
        const answer = await both(path, init, fresh);
        met.push(`${name} ${answer.status}`);
        if (answer.status !== 429 && answer.status !== 503) return JSON.parse(answer.body) as { id: string; resourceId: string; status: string };
      }
      return null;
    };
    for (const item of ['org', 'network', 'vm-0', 'vm-1', 'vm-2']) {
      const type = item.startsWith('vm') ? 'vm' : item;
      const body = JSON.stringify({ type, spec: {}, labels: { ...labels, item } });
      const made = await compared('create', `/partners/${partner}/resources`, post(body), newKey);
      // Both act on what the fast one made: one database, and the same labels behind either's resource.
      if (!made) continue;
      const polled = await compared('poll', `/partners/${partner}/operations/${made.id}`);
      if (type === 'vm' && polled?.status === 'succeeded') {
        await compared('power-on', `/partners/${partner}/resources/${made.resourceId}/power-on`, { method: 'POST' }, newKey);
      }
      await compared('list', `/partners/${partner}/resources?tenant=tenant-1&type=${type}`);
      await compared('delete', `/partners/${partner}/resources/${made.resourceId}`, { method: 'DELETE' }, newKey);
    }
    expect(met).toEqual(expect.arrayContaining(['create 429', 'create 503', 'create 202', 'poll 200', 'power-on 202', 'list 200', 'delete 202']));
  });

  it('leaves everything to the Nest app when CORS is configured: its headers are on every answer', async () => {
    const env = { CORS_ORIGINS: 'https://console.example' };
    const pair: [TestPartnerSim, TestPartnerSim] = [await startPartnerSim(databaseUrl, env), await startPartnerSim(databaseUrl, env, { hotRoutes: false })];
    try {
      const partner = partnerFor('hot-cors');
      const answer = await both(`/partners/${partner}/resources`, post(JSON.stringify({ type: 'org', spec: {}, labels })), newKey, pair);
      expect(answer.status).toBe(202);
      expect(answer.headers.vary).toBe('Origin');
      expect((await both(`/partners/${partner}/resources`, {}, undefined, pair)).status).toBe(200);
    } finally {
      await Promise.all(pair.map((sim) => sim.close()));
    }
  });
});
