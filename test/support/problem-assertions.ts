import { expect } from '@jest/globals';
import type pg from 'pg';
import type { Response } from 'supertest';
import { snapshotDatabase } from './test-app.js';

/** An RFC 9457 answer with the given status. */
export function expectProblem(res: Pick<Response, 'status' | 'headers' | 'body'>, status: number): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { status } });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual(
    expect.objectContaining({ type: expect.any(String), title: expect.any(String), detail: expect.any(String) }),
  );
}

/** Sends a request that must be refused with `status`, and checks it changed nothing. */
export async function expectRefused(db: pg.Pool, send: () => PromiseLike<Response>, status: number): Promise<Response> {
  const before = await snapshotDatabase(db);
  const res = await send();
  expectProblem(res, status);
  expect(await snapshotDatabase(db)).toEqual(before);
  return res;
}
