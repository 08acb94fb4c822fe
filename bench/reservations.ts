import 'reflect-metadata';
import { loadavg } from 'node:os';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../test/support/test-database.js';
import type { LoadRun } from './reservations-load.js';
import { runScenario, type ScenarioReport } from './reservations-scenario.js';

/**
 * Reservations per second through the path submission uses, `placeAndHold` (policy read and
 * decision, then the conditional quota and capacity holds), each call in its own transaction with
 * many callers at once: on one hot data centre, and spread over ten. Each scenario is measured
 * against a baseline in the same run: one conditional UPDATE per transaction on the same rows.
 * Usage: npm run bench:reservations [-- RESERVATIONS [CALLERS]]   (default 5000 16)
 */
const reservations = Number(process.argv[2] ?? 5000);
const callers = Number(process.argv[3] ?? 16);
const tenants = 20;

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(2)}%`;
const rate = (run: LoadRun, unit: string): string =>
  `${run.units} in ${run.seconds.toFixed(2)} s = ${Math.round(run.perSecond)} ${unit}/s, p50 ${ms(run.p50Ms)}, p99 ${ms(run.p99Ms)}`;

function print({ layout, world, baseline, reservations: r }: ScenarioReport): void {
  const sites = world.compliantSites;
  const title = layout === 'hot' ? 'one hot data centre' : 'spread over ten data centres';
  const where = layout === 'hot' ? `${sites[0]} only; 9 sites abroad the tenants may not use` : `${sites.length} CN sites, partner-operated`;
  const rejected = r.units - r.held;
  const conflicts = r.capacityConflicts + r.overQuotaLost;
  const perSite = sites.map((code) => r.heldPerSite.get(code) ?? 0);
  console.log(`\n[${title}] ${where}; room for ${world.room} reservations`);
  console.log(
    `  baseline, 1 conditional UPDATE per transaction over ${sites.length} row(s): ${rate(baseline, 'transactions')}; ` +
      `${baseline.waits.meanWaiting.toFixed(1)} callers waiting on a row lock on average`,
  );
  console.log(
    `  placeAndHold: attempted ${r.units}, held ${r.held}, rejected ${rejected} ` +
      `(no room ${r.noRoomRead + r.noRoomLost}: ${r.noRoomRead} read full, ${r.noRoomLost} lost every race; ` +
      `over quota ${r.overQuotaRead + r.overQuotaLost}: ${r.overQuotaRead} by the policy read, ${r.overQuotaLost} lost the quota hold)`,
  );
  console.log(`    ${rate(r, 'reservations')} (${Math.round(r.held / r.seconds)} held/s); ratio to baseline ${(r.perSecond / baseline.perSecond).toFixed(3)}`);
  console.log(
    `    conflicts ${conflicts} = ${pct(conflicts, r.units)} of attempts (${r.capacityConflicts} capacity holds, ${r.overQuotaLost} quota holds); ` +
      `${((r.held + r.capacityConflicts) / Math.max(1, r.held)).toFixed(3)} capacity-hold attempts per held reservation`,
  );
  const waitingIn = [...r.waits.meanByStatement].sort((a, b) => b[1] - a[1]).map(([statement, n]) => `${statement} ${n.toFixed(1)}`);
  console.log(
    `    lock waits: ${r.waits.meanWaiting.toFixed(1)} of ${callers} callers waiting on a row lock on average (peak ${r.waits.peakWaiting}; ` +
      `in ${waitingIn.join(', ') || 'none'}); deadlocks ${r.deadlocks} (baseline ${baseline.deadlocks})`,
  );
  console.log(`    held per site: ${sites.length === 1 ? perSite[0] : `min ${Math.min(...perSite)}, max ${Math.max(...perSite)} (${perSite.join(' ')})`}`);
  console.log(`  invariants (no site over capacity; site and tenant used_* = their held reservations): OK`);
  // Others' work on the same machine moves these figures: the load says how quiet it was.
  console.log(`  1-minute load average after the scenario: ${loadavg()[0].toFixed(2)}`);
}

console.log(
  `Reservations benchmark: ${reservations} reservations per scenario, ${callers} concurrent callers, ${tenants} CN in-country tenants ` +
    `(2 with a small VM quota), 1 VM of 2 vCPU each.\n` +
    `Conflict: a conditional hold (capacity or quota) that found the room gone that its policy read had seen; ` +
    `conflict rate = conflicts / reservations attempted. Ratio = placeAndHold calls/s / baseline transactions/s.`,
);
const template = uniqueDatabaseName('cp_bench_test_template');
const templateUrl = await createDatabase(template);
try {
  await runMigrations(templateUrl);
  for (const layout of ['hot', 'spread'] as const) print(await runScenario(layout, template, { reservations, callers, tenants }));
} finally {
  await dropDatabase(template);
}
process.exit(0);
