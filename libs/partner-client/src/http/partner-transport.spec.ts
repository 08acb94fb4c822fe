import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TransientPartnerError } from '../partner-errors.js';
import { HttpPartnerBackend } from './http-partner-backend.js';
import { keepAliveTransport } from './partner-transport.js';

describe('keepAliveTransport', () => {
  let server: http.Server;
  let base: string;
  const seen: { method?: string; url?: string; body: string; headers: http.IncomingHttpHeaders; socket: unknown }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, body, headers: req.headers, socket: req.socket });
        if (req.url === '/stall') return void res.write('{');
        res.writeHead(req.url === '/busy' ? 429 : 202, { 'content-type': 'application/json', 'retry-after': '3' });
        res.end(JSON.stringify({ echoed: body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends method, headers and body, answers status, headers and text, and keeps the connection', async () => {
    const send = keepAliveTransport();
    const call = () =>
      send(new URL(`${base}/things?x=1`), { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k' }, body: '{"a":"é"}', signal: AbortSignal.timeout(1000) });
    const answer = await call();
    expect({ ok: answer.ok, status: answer.status, type: answer.headers.get('Content-Type'), text: await answer.text() }).toEqual({
      ok: true,
      status: 202,
      type: 'application/json',
      text: JSON.stringify({ echoed: '{"a":"é"}' }),
    });
    await call();
    expect(seen.slice(-2).map((s) => [s.method, s.url, s.headers['idempotency-key'], s.headers['content-length']])).toEqual([
      ['POST', '/things?x=1', 'k', '10'],
      ['POST', '/things?x=1', 'k', '10'],
    ]);
    expect(seen.at(-1)!.socket).toBe(seen.at(-2)!.socket);
    expect((await send(new URL(`${base}/busy`), { method: 'GET', headers: {}, signal: AbortSignal.timeout(1000) })).ok).toBe(false);
  });

  it('through the partner backend: a stalled answer times out, a refused connection fails, both transient', async () => {
    const stalled = new HttpPartnerBackend({ baseUrl: `${base}/stall#`, timeoutMs: 50 });
    await expect(stalled.getOperation('p', 'op')).rejects.toMatchObject({ permanent: false, message: expect.stringMatching(/did not answer within 50 ms$/) });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = new HttpPartnerBackend({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 1000 });
    const failure = refused.getOperation('p', 'op');
    await expect(failure).rejects.toBeInstanceOf(TransientPartnerError);
    await expect(failure).rejects.toThrow(/ECONNREFUSED/);
    const throttled = new HttpPartnerBackend({ baseUrl: `${base}/busy#`, timeoutMs: 1000 });
    await expect(throttled.getOperation('p', 'op')).rejects.toMatchObject({ status: 429, retryAfterMs: 3000 });
  });
});
