import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#libs/persistence/src/data-source-options.js';
import { placeAndHold, type PlacementOutcome, proposePlacement } from '#libs/provisioning/src/placement/place-request.js';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../test/support/test-database.js';
import { drive, type LoadRun, type LockWaits, sampleLockWaits } from './reservations-load.js';
import { arrangeWorld, assertLedgerConsistent, insertSubmittedRequest, type Layout, type World } from './reservations-world.js';

/** How each `placeAndHold` call ended, and the races it lost on the way. */
export interface Tally {
  held: number;
  /** Refused by the policy's quota rule: the read already showed the quota used up. */
  overQuotaRead: number;
  /** The quota hold found the quota gone that the read had seen free: a lost race. */
  overQuotaLost: number;
  /** The plan found no compliant site with room. */
  noRoomRead: number;
  /** Every site the plan had was taken concurrently before this request could hold it. */
  noRoomLost: number;
  /** Capacity holds that found the room gone that the read had seen: one per site lost. */
  capacityConflicts: number;
  heldPerSite: Map<string, number>;
}

export interface ScenarioReport {
  layout: Layout;
  world: World;
  baseline: LoadRun & { waits: LockWaits };
  reservations: LoadRun & Tally & { waits: LockWaits };
}

const newTally = (): Tally => ({
  held: 0,
  overQuotaRead: 0,
  overQuotaLost: 0,
  noRoomRead: 0,
  noRoomLost: 0,
  capacityConflicts: 0,
  heldPerSite: new Map(),
});

function count(tally: Tally, outcome: PlacementOutcome<unknown>): void {
  // placementRecord says so of every site whose hold failed after the read showed room.
  const lost = outcome.placement.candidates.filter((c) => c.outcome === 'lost' && /concurrent/.test(c.reason)).length;
  tally.capacityConflicts += lost;
  if (outcome.placed) {
    tally.held++;
    tally.heldPerSite.set(outcome.dataCentre, (tally.heldPerSite.get(outcome.dataCentre) ?? 0) + 1);
    return;
  }
  const { code } = outcome.rejection;
  if (code === 'quota-exceeded') tally.overQuotaLost++;
  else if (code === 'no-compliant-capacity') tally[lost > 0 ? 'noRoomLost' : 'noRoomRead']++;
  else if (code === 'policy-refused' && outcome.decision.request.some((r) => r.kind === 'quota' && !r.passed)) tally.overQuotaRead++;
  // Anything else means the bench's world is wrong, not that the path is slow.
  else throw new Error(`Unexpected rejection ${code}: ${outcome.rejection.detail}`);
}

/**
 * One scenario in a database of its own cloned from the migrated template: the baseline (one
 * conditional UPDATE per transaction on the scenario's compliant sites), its counters reset, then
 * the reservations through `placeAndHold`, then the ledger invariants.
 */
export async function runScenario(
  layout: Layout,
  template: string,
  options: { reservations: number; callers: number; tenants: number },
): Promise<ScenarioReport> {
  const name = uniqueDatabaseName('cp_bench_test_reservations');
  const url = await createDatabase(name, template);
  // One connection per caller, so every caller is in the database at once, as separate API processes would be.
  const db = new DataSource({ ...dataSourceOptions(url), extra: { max: options.callers } });
  try {
    await db.initialize();
    const world = await arrangeWorld(db, layout, options.reservations, options.tenants);
    // Warms the pool and the code path with reads only, so neither measurement pays for it.
    await drive(options.callers * 4, options.callers, async (i) => {
      await proposePlacement(db.manager, world.request(i), new Date());
    });

    const sites = world.compliantSites;
    const baseline = await sampleLockWaits(url, () =>
      drive(options.reservations, options.callers, async (i) => {
        await db.transaction((manager) =>
          manager.query(`UPDATE data_centres SET used_vcpu = used_vcpu + 1 WHERE code = $1 AND used_vcpu + 1 <= capacity_vcpu`, [
            sites[i % sites.length],
          ]),
        );
      }),
    );
    // Every UPDATE must have added its vCPU: one that found no room would make the baseline look cheap.
    const [{ added }]: { added: number }[] = await db.query(`SELECT sum(used_vcpu)::int AS added FROM data_centres WHERE code = ANY($1)`, [sites]);
    if (added !== options.reservations) throw new Error(`The baseline added ${added} vCPU, not ${options.reservations}.`);
    await db.query(`UPDATE data_centres SET used_vcpu = 0`);

    const tally = newTally();
    const { result, waits } = await sampleLockWaits(url, () =>
      drive(options.reservations, options.callers, async (i) => {
        const request = world.request(i);
        const outcome = await db.transaction(async (manager) => {
          await insertSubmittedRequest(manager, request);
          // Nothing else to write inside the hold: the bench measures the reservation itself.
          return placeAndHold(manager, request, new Date(), async () => undefined);
        });
        count(tally, outcome);
      }),
    );
    await assertLedgerConsistent(db, tally.held);
    return { layout, world, baseline: { ...baseline.result, waits: baseline.waits }, reservations: { ...result, ...tally, waits } };
  } finally {
    if (db.isInitialized) await db.destroy();
    await dropDatabase(name);
  }
}
