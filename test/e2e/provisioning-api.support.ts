import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TenantName, World } from '../support/isolation-world.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Shared by the provisioning-api suites: a valid submission for a tenant of the isolation world
 * (../support/isolation-world.ts), SQL that plays the executor's part where an API test needs a
 * request further along, and a small server-sent event client.
 */

export type Spec = Record<string, unknown>;

export const submission = (world: World, tenant: TenantName = 'bank', spec: Spec = {}): Record<string, unknown> => ({
  tenant: world.tenantIds[tenant],
  service: 'iaas',
  spec: { vms: [{ size: 'm1.small', image: world.imageId, count: 2 }], storageGib: 100, networkCidr: '10.20.0.0/16', ...spec },
});

export async function rows<T = Record<string, unknown>>(t: TestApp, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.db.query(sql, params)).rows as T[];
}

/** What the executor does at the end of a successful run, as far as the API can tell: ACTIVE, with a deployment. */
export async function makeActive(t: TestApp, requestId: string): Promise<string> {
  const deploymentId = randomUUID();
  const [request] = await rows<{ tenant_id: string; data_centre_code: string }>(
    t,
    `UPDATE provisioning_requests SET status = 'ACTIVE', version = version + 1 WHERE id = $1 RETURNING tenant_id, data_centre_code`,
    [requestId],
  );
  await t.db.query(
    `INSERT INTO deployments (id, request_id, tenant_id, data_centre_code, status, resources)
     VALUES ($1, $2, $3, $4, 'active', '[{"type": "network", "id": "net-1"}, {"type": "vm", "id": "vm-1"}]')`,
    [deploymentId, requestId, request.tenant_id, request.data_centre_code],
  );
  return deploymentId;
}

/** One frame of a server-sent event stream. */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
}

export interface SseConnection {
  status: number;
  contentType: string | undefined;
  frames: SseFrame[];
  /** Resolves once `count` frames with data have arrived. */
  waitForData(count: number, timeoutMs?: number): Promise<SseFrame[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** The app's server, listening on a port (supertest then uses the same one). */
export async function listeningPort(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer() as http.Server;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export function openEventStream(port: number, path: string, key: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', Authorization: `Bearer ${key}`, ...headers } },
      (res) => {
        const frames: SseFrame[] = [];
        let buffer = '';
        let notify = () => {};
        const ended = new Promise<void>((done) => res.on('end', done));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let boundary: number;
          while ((boundary = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary + 2);
            const frame: SseFrame = {};
            for (const line of block.split('\n')) {
              const match = /^(id|event|data): ?(.*)$/.exec(line);
              if (match) frame[match[1] as keyof SseFrame] = match[2];
            }
            if (Object.keys(frame).length > 0) frames.push(frame);
          }
          notify();
        });
        const waitForData = (count: number, timeoutMs = 5000) =>
          new Promise<SseFrame[]>((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`only ${frames.length} frames after ${timeoutMs} ms: ${JSON.stringify(frames)}`)), timeoutMs);
            const check = () => {
              const withData = frames.filter((f) => f.data !== undefined);
              if (withData.length >= count) {
                clearTimeout(timer);
                done(withData);
              }
            };
            notify = check;
            check();
          });
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          frames,
          waitForData,
          ended,
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
  });
}
