import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  type BadInputCase,
  bodyCases,
  fieldCases,
  type OpenApiDocument,
  type SchemaObject,
  unstatedBounds,
} from '../support/bad-input-cases.js';
import { expectProblem } from '../support/problem-assertions.js';
import { snapshotDatabase, startTestApp, type TestApp } from '../support/test-app.js';
import { VALID_REQUESTS } from '../support/valid-requests.js';


/** Ids that name nothing, per path parameter; a malformed id must be a 404 too, never a 500. */
const UNKNOWN_IDS: Record<string, string[]> = {
  id: [randomUUID(), 'not-a-uuid'],
  code: ['no-such-code'],
  country: ['ZZ'],
};

const BODY_LIMIT_BYTES = 100 * 1024;
const WRITE_METHODS = ['post', 'patch', 'put'];

// Top-level await: the cases are generated from the running app's OpenAPI document, and jest
// collects tests before any beforeAll runs.
const t: TestApp = await startTestApp();
const document = (await t.http.get('/openapi.json').expect(200)).body as OpenApiDocument;
let before: Record<string, string>;

function writeRoutes(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => WRITE_METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function requestSchema(route: string): SchemaObject | undefined {
  const [method, path] = route.split(' ');
  // A route missing from the document fails the route-table test above; here it just has no cases.
  return document.paths[path]?.[method.toLowerCase()]?.requestBody?.content['application/json']?.schema;
}

const send = (method: string, url: string, c: Pick<BadInputCase, 'body' | 'raw'>) => {
  const req = t.http[method.toLowerCase() as 'post' | 'patch'](url).set('content-type', 'application/json');
  return c.raw !== undefined ? req.send(c.raw) : req.send(JSON.stringify(c.body));
};


beforeAll(async () => {
  for (const { body, arrange } of Object.values(VALID_REQUESTS)) {
    if (arrange) await t.http.post(arrange).send(body!).expect(201);
  }
  before = await snapshotDatabase(t.db);
}, 30_000);

afterAll(() => t.close());

describe('the route table', () => {
  it('has a valid request for every POST/PUT/PATCH route, and no entry for a route that does not exist', () => {
    expect(Object.keys(VALID_REQUESTS).sort()).toEqual(writeRoutes(document).sort());
  });

  it.each(writeRoutes(document))('%s states the bounds of every request field', (route) => {
    const schema = requestSchema(route);
    expect(schema === undefined ? [] : unstatedBounds(document, schema)).toEqual([]);
  });
});

describe.each(Object.keys(VALID_REQUESTS))('%s', (route) => {
  const [method, template] = route.split(' ');
  const { body: valid } = VALID_REQUESTS[route];
  const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  // Body-validation cases run against an id that does not exist: validation must answer first.
  const urlWith = (id: (param: string) => string) => template.replace(/\{(\w+)\}/g, (_, p: string) => id(p));
  const someUrl = urlWith((p) => UNKNOWN_IDS[p][0]);

  if (valid !== null) {
    it.each([...bodyCases(valid, BODY_LIMIT_BYTES), ...fieldCasesFor(route, valid)])(
      '$name',
      async (c) => {
        const res = await send(method, someUrl, c);
        expectProblem(res, c.status);
        if (c.field) {
          expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: c.field })]));
        }
        expect(await snapshotDatabase(t.db)).toEqual(before);
      },
    );
  }

  if (params.length > 0) {
    it.each(params.flatMap((p) => UNKNOWN_IDS[p].map((id) => [p, id])))('unknown %s %s is a 404', async (param, id) => {
      const url = urlWith((p) => (p === param ? id : UNKNOWN_IDS[p][0]));
      const res = await send(method, url, { body: valid ?? undefined });
      expectProblem(res, 404);
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });
  }
});

function fieldCasesFor(route: string, valid: Record<string, unknown>): BadInputCase[] {
  const schema = requestSchema(route);
  return schema ? fieldCases(document, schema, valid) : [];
}
