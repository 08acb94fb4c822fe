import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Test } from 'supertest';
import { DataCentreRepository } from '#libs/catalogue/src/domain/catalogue.repositories.js';
import { expectRefused } from '../support/problem-assertions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

const capacity = { vcpu: 1000, memoryGib: 4000, storageGib: 200_000, publicIps: 64 };
const beijing = {
  code: 'cn-beijing-1',
  name: 'Beijing 1',
  country: 'CN',
  operator: 'china-telecom',
  ownership: 'partner-operated',
  services: ['iaas', 'draas'],
  capacity,
};


describe('data centres', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.query(`INSERT INTO regions (code, name) VALUES ('east-asia', 'East Asia'), ('north-america', 'North America')`);
    await t.db.query(`INSERT INTO jurisdictions (country, name, region_code, provider_may_own_data_centres, ownership_rationale, default_residency) VALUES
      ('CN', 'China', 'east-asia', false, 'Foreigners may not own data centres in China.', 'in-country'),
      ('JP', 'Japan', 'east-asia', false, 'Customers demand data locality.', 'in-country'),
      ('US', 'United States', 'north-america', true, 'No restriction.', 'none')`);
    await t.db.query(`INSERT INTO partners (code, name, kind, country) VALUES
      ('provider', 'VMware', 'provider', NULL),
      ('china-telecom', 'China Telecom', 'local-partner', 'CN'),
      ('softbank', 'SoftBank', 'local-partner', 'JP')`);
  });
  afterAll(() => t.close());

  /** Sends a request that must be refused: status, problem+json, and not one row changed. */
  const refused = async (send: () => Test, status: number): Promise<Problem> =>
    (await expectRefused(t.db, send, status)).body as Problem;

  const register = (body: object) => t.http.post('/v1/data-centres').send(body);
  const codes = (body: { items: { code: string }[] }) => body.items.map((item) => item.code);

  describe('registering', () => {
    it('registers a partner-operated site and reads it back with capacity and utilisation', async () => {
      const created = await register(beijing).expect(201);
      expect(created.headers.location).toBe('/v1/data-centres/cn-beijing-1');
      expect(created.body).toEqual({
        code: 'cn-beijing-1',
        name: 'Beijing 1',
        country: 'CN',
        operator: 'china-telecom',
        ownership: 'partner-operated',
        services: ['draas', 'iaas'],
        status: 'active',
        availableFrom: null,
        statusReason: null,
        capacity,
        used: { vcpu: 0, memoryGib: 0, storageGib: 0, publicIps: 0 },
        free: capacity,
        utilisation: { vcpu: 0, memoryGib: 0, storageGib: 0, publicIps: 0 },
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect((await t.http.get('/v1/data-centres/cn-beijing-1').expect(200)).body).toEqual(created.body);
    });

    it('registers a planned site with its opening date', async () => {
      const res = await register({
        ...beijing,
        code: 'jp-tokyo-1',
        name: 'Tokyo 1',
        country: 'JP',
        operator: 'softbank',
        services: ['iaas', 'daas'],
        status: 'planned',
        availableFrom: '2027-04-01',
      }).expect(201);
      expect(res.body).toMatchObject({ status: 'planned', availableFrom: '2027-04-01' });
    });

    it('registers an owned site where the provider may own data centres', async () => {
      const res = await register({
        ...beijing,
        code: 'us-east-1',
        name: 'US East 1',
        country: 'US',
        operator: 'provider',
        ownership: 'owned',
        services: ['iaas'],
      }).expect(201);
      expect(res.body).toMatchObject({ ownership: 'owned', operator: 'provider' });
    });

    it('refuses an owned site in China with 422, quoting the rule', async () => {
      const problem = await refused(() => register({ ...beijing, code: 'cn-shanghai-1', operator: 'provider', ownership: 'owned' }), 422);
      expect(problem.type).toMatch(/\/ownership-not-allowed$/);
      expect(problem.detail).toContain('Foreigners may not own data centres in China.');
      expect(problem).toMatchObject({ rule: 'jurisdiction:CN:provider-may-own-data-centres', country: 'CN' });
    });

    it('follows the jurisdiction rules as they are changed over the API', async () => {
      const owned = { ...beijing, code: 'cn-shanghai-1', name: 'Shanghai 1', operator: 'provider', ownership: 'owned' };
      const allow = { providerMayOwnDataCentres: true, ownershipRationale: 'Allowed under the 2030 reform.' };
      await t.http.patch('/v1/jurisdictions/CN').send(allow).expect(200);
      await register(owned).expect(201);
      const forbid = { providerMayOwnDataCentres: false, ownershipRationale: 'The reform was reversed.' };
      await t.http.patch('/v1/jurisdictions/CN').send(forbid).expect(200);
      const problem = await refused(() => register({ ...owned, code: 'cn-shanghai-2' }), 422);
      expect(problem.detail).toContain('The reform was reversed.');
      // Sites already registered stay: the rule decides registrations, it does not rewrite history.
      await t.http.get('/v1/data-centres/cn-shanghai-1').expect(200);
    });

    it.each([
      ['an unknown country', { country: 'FR' }, 404, /\/not-found$/, "No jurisdiction 'FR' exists."],
      ['an unknown operator', { operator: 'chinanet' }, 404, /\/not-found$/, "No partner 'chinanet' exists."],
      [
        'a local partner outside its country',
        { operator: 'softbank' },
        422,
        /\/operator-outside-country$/,
        "Partner 'softbank' operates in JP, not in CN.",
      ],
      ['the provider operating a partner-operated site', { operator: 'provider' }, 422, /\/operator-mismatch$/, undefined],
      [
        'a local partner operating an owned site',
        { country: 'US', ownership: 'owned', operator: 'china-telecom' },
        422,
        /\/operator-mismatch$/,
        undefined,
      ],
      ['a planned site without a date', { status: 'planned' }, 422, /\/available-from-required$/, undefined],
      ['an active site with a date', { availableFrom: '2027-01-01' }, 422, /\/available-from-only-when-planned$/, undefined],
      ['a code already taken', { code: 'cn-beijing-1' }, 409, /\/duplicate$/, "A data centre with code 'cn-beijing-1' already exists."],
    ])('refuses %s', async (_label, change, status, type, detail) => {
      const problem = await refused(() => register({ ...beijing, code: 'cn-beijing-2', ...change }), status);
      expect(problem.type).toMatch(type);
      if (detail) expect(problem.detail).toBe(detail);
    });

    it.each([
      ['a code that is not a slug', { code: 'CN Beijing 1' }, 'code'],
      ['a code longer than 40', { code: 'c'.repeat(41) }, 'code'],
      ['an empty name', { name: '' }, 'name'],
      ['a name longer than 120', { name: 'B'.repeat(121) }, 'name'],
      ['a name with a line break', { name: 'Beijing\n1' }, 'name'],
      ['a lower-case country', { country: 'cn' }, 'country'],
      ['an operator that is not a code', { operator: 'China Telecom' }, 'operator'],
      ['an unknown ownership', { ownership: 'leased' }, 'ownership'],
      ['no services', { services: [] }, 'services'],
      ['four services', { services: ['iaas', 'draas', 'daas', 'iaas'] }, 'services'],
      ['a service twice', { services: ['iaas', 'iaas'] }, 'services'],
      ['an unknown service', { services: ['paas'] }, 'services'],
      ['services as a string', { services: 'iaas' }, 'services'],
      ['no capacity', { capacity: undefined }, 'capacity'],
      ['capacity as an array', { capacity: [1, 2, 3, 4] }, 'capacity'],
      ['capacity as a number', { capacity: 1000 }, 'capacity'],
      ['capacity without public IPs', { capacity: { vcpu: 1, memoryGib: 1, storageGib: 1 } }, 'capacity.publicIps'],
      ['a negative pool', { capacity: { ...capacity, vcpu: -1 } }, 'capacity.vcpu'],
      ['a pool above 10,000,000', { capacity: { ...capacity, storageGib: 10_000_001 } }, 'capacity.storageGib'],
      ['a fractional pool', { capacity: { ...capacity, memoryGib: 1.5 } }, 'capacity.memoryGib'],
      ['a pool as a string', { capacity: { ...capacity, publicIps: '64' } }, 'capacity.publicIps'],
      ['an unknown pool', { capacity: { ...capacity, gpus: 8 } }, 'capacity.gpus'],
      ['an unknown status', { status: 'retired' }, 'status'],
      ['a null status', { status: null }, 'status'],
      ['a date that does not exist', { status: 'planned', availableFrom: '2027-02-30' }, 'availableFrom'],
      ['a date with a time', { status: 'planned', availableFrom: '2027-02-01T00:00:00Z' }, 'availableFrom'],
      ['a date in another format', { status: 'planned', availableFrom: '01/02/2027' }, 'availableFrom'],
      ['an unknown field', { region: 'east-asia' }, 'region'],
    ])('refuses %s with 400', async (_label, change, field) => {
      const problem = await refused(() => register({ ...beijing, code: 'cn-beijing-2', ...change }), 400);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    });

    it.each(['code', 'name', 'country', 'operator', 'ownership', 'services'])('refuses a site without %s with 400', async (field) => {
      const body: Record<string, unknown> = { ...beijing, code: 'cn-beijing-2' };
      delete body[field];
      const problem = await refused(() => register(body), 400);
      expect(problem.errors).toContainEqual({ field, message: `${field} is required` });
    });
  });

  describe('listing and reading', () => {
    it('filters by country, operator, status, service and ownership', async () => {
      const list = async (query: string) => codes((await t.http.get(`/v1/data-centres?${query}`).expect(200)).body);
      expect(await list('')).toEqual(['cn-beijing-1', 'cn-shanghai-1', 'jp-tokyo-1', 'us-east-1']);
      expect(await list('country=CN')).toEqual(['cn-beijing-1', 'cn-shanghai-1']);
      expect(await list('operator=provider')).toEqual(['cn-shanghai-1', 'us-east-1']);
      expect(await list('status=planned')).toEqual(['jp-tokyo-1']);
      expect(await list('service=daas')).toEqual(['jp-tokyo-1']);
      expect(await list('service=draas')).toEqual(['cn-beijing-1', 'cn-shanghai-1']);
      expect(await list('ownership=owned')).toEqual(['cn-shanghai-1', 'us-east-1']);
      expect(await list('country=CN&ownership=partner-operated&service=iaas&status=active')).toEqual(['cn-beijing-1']);
      expect((await t.http.get('/v1/data-centres?country=FR').expect(200)).body).toEqual({ items: [], nextCursor: null });
    });

    it('pages with a cursor, filters included', async () => {
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page: { items: { code: string }[]; nextCursor: string | null } = (
          await t.http.get(`/v1/data-centres?limit=1&service=iaas${cursor ? `&cursor=${cursor}` : ''}`).expect(200)
        ).body;
        expect(page.items).toHaveLength(1);
        seen.push(...codes(page));
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(['cn-beijing-1', 'cn-shanghai-1', 'jp-tokyo-1', 'us-east-1']);
    });

    it.each([
      'country=cn',
      'operator=China%20Telecom',
      'status=retired',
      'service=paas',
      'service=iaas&service=draas',
      'ownership=leased',
      'limit=0',
      'limit=1.5',
      'cursor=not-ours',
      'tenant=acme',
    ])('refuses the list query %s with 400', async (query) => {
      await refused(() => t.http.get(`/v1/data-centres?${query}`), 400);
    });

    it.each(['cn-nowhere-1', 'CN-BEIJING-1', 'cn%00'])('answers 404 for data centre %s', async (code) => {
      const problem = await refused(() => t.http.get(`/v1/data-centres/${code}`), 404);
      expect(problem.type).toMatch(/\/not-found$/);
    });
  });

  describe('changing status', () => {
    const changeStatus = (code: string, body: object) => t.http.patch(`/v1/data-centres/${code}/status`).send(body);

    it('takes a site into maintenance with a reason and back', async () => {
      const res = await changeStatus('cn-beijing-1', { status: 'maintenance', reason: 'Cooling upgrade in hall B.' }).expect(200);
      expect(res.body).toMatchObject({ code: 'cn-beijing-1', status: 'maintenance', statusReason: 'Cooling upgrade in hall B.' });
      const back = await changeStatus('cn-beijing-1', { status: 'active' }).expect(200);
      expect(back.body).toMatchObject({ status: 'active', statusReason: null });
    });

    it('moves the opening date of a planned site, then opens it', async () => {
      await changeStatus('jp-tokyo-1', { status: 'planned', availableFrom: '2027-06-01', reason: 'Power delivery late.' }).expect(200);
      const moved = (await t.http.get('/v1/data-centres/jp-tokyo-1').expect(200)).body;
      expect(moved).toMatchObject({ status: 'planned', availableFrom: '2027-06-01', statusReason: 'Power delivery late.' });
      const opened = await changeStatus('jp-tokyo-1', { status: 'active' }).expect(200);
      expect(opened.body).toMatchObject({ status: 'active', availableFrom: null });
    });

    it('refuses a transition the state machine does not allow with 409 listing the allowed ones', async () => {
      const problem = await refused(() => changeStatus('cn-beijing-1', { status: 'planned', availableFrom: '2027-01-01' }), 409);
      expect(problem.type).toMatch(/\/invalid-transition$/);
      expect(problem.detail).toBe("A data centre cannot go from 'active' to 'planned'. From 'active' it may go to: maintenance, offline.");
      expect(problem).toMatchObject({ from: 'active', to: 'planned' });
      const same = await refused(() => changeStatus('cn-beijing-1', { status: 'active' }), 409);
      expect(same.detail).toContain('maintenance, offline');
    });

    it('refuses a date for a status other than planned with 422', async () => {
      const problem = await refused(() => changeStatus('cn-beijing-1', { status: 'offline', availableFrom: '2027-01-01' }), 422);
      expect(problem.type).toMatch(/\/available-from-only-when-planned$/);
    });

    it.each([
      ['no status', { reason: 'Why not.' }, 'status'],
      ['an unknown status', { status: 'retired' }, 'status'],
      ['a null status', { status: null }, 'status'],
      ['a reason longer than 500', { status: 'offline', reason: 'r'.repeat(501) }, 'reason'],
      ['a null reason', { status: 'offline', reason: null }, 'reason'],
      ['a malformed date', { status: 'offline', availableFrom: 'tomorrow' }, 'availableFrom'],
      ['an unknown field', { status: 'offline', until: '2027-01-01' }, 'until'],
    ])('refuses %s with 400', async (_label, body, field) => {
      const problem = await refused(() => changeStatus('cn-beijing-1', body), 400);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    });

    it.each(['cn-nowhere-1', 'x%00'])('answers 404 for data centre %s', async (code) => {
      await refused(() => changeStatus(code, { status: 'offline' }), 404);
    });
  });

  describe('changing capacity', () => {
    const changeCapacity = (code: string, body?: object) => t.http.patch(`/v1/data-centres/${code}/capacity`).send(body);

    beforeAll(async () => {
      await t.db.query(`UPDATE data_centres SET used_vcpu = 250, used_memory_gib = 1000, used_storage_gib = 50000, used_public_ips = 64
        WHERE code = 'cn-beijing-1'`);
    });

    it('reports use, free capacity and utilisation', async () => {
      const res = await t.http.get('/v1/data-centres/cn-beijing-1').expect(200);
      expect(res.body).toMatchObject({
        used: { vcpu: 250, memoryGib: 1000, storageGib: 50000, publicIps: 64 },
        free: { vcpu: 750, memoryGib: 3000, storageGib: 150000, publicIps: 0 },
        utilisation: { vcpu: 0.25, memoryGib: 0.25, storageGib: 0.25, publicIps: 1 },
      });
    });

    it('changes only the pools sent', async () => {
      const res = await changeCapacity('cn-beijing-1', { vcpu: 500, publicIps: 128 }).expect(200);
      expect(res.body).toMatchObject({
        capacity: { ...capacity, vcpu: 500, publicIps: 128 },
        free: { vcpu: 250, memoryGib: 3000, storageGib: 150000, publicIps: 64 },
        utilisation: { vcpu: 0.5, publicIps: 0.5 },
      });
    });

    it('shrinks a pool down to exactly what is in use', async () => {
      const res = await changeCapacity('cn-beijing-1', { vcpu: 250 }).expect(200);
      expect(res.body).toMatchObject({ free: { vcpu: 0 }, utilisation: { vcpu: 1 } });
    });

    it('refuses to shrink below what is in use with 422 naming the pools', async () => {
      const problem = await refused(() => changeCapacity('cn-beijing-1', { vcpu: 249, memoryGib: 999, storageGib: 60000 }), 422);
      expect(problem.type).toMatch(/\/capacity-below-utilisation$/);
      expect(problem.pools).toEqual(['vcpu', 'memoryGib']);
      expect(problem.detail).toBe(
        "Data centre 'cn-beijing-1' cannot shrink vcpu to 249 (in use: 250), memoryGib to 999 (in use: 1000); release the workloads first.",
      );
    });

    it('refuses a change naming no pool with 400', async () => {
      const problem = await refused(() => changeCapacity('cn-beijing-1', {}), 400);
      expect(problem.errors).toEqual([{ field: '(body)', message: expect.stringMatching(/^name at least one pool/) }]);
      await refused(() => changeCapacity('cn-beijing-1'), 400);
    });

    it.each([
      ['a negative pool', { vcpu: -1 }, 'vcpu'],
      ['a pool above 10,000,000', { memoryGib: 10_000_001 }, 'memoryGib'],
      ['a fractional pool', { storageGib: 0.5 }, 'storageGib'],
      ['a pool as a string', { publicIps: '128' }, 'publicIps'],
      ['a null pool', { vcpu: null }, 'vcpu'],
      ['an unknown pool', { gpus: 8 }, 'gpus'],
    ])('refuses %s with 400', async (_label, body, field) => {
      const problem = await refused(() => changeCapacity('cn-beijing-1', body), 400);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    });

    it.each(['cn-nowhere-1', 'x%00'])('answers 404 for data centre %s', async (code) => {
      await refused(() => changeCapacity(code, { vcpu: 10 }), 404);
    });

    it('lets concurrent changes through one at a time and refuses the rest with 409 (compare-and-set)', async () => {
      const versionOf = async () =>
        (await t.db.query<{ version: number }>(`SELECT version FROM data_centres WHERE code = 'us-east-1'`)).rows[0].version;
      const before = await versionOf();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => t.http.patch('/v1/data-centres/us-east-1/capacity').send({ vcpu: 2000 + i })),
      );
      const won = results.filter((res) => res.status === 200);
      const lost = results.filter((res) => res.status !== 200);
      expect(won.length).toBeGreaterThanOrEqual(1);
      for (const res of lost) expect(res.body).toMatchObject({ status: 409, type: expect.stringMatching(/\/concurrent-update$/) });
      expect(await versionOf()).toBe(before + won.length);
    });
  });

  it('never writes back the used capacity it read: a hold made between read and write survives a status or capacity change', async () => {
    const sites = t.app.get(DataCentreRepository);
    const read = (await sites.find('us-east-1'))!;
    // The capacity ledger holds 7 vCPU in between (a submission does this with a conditional update).
    await t.db.query(`UPDATE data_centres SET used_vcpu = used_vcpu + 7 WHERE code = 'us-east-1'`);
    read.changeCapacity({ memoryGib: 9000 });
    await sites.update(read);
    const { rows } = await t.db.query(`SELECT used_vcpu, capacity_memory_gib FROM data_centres WHERE code = 'us-east-1'`);
    expect(rows[0]).toEqual({ used_vcpu: read.toState().used.vcpu + 7, capacity_memory_gib: 9000 });
    await t.db.query(`UPDATE data_centres SET used_vcpu = used_vcpu - 7 WHERE code = 'us-east-1'`);
  });
});
