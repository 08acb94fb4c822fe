import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { snapshotDatabase, startTestApp, type TestApp } from '../support/test-app.js';

describe('partners', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.query(`INSERT INTO regions (code, name) VALUES ('east-asia', 'East Asia')`);
    await t.db.query(`INSERT INTO jurisdictions (country, name, region_code, provider_may_own_data_centres, ownership_rationale, default_residency)
      VALUES ('CN', 'China', 'east-asia', false, 'Foreigners may not own data centres in China.', 'in-country')`);
  });
  afterAll(() => t.close());

  it('registers a local partner and reads it back', async () => {
    const created = await t.http
      .post('/v1/partners')
      .send({ code: 'china-telecom', name: 'China Telecom', kind: 'local-partner', country: 'CN' })
      .expect(201);
    expect(created.headers.location).toBe('/v1/partners/china-telecom');
    expect(created.body).toMatchObject({ code: 'china-telecom', kind: 'local-partner', country: 'CN' });
    const read = await t.http.get('/v1/partners/china-telecom').expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('refuses a second provider with 409 and changes nothing', async () => {
    await t.http.post('/v1/partners').send({ code: 'provider', name: 'VMware', kind: 'provider' }).expect(201);
    const before = await snapshotDatabase(t.db);
    const res = await t.http.post('/v1/partners').send({ code: 'other', name: 'Other', kind: 'provider' }).expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 409, field: 'kind' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('refuses a local partner in a country without a jurisdiction', async () => {
    const res = await t.http
      .post('/v1/partners')
      .send({ code: 'softbank', name: 'SoftBank', kind: 'local-partner', country: 'JP' })
      .expect(404);
    expect(res.body.detail).toBe("No jurisdiction 'JP' exists.");
  });

  it('lists with a cursor and filters', async () => {
    const first = await t.http.get('/v1/partners?limit=1').expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http.get(`/v1/partners?limit=1&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].code).not.toBe(first.body.items[0].code);
    expect(second.body.nextCursor).toBeNull();
    const filtered = await t.http.get('/v1/partners?kind=provider').expect(200);
    expect(filtered.body.items.map((p: { code: string }) => p.code)).toEqual(['provider']);
  });
});
