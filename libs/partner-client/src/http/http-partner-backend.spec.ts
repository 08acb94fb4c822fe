import { describe, expect, it } from '@jest/globals';
import { operationFailure, PermanentPartnerError, TransientPartnerError } from '../partner-errors.js';
import { HttpPartnerBackend } from './http-partner-backend.js';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

const operation = {
  id: 'ctel-op-1',
  partner: 'china-telecom',
  action: 'create',
  status: 'running',
  resourceType: 'vm',
  resourceId: 'ctel-vm-1',
  createdAt: '2026-12-01T10:00:00.000Z',
  completedAt: null,
};

/** A fetch that records what it was sent and answers with the given response. */
function fakeFetch(answer: () => Response | Promise<Response>): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fake = (async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
    });
    return answer();
  }) as typeof fetch;
  return { fetch: fake, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const backendWith = (fake: typeof fetch, timeoutMs = 1000) => new HttpPartnerBackend({ baseUrl: 'http://sim.test:3002/', timeoutMs, fetch: fake });

describe('HttpPartnerBackend', () => {
  it('starts a create with the body, the Idempotency-Key header and the partner in the path', async () => {
    const { fetch, sent } = fakeFetch(() => json(202, operation));
    const started = await backendWith(fetch).startCreate('china-telecom', 'vm', { size: 'm1.large' }, { tenant: 't', request: 'r' }, 'r:create-vms:vm-0:create');
    expect(started).toEqual({ ...operation, error: null });
    expect(sent).toEqual([
      {
        url: 'http://sim.test:3002/partners/china-telecom/resources',
        method: 'POST',
        headers: expect.objectContaining({ 'idempotency-key': 'r:create-vms:vm-0:create', 'content-type': 'application/json' }),
        body: { type: 'vm', spec: { size: 'm1.large' }, labels: { tenant: 't', request: 'r' } },
      },
    ]);
  });

  it('deletes, powers on, polls and lists at their paths, escaping ids', async () => {
    const { fetch, sent } = fakeFetch(() => json(202, operation));
    const backend = backendWith(fetch);
    await backend.startDelete('softbank', 'a/b', 'k1');
    await backend.startPowerOn('softbank', 'sbnk-vm-1', 'k2');
    await backend.getOperation('softbank', 'sbnk-op-1');
    expect(sent.map((s) => `${s.method} ${s.url} ${s.headers['idempotency-key'] ?? '-'}`)).toEqual([
      'DELETE http://sim.test:3002/partners/softbank/resources/a%2Fb k1',
      'POST http://sim.test:3002/partners/softbank/resources/sbnk-vm-1/power-on k2',
      'GET http://sim.test:3002/partners/softbank/operations/sbnk-op-1 -',
    ]);
  });

  it('lists with the filter as query parameters', async () => {
    const resource = {
      id: 'prov-network-1',
      partner: 'provider',
      type: 'network',
      state: 'active',
      power: null,
      labels: { tenant: 't', request: 'r' },
      spec: { cidr: '10.0.0.0/24' },
      createdAt: '2026-12-01T10:00:00.000Z',
      deletedAt: null,
    };
    const { fetch, sent } = fakeFetch(() => json(200, { items: [resource] }));
    const resources = await backendWith(fetch).listResources('provider', { request: 'r', type: 'network', state: 'all' });
    expect(resources).toEqual([resource]);
    expect(sent[0].url).toBe('http://sim.test:3002/partners/provider/resources?request=r&type=network&state=all');
  });

  it('throws a TransientPartnerError for a 503, with Retry-After when given', async () => {
    const { fetch } = fakeFetch(() => json(429, { type: 'https://p/too-many-requests', detail: 'slow down' }, { 'retry-after': '2' }));
    const failure = backendWith(fetch).getOperation('softbank', 'op');
    await expect(failure).rejects.toBeInstanceOf(TransientPartnerError);
    await expect(failure).rejects.toMatchObject({ status: 429, retryAfterMs: 2000 });
  });

  it('throws a PermanentPartnerError for a 422 and a 404', async () => {
    const reused = fakeFetch(() => json(422, { type: 'https://p/idempotency-key-reused', detail: 'used' }));
    await expect(backendWith(reused.fetch).startDelete('softbank', 'x', 'k')).rejects.toMatchObject({
      permanent: true,
      status: 422,
      code: 'idempotency-key-reused',
    });
    const missing = fakeFetch(() => json(404, { type: 'https://p/not-found', detail: 'No resource' }));
    await expect(backendWith(missing.fetch).startDelete('softbank', 'x', 'k')).rejects.toBeInstanceOf(PermanentPartnerError);
  });

  it('calls a refused connection transient', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    });
    await expect(backendWith(fetch).getOperation('softbank', 'op')).rejects.toThrow(/ECONNREFUSED/);
    await expect(backendWith(fetch).getOperation('softbank', 'op')).rejects.toBeInstanceOf(TransientPartnerError);
  });

  it('gives up after the timeout, also on an answer that stalls, and calls it transient', async () => {
    const hanging = (async (_input: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof fetch;
    await expect(backendWith(hanging, 30).getOperation('softbank', 'op')).rejects.toMatchObject({
      permanent: false,
      message: 'softbank: GET /partners/softbank/operations/op did not answer within 30 ms',
    });
  });

  it('calls a 2xx it cannot read transient (the key makes the retry safe)', async () => {
    const garbled = fakeFetch(() => new Response('<html>proxy</html>', { status: 200 }));
    await expect(backendWith(garbled.fetch).getOperation('softbank', 'op')).rejects.toBeInstanceOf(TransientPartnerError);
    const wrongShape = fakeFetch(() => json(202, { ...operation, status: 'exploded' }));
    await expect(backendWith(wrongShape.fetch).startPowerOn('softbank', 'x', 'k')).rejects.toBeInstanceOf(TransientPartnerError);
  });

  it('refuses an idempotency key no partner could take, without calling', async () => {
    const { fetch, sent } = fakeFetch(() => json(202, operation));
    await expect(backendWith(fetch).startDelete('softbank', 'x', 'bad key')).rejects.toMatchObject({ code: 'invalid-idempotency-key' });
    await expect(backendWith(fetch).startDelete('softbank', 'x', '')).rejects.toBeInstanceOf(PermanentPartnerError);
    expect(sent).toHaveLength(0);
  });

  it('returns a failed operation, which operationFailure turns into a PermanentPartnerError', async () => {
    const failed = { ...operation, status: 'failed', error: { code: 'insufficient-capacity', message: 'No room.', permanent: true } };
    const { fetch } = fakeFetch(() => json(200, failed));
    const polled = await backendWith(fetch).getOperation('china-telecom', 'ctel-op-1');
    expect(polled.error).toEqual(failed.error);
    const error = operationFailure(polled);
    expect(error).toBeInstanceOf(PermanentPartnerError);
    expect(error).toMatchObject({ code: 'insufficient-capacity', status: null, operation: polled });
    expect(operationFailure({ ...polled, status: 'succeeded', error: null })).toBeNull();
    expect(operationFailure({ ...polled, error: { ...failed.error, permanent: false } })).toBeInstanceOf(TransientPartnerError);
  });
});
