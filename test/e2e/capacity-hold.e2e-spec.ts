import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { placeAndHold } from '#libs/provisioning/src/placement/place-request.js';
import { appendEvent, recordChange } from '#libs/provisioning/src/persistence/request-journal.js';
import { arrangeSite, type Site } from '../support/pipeline-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The capacity hold comes last in a submission, after what it makes possible is written (so the
 * data centre's row is locked only for the commit). A site that fills up in between must leave no
 * trace of the attempt: the request goes to the next site with only that site's writes.
 */
describe('holding capacity after the writes it makes possible', () => {
  let t: TestApp;
  let first: Site;
  let second: Site;
  const demand = { vcpu: 2, memoryGib: 4, storageGib: 50, publicIps: 1, vms: 1 };

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.query(`INSERT INTO regions (code, name) VALUES ('east-asia', 'East Asia') ON CONFLICT DO NOTHING`);
    await t.db.query(
      `INSERT INTO jurisdictions (country, name, region_code, provider_may_own_data_centres, ownership_rationale, default_residency)
       VALUES ('CN', 'China', 'east-asia', false, 'Foreigners may not own data centres in China.', 'in-country') ON CONFLICT DO NOTHING`,
    );
    first = await arrangeSite(t.db, 'first');
    second = await arrangeSite(t.db, 'second');
  }, 30_000);
  afterAll(() => t?.close());

  const used = async (code: string) =>
    (await t.db.query<{ vcpu: number }>(`SELECT used_vcpu AS vcpu FROM data_centres WHERE code = $1`, [code])).rows[0].vcpu;

  const spec = { vms: [], storageGib: 0, networkCidr: '10.20.0.0/16', hybridLink: null, preference: { dataCentre: null, country: null } };
  const submitted = async (manager: EntityManager, id: string) =>
    manager.query(
      `INSERT INTO provisioning_requests (id, tenant_id, service, spec, status, version, demand, submitted_by)
       VALUES ($1, $2, 'iaas', '{}', 'SUBMITTED', 0, $3, 'test')`,
      [id, first.tenantId, demand],
    );

  it('a site taken while the request was being written is rolled back to the savepoint, and the next site holds it', async () => {
    const id = randomUUID();
    const attempts: string[] = [];
    const outcome = await t.app.get(DataSource).transaction(async (manager) => {
      await submitted(manager, id);
      return placeAndHold(
        manager,
        { id, tenantId: first.tenantId, service: 'iaas', spec: { ...spec, preference: { dataCentre: first.dataCentre, country: null } }, demand },
        new Date(),
        async (dataCentre) => {
          attempts.push(dataCentre);
          await appendEvent(manager, id, 'placed', { dataCentre });
          // Another request fills the preferred site meanwhile (committed outside this transaction).
          if (dataCentre === first.dataCentre) await t.db.query(`UPDATE data_centres SET capacity_vcpu = 1 WHERE code = $1`, [first.dataCentre]);
          return dataCentre;
        },
      );
    });

    expect(attempts).toEqual([first.dataCentre, second.dataCentre]);
    expect(outcome).toMatchObject({ placed: true, dataCentre: second.dataCentre, value: second.dataCentre });
    expect(outcome.placement.candidates.find((c) => c.dataCentre === first.dataCentre)).toMatchObject({
      outcome: 'lost',
      reason: expect.stringContaining('a concurrent request took the capacity first'),
    });
    const events = await t.db.query(`SELECT data FROM request_events WHERE request_id = $1`, [id]);
    expect(events.rows).toEqual([{ data: { dataCentre: second.dataCentre } }]);
    const reservations = await t.db.query(`SELECT data_centre_code, status FROM capacity_reservations WHERE request_id = $1`, [id]);
    expect(reservations.rows).toEqual([{ data_centre_code: second.dataCentre, status: 'held' }]);
    expect(await used(first.dataCentre)).toBe(0);
    expect(await used(second.dataCentre)).toBe(demand.vcpu);
  });

  it('the reservation row goes in the statement of the change the placed work records, once, when the work takes it', async () => {
    const id = randomUUID();
    const outcome = await t.app.get(DataSource).transaction(async (manager) => {
      await submitted(manager, id);
      return placeAndHold(manager, { id, tenantId: first.tenantId, service: 'iaas', spec, demand }, new Date(), async (dataCentre, _decision, _placement, reservationRow) => {
        await recordChange(manager, { id, status: 'SUBMITTED', version: 0 }, { columns: { data_centre_code: dataCentre }, events: [], next: null, also: [reservationRow] });
        const seen = await manager.query(`SELECT data_centre_code FROM capacity_reservations WHERE request_id = $1`, [id]);
        return { dataCentre, seen };
      });
    });
    expect(outcome).toMatchObject({ placed: true });
    if (!outcome.placed) return;
    // Already there when the work's change was recorded, not added after it.
    expect(outcome.value.seen).toEqual([{ data_centre_code: outcome.dataCentre }]);
    const reservations = await t.db.query(`SELECT data_centre_code, status, vcpu FROM capacity_reservations WHERE request_id = $1`, [id]);
    expect(reservations.rows).toEqual([{ data_centre_code: outcome.dataCentre, status: 'held', vcpu: demand.vcpu }]);
  });

  it("a quota used up while the request was being written rolls the attempt back and rejects it, naming the quota", async () => {
    const id = randomUUID();
    const usedBefore = { first: await used(first.dataCentre), second: await used(second.dataCentre) };
    const outcome = await t.app.get(DataSource).transaction(async (manager) => {
      await submitted(manager, id);
      return placeAndHold(manager, { id, tenantId: first.tenantId, service: 'iaas', spec, demand }, new Date(), async (dataCentre) => {
        await appendEvent(manager, id, 'placed', { dataCentre });
        // Other requests of the tenant take its whole VM quota meanwhile.
        await t.db.query(`UPDATE tenants SET quota_vms = used_vms WHERE id = $1`, [first.tenantId]);
        return dataCentre;
      });
    });
    expect(outcome).toMatchObject({ placed: false, rejection: { code: 'quota-exceeded', detail: expect.stringMatching(/took its quota first.*over quota.*needs 1 VM, 0 of/) } });
    expect((await t.db.query(`SELECT 1 FROM request_events WHERE request_id = $1`, [id])).rows).toEqual([]);
    expect((await t.db.query(`SELECT 1 FROM capacity_reservations WHERE request_id = $1`, [id])).rows).toEqual([]);
    expect({ first: await used(first.dataCentre), second: await used(second.dataCentre) }).toEqual(usedBefore);
  });
});
