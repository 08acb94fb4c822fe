import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { expectProblem, expectRefused } from '../support/problem-assertions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const forgedCursor = (after: unknown): string => Buffer.from(JSON.stringify({ after })).toString('base64url');


describe('catalogue items', () => {
  let t: TestApp;

  const refused = (send: () => PromiseLike<Response>, status: number): Promise<Response> => expectRefused(t.db, send, status);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('images', () => {
    const image = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
      name: 'Ubuntu 24.04 LTS',
      osFamily: 'linux',
      vendor: 'Canonical',
      version: '24.04',
      ...overrides,
    });

    beforeAll(async () => {
      for (const body of [
        image({ name: 'Windows Server 2022', osFamily: 'windows', vendor: 'Microsoft', version: '2022' }),
        image({ name: 'Windows Server 2019', osFamily: 'windows', vendor: 'Microsoft', version: '2019' }),
        image({ name: 'Kylin V10', vendor: 'KylinSoft', version: 'V10' }),
      ]) {
        await t.http.post('/v1/catalogue/images').send(body).expect(201);
      }
    });

    it('registers an image and reads it back', async () => {
      const created = await t.http.post('/v1/catalogue/images').send(image()).expect(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        name: 'Ubuntu 24.04 LTS',
        osFamily: 'linux',
        vendor: 'Canonical',
        version: '24.04',
        createdAt: expect.any(String),
      });
      expect(created.headers.location).toBe(`/v1/catalogue/images/${created.body.id}`);
      expect((await t.http.get(created.headers.location).expect(200)).body).toEqual(created.body);
    });

    it('refuses a taken name with 409', async () => {
      const res = await refused(() => t.http.post('/v1/catalogue/images').send(image({ name: 'Kylin V10', version: 'V11' })), 409);
      expect(res.body).toMatchObject({ field: 'name', detail: "An image with name 'Kylin V10' already exists." });
    });

    it.each([
      ['name missing', { name: undefined }, 'name'],
      ['an empty name', { name: '' }, 'name'],
      ['a name over 120 characters', { name: 'x'.repeat(121) }, 'name'],
      ['an unknown OS family', { osFamily: 'macos' }, 'osFamily'],
      ['vendor missing', { vendor: undefined }, 'vendor'],
      ['a vendor over 80 characters', { vendor: 'x'.repeat(81) }, 'vendor'],
      ['a version over 40 characters', { version: 'x'.repeat(41) }, 'version'],
      ['a version that is not a string', { version: 24 }, 'version'],
      ['an unknown field', { licence: 'GPL' }, 'licence'],
    ])('refuses %s with 400', async (_case, overrides, field) => {
      const res = await refused(() => t.http.post('/v1/catalogue/images').send(image({ name: 'Invalid', ...overrides })), 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('accepts fields at their longest', async () => {
      const body = image({ name: 'n'.repeat(120), vendor: 'v'.repeat(80), version: 'r'.repeat(40) });
      await t.http.post('/v1/catalogue/images').send(body).expect(201);
    });

    it('answers 404 for an unknown id and for an id that is not a uuid', async () => {
      const unknown = await t.http.get(`/v1/catalogue/images/${UNKNOWN_ID}`);
      expectProblem(unknown, 404);
      expect(unknown.body.detail).toBe(`No image '${UNKNOWN_ID}' exists.`);
      const malformed = await t.http.get('/v1/catalogue/images/windows-8');
      expectProblem(malformed, 404);
      expect(malformed.body.detail).toBe("No image 'windows-8' exists.");
    });

    it('filters by OS family and vendor', async () => {
      const names = (res: Response): string[] => (res.body.items as { name: string }[]).map((item) => item.name).sort();
      expect(names(await t.http.get('/v1/catalogue/images?osFamily=windows').expect(200))).toEqual([
        'Windows Server 2019',
        'Windows Server 2022',
      ]);
      expect(names(await t.http.get('/v1/catalogue/images?vendor=KylinSoft').expect(200))).toEqual(['Kylin V10']);
      expect(names(await t.http.get('/v1/catalogue/images?osFamily=linux&vendor=Microsoft').expect(200))).toEqual([]);
    });

    it('walks every image exactly once with a cursor', async () => {
      const { rows } = await t.db.query<{ id: string }>('SELECT id FROM images ORDER BY id');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Response = await t.http
          .get('/v1/catalogue/images')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .expect(200);
        seen.push(...(res.body.items as { id: string }[]).map((item) => item.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(rows.map((row) => row.id));
    });

    it.each([
      ['a cursor that is not base64 JSON', 'cursor=%%%'],
      ['a forged cursor whose key is not a uuid', `cursor=${forgedCursor('zzz')}`],
      ['a forged cursor whose key is not a string', `cursor=${forgedCursor(5)}`],
      ['an unknown OS family', 'osFamily=beos'],
      ['a vendor over 80 characters', `vendor=${'x'.repeat(81)}`],
      ['an unknown filter', 'family=linux'],
    ])('refuses a list with %s with 400', async (_case, query) => {
      expectProblem(await t.http.get(`/v1/catalogue/images?${query}`), 400);
    });
  });

  describe('sizes', () => {
    const size = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
      code: 'm1.large',
      name: 'Large',
      vcpu: 4,
      memoryGib: 16,
      ...overrides,
    });

    beforeAll(async () => {
      for (const body of [
        size({ code: 'm1.small', name: 'Small', vcpu: 1, memoryGib: 2 }),
        size({ code: 'm1.medium', name: 'Medium', vcpu: 2, memoryGib: 8 }),
        size({ code: 'x1.huge', name: 'Huge', vcpu: 512, memoryGib: 4096 }),
      ]) {
        await t.http.post('/v1/catalogue/sizes').send(body).expect(201);
      }
    });

    it('registers a size and reads it back', async () => {
      const created = await t.http.post('/v1/catalogue/sizes').send(size()).expect(201);
      expect(created.body).toEqual({ code: 'm1.large', name: 'Large', vcpu: 4, memoryGib: 16, createdAt: expect.any(String) });
      expect(created.headers.location).toBe('/v1/catalogue/sizes/m1.large');
      expect((await t.http.get('/v1/catalogue/sizes/m1.large').expect(200)).body).toEqual(created.body);
    });

    it('refuses a taken code with 409', async () => {
      const res = await refused(() => t.http.post('/v1/catalogue/sizes').send(size({ code: 'm1.small', name: 'Other' })), 409);
      expect(res.body).toMatchObject({ field: 'code', detail: "A size with code 'm1.small' already exists." });
    });

    it('refuses a taken name with 409', async () => {
      const res = await refused(() => t.http.post('/v1/catalogue/sizes').send(size({ code: 'm2.small', name: 'Small' })), 409);
      expect(res.body).toMatchObject({ field: 'name', detail: "A size with name 'Small' already exists." });
    });

    it.each([
      ['code missing', { code: undefined }, 'code'],
      ['an upper-case code', { code: 'M1.Large' }, 'code'],
      ['a code with a trailing dot', { code: 'm1.' }, 'code'],
      ['a code over 40 characters', { code: 'a'.repeat(41) }, 'code'],
      ['an empty name', { name: '' }, 'name'],
      ['a name over 80 characters', { name: 'x'.repeat(81) }, 'name'],
      ['no vCPU', { vcpu: 0 }, 'vcpu'],
      ['more than 512 vCPU', { vcpu: 513 }, 'vcpu'],
      ['fractional vCPU', { vcpu: 1.5 }, 'vcpu'],
      ['vCPU as a string', { vcpu: '4' }, 'vcpu'],
      ['no memory', { memoryGib: 0 }, 'memoryGib'],
      ['more than 4096 GiB of memory', { memoryGib: 4097 }, 'memoryGib'],
      ['an unknown field', { gpus: 1 }, 'gpus'],
    ])('refuses %s with 400', async (_case, overrides, field) => {
      const res = await refused(() => t.http.post('/v1/catalogue/sizes').send(size({ code: 'z9.invalid', name: 'Invalid', ...overrides })), 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('answers 404 for an unknown code', async () => {
      const res = await t.http.get('/v1/catalogue/sizes/m9.none');
      expectProblem(res, 404);
      expect(res.body.detail).toBe("No size 'm9.none' exists.");
    });

    it('lists sizes in code order, page by page', async () => {
      const first = await t.http.get('/v1/catalogue/sizes?limit=2').expect(200);
      expect(first.body.items.map((item: { code: string }) => item.code)).toEqual(['m1.large', 'm1.medium']);
      const second = await t.http.get(`/v1/catalogue/sizes?limit=2&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body.items.map((item: { code: string }) => item.code)).toEqual(['m1.small', 'x1.huge']);
      expect(second.body.nextCursor).toBeNull();
    });

    it.each([
      ['a cursor that is not base64 JSON', 'cursor=not-a-cursor'],
      ['a forged cursor whose key is not a string', `cursor=${forgedCursor({ code: 'm1' })}`],
      ['a limit over 100', 'limit=1000'],
      ['an unknown filter', 'vcpu=4'],
    ])('refuses a list with %s with 400', async (_case, query) => {
      expectProblem(await t.http.get(`/v1/catalogue/sizes?${query}`), 400);
    });
  });
});
