import type { Pipeline } from '../test/support/pipeline-harness.js';
import { KeepAliveJsonClient } from './keep-alive-json-client.js';

export type Submit = ((body: unknown) => Promise<{ status: number; body: unknown }>) & { close(): void };

/**
 * How the benchmarks submit: over `inFlight` keep-alive connections to the listening API, or,
 * with BENCH_CLIENT=supertest, through supertest as the tests do (a new connection per request).
 */
export function submissionClient(pipeline: Pipeline, inFlight: number): Submit {
  if (process.env.BENCH_CLIENT === 'supertest') {
    const submit = async (body: unknown) => {
      const res = await pipeline.http.post('/v1/provisioning-requests').send(body as object);
      return { status: res.status, body: res.body as unknown };
    };
    return Object.assign(submit, { close() {} });
  }
  if (!pipeline.apiUrl) throw new Error('The keep-alive client needs the API listening: startPipeline({ listen: true }).');
  const client = new KeepAliveJsonClient(pipeline.apiUrl, { authorization: `Bearer ${pipeline.platformKey}` }, inFlight);
  return Object.assign((body: unknown) => client.post('/v1/provisioning-requests', body), { close: () => client.close() });
}

/** Runs `task` `count` times, `workers` of them at a time. */
export async function inParallel(count: number, workers: number, task: () => Promise<void>): Promise<void> {
  let started = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (started < count) {
        started += 1;
        await task();
      }
    }),
  );
}

/** Submits `body` `count` times, `inFlight` at a time; any answer but 202 stops the run. */
export async function submitAll(submit: Submit, body: unknown, count: number, inFlight: number): Promise<void> {
  await inParallel(count, inFlight, async () => {
    const res = await submit(body);
    if (res.status !== 202) throw new Error(`submission answered ${res.status}: ${JSON.stringify(res.body)}`);
  });
}
