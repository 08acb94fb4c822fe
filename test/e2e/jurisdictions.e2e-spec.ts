import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Test } from 'supertest';
import { expectRefused } from '../support/problem-assertions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

const china = {
  country: 'CN',
  name: 'China',
  regionCode: 'east-asia',
  providerMayOwnDataCentres: false,
  ownershipRationale: 'Foreigners may not own data centres in China.',
  defaultResidency: 'in-country',
};


describe('regions and jurisdictions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Sends a request that must be refused: status, problem+json, and not one row changed. */
  const refused = async (send: () => Test, status: number): Promise<Problem> =>
    (await expectRefused(t.db, send, status)).body as Problem;

  describe('regions', () => {
    it('registers a region and reads it back', async () => {
      const created = await t.http.post('/v1/regions').send({ code: 'east-asia', name: 'East Asia' }).expect(201);
      expect(created.headers.location).toBe('/v1/regions/east-asia');
      expect(created.body).toEqual({ code: 'east-asia', name: 'East Asia', createdAt: expect.any(String) });
      const read = await t.http.get('/v1/regions/east-asia').expect(200);
      expect(read.body).toEqual(created.body);
    });

    it('refuses a second region with the same code with 409', async () => {
      const problem = await refused(() => t.http.post('/v1/regions').send({ code: 'east-asia', name: 'Asia' }), 409);
      expect(problem).toMatchObject({ field: 'code', detail: "A region with code 'east-asia' already exists." });
    });

    it.each([
      ['a code that is not a slug', { code: 'East Asia', name: 'East Asia' }, 'code'],
      ['a code longer than 40', { code: 'a'.repeat(41), name: 'Long' }, 'code'],
      ['no name', { code: 'europe' }, 'name'],
      ['an empty name', { code: 'europe', name: '' }, 'name'],
      ['a name longer than 120', { code: 'europe', name: 'E'.repeat(121) }, 'name'],
      ['a name with a NUL byte', { code: 'europe', name: 'Eu\u0000rope' }, 'name'],
      ['a number for a name', { code: 'europe', name: 7 }, 'name'],
      ['an unknown field', { code: 'europe', name: 'Europe', continent: 'EU' }, 'continent'],
    ])('refuses %s with 400', async (_label, body, field) => {
      const problem = await refused(() => t.http.post('/v1/regions').send(body), 400);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    });

    it.each(['/v1/regions/nowhere', '/v1/regions/NOT%20A%20SLUG', '/v1/regions/x%00y'])('answers 404 for %s', async (path) => {
      const problem = await refused(() => t.http.get(path), 404);
      expect(problem.type).toMatch(/\/not-found$/);
    });

    it('pages through regions with a cursor', async () => {
      await t.http.post('/v1/regions').send({ code: 'europe', name: 'Europe' }).expect(201);
      await t.http.post('/v1/regions').send({ code: 'north-america', name: 'North America' }).expect(201);
      const first = await t.http.get('/v1/regions?limit=2').expect(200);
      expect(first.body.items.map((r: { code: string }) => r.code)).toEqual(['east-asia', 'europe']);
      const second = await t.http.get(`/v1/regions?limit=2&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body).toMatchObject({ items: [{ code: 'north-america' }], nextCursor: null });
    });

    it.each(['limit=0', 'limit=101', 'limit=two', 'cursor=forged', 'region=europe'])(
      'refuses the list query %s with 400',
      async (query) => {
        await refused(() => t.http.get(`/v1/regions?${query}`), 400);
      },
    );
  });

  describe('jurisdictions', () => {
    it('registers a jurisdiction and reads it back', async () => {
      const created = await t.http.post('/v1/jurisdictions').send(china).expect(201);
      expect(created.headers.location).toBe('/v1/jurisdictions/CN');
      expect(created.body).toEqual({ ...china, createdAt: expect.any(String), updatedAt: expect.any(String) });
      const read = await t.http.get('/v1/jurisdictions/CN').expect(200);
      expect(read.body).toEqual(created.body);
    });

    it('refuses a jurisdiction in an unknown region with 404 naming the region', async () => {
      const problem = await refused(
        () => t.http.post('/v1/jurisdictions').send({ ...china, country: 'JP', name: 'Japan', regionCode: 'asia-pacific' }),
        404,
      );
      expect(problem.detail).toBe("No region 'asia-pacific' exists.");
      expect(problem).toMatchObject({ resource: 'region', id: 'asia-pacific' });
    });

    it('refuses a second jurisdiction for the same country with 409', async () => {
      const problem = await refused(() => t.http.post('/v1/jurisdictions').send({ ...china, name: 'PRC' }), 409);
      expect(problem).toMatchObject({ field: 'country', value: 'CN' });
    });

    it.each([
      ['a lower-case country', { country: 'cn' }, 'country'],
      ['a three-letter country', { country: 'CHN' }, 'country'],
      ['a region code that is not a slug', { regionCode: 'East Asia' }, 'regionCode'],
      ['a string for the ownership flag', { providerMayOwnDataCentres: 'false' }, 'providerMayOwnDataCentres'],
      ['a rationale longer than 500', { ownershipRationale: 'x'.repeat(501) }, 'ownershipRationale'],
      ['an empty rationale', { ownershipRationale: '' }, 'ownershipRationale'],
      ['an unknown residency', { defaultResidency: 'in-continent' }, 'defaultResidency'],
      ['a name longer than 120', { name: 'C'.repeat(121) }, 'name'],
      ['an unknown field', { capital: 'Beijing' }, 'capital'],
    ])('refuses %s with 400', async (_label, change, field) => {
      const problem = await refused(() => t.http.post('/v1/jurisdictions').send({ ...china, country: 'JP', ...change }), 400);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    });

    it.each(['ownershipRationale', 'providerMayOwnDataCentres', 'defaultResidency', 'regionCode'])(
      'refuses a jurisdiction without %s with 400',
      async (field) => {
        const body: Record<string, unknown> = { ...china, country: 'JP' };
        delete body[field];
        const problem = await refused(() => t.http.post('/v1/jurisdictions').send(body), 400);
        expect(problem.errors).toContainEqual({ field, message: `${field} is required` });
      },
    );

    it('lists jurisdictions filtered by region, page by page', async () => {
      await t.http
        .post('/v1/jurisdictions')
        .send({ ...china, country: 'JP', name: 'Japan', ownershipRationale: 'Data locality.', providerMayOwnDataCentres: true })
        .expect(201);
      await t.http
        .post('/v1/jurisdictions')
        .send({
          country: 'GB',
          name: 'United Kingdom',
          regionCode: 'europe',
          providerMayOwnDataCentres: true,
          ownershipRationale: 'Open market.',
          defaultResidency: 'in-region',
        })
        .expect(201);
      const all = await t.http.get('/v1/jurisdictions').expect(200);
      expect(all.body.items.map((j: { country: string }) => j.country)).toEqual(['CN', 'GB', 'JP']);
      const first = await t.http.get('/v1/jurisdictions?regionCode=east-asia&limit=1').expect(200);
      expect(first.body.items.map((j: { country: string }) => j.country)).toEqual(['CN']);
      const second = await t.http.get(`/v1/jurisdictions?regionCode=east-asia&limit=1&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body).toMatchObject({ items: [{ country: 'JP' }], nextCursor: null });
      const none = await t.http.get('/v1/jurisdictions?regionCode=antarctica').expect(200);
      expect(none.body).toEqual({ items: [], nextCursor: null });
    });

    it.each(['regionCode=East%20Asia', 'regionCode=a&regionCode=b', 'limit=-1', 'cursor=%%%', 'country=CN'])(
      'refuses the list query %s with 400',
      async (query) => {
        await refused(() => t.http.get(`/v1/jurisdictions?${query}`), 400);
      },
    );

    it.each(['/v1/jurisdictions/FR', '/v1/jurisdictions/cn', '/v1/jurisdictions/CHINA'])(
      'answers 404 for %s',
      async (path) => {
        const problem = await refused(() => t.http.get(path), 404);
        expect(problem.detail).toMatch(/^No jurisdiction '.*' exists\.$/);
      },
    );
  });

  describe('changing a jurisdiction', () => {
    it('changes only the fields sent', async () => {
      const before = (await t.http.get('/v1/jurisdictions/CN').expect(200)).body;
      const res = await t.http
        .patch('/v1/jurisdictions/CN')
        .send({ providerMayOwnDataCentres: true, ownershipRationale: 'A joint venture now may own data centres.' })
        .expect(200);
      expect(res.body).toEqual({
        ...before,
        providerMayOwnDataCentres: true,
        ownershipRationale: 'A joint venture now may own data centres.',
        updatedAt: expect.any(String),
      });
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
      expect((await t.http.get('/v1/jurisdictions/CN').expect(200)).body).toEqual(res.body);
      await t.http.patch('/v1/jurisdictions/CN').send({ name: "People's Republic of China", defaultResidency: 'in-region' }).expect(200);
      const after = (await t.http.get('/v1/jurisdictions/CN').expect(200)).body;
      expect(after).toMatchObject({ name: "People's Republic of China", defaultResidency: 'in-region', providerMayOwnDataCentres: true });
    });

    it('refuses a change that names no field with 400', async () => {
      const problem = await refused(() => t.http.patch('/v1/jurisdictions/CN').send({}), 400);
      expect(problem.errors).toEqual([{ field: '(body)', message: expect.stringMatching(/^name at least one field/) }]);
      await refused(() => t.http.patch('/v1/jurisdictions/CN'), 400);
    });

    it.each([
      ['the country', { country: 'JP' }, 'country'],
      ['the region', { regionCode: 'europe' }, 'regionCode'],
      ['a null flag', { providerMayOwnDataCentres: null }, 'providerMayOwnDataCentres'],
      ['a null name', { name: null }, 'name'],
      ['a null rationale', { ownershipRationale: null }, 'ownershipRationale'],
      ['an empty name', { name: '' }, 'name'],
      ['an unknown residency', { defaultResidency: 'anywhere' }, 'defaultResidency'],
    ])('refuses a change of %s with 400', async (_label, body, field) => {
      const problem = await refused(() => t.http.patch('/v1/jurisdictions/CN').send(body), 400);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    });

    it.each(['FR', 'cn', 'x%00'])('answers 404 for a change of unknown jurisdiction %s', async (country) => {
      const problem = await refused(() => t.http.patch(`/v1/jurisdictions/${country}`).send({ name: 'Somewhere' }), 404);
      expect(problem.type).toMatch(/\/not-found$/);
    });
  });
});
