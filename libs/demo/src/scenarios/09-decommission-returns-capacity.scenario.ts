import type { ScenarioContext } from '../runner/scenario-context.js';
import type { PoolsView } from '../client/api-views.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

const SITE = 'us-west-1';
const describeUse = (used: PoolsView): string => `${used.vcpu} vCPU, ${used.memoryGib} GiB memory, ${used.storageGib} GiB storage, ${used.publicIps} IPs`;
const sameUse = (a: PoolsView, b: PoolsView): boolean =>
  a.vcpu === b.vcpu && a.memoryGib === b.memoryGib && a.storageGib === b.storageGib && a.publicIps === b.publicIps;

export const scenario: Scenario = {
  name: 'decommission-returns-capacity',
  title: 'An ACTIVE deployment is torn down',
  story: `Midwest Mutual Insurance decommissions what it built in ${SITE}: the partner resources go, in reverse order, and the site's capacity is what it was.`,
  expected: `DECOMMISSIONED; ${SITE} use as before`,
  async run(demo: ScenarioContext) {
    const insurer = demo.tenant('Midwest Mutual Insurance');
    const before = (await demo.platform.dataCentre(SITE)).used;
    const body = iaasRequest(insurer, {
      vms: [{ size: 'm1.large', image: demo.image('CentOS 6'), count: 2 }],
      storageGib: 300,
      preference: { dataCentre: SITE, required: true },
    });
    const { status, request } = await demo.submit('to-decommission', insurer, body);
    demo.check(status === 202 && request, `the submission answered ${status}, not 202`);
    const active = await demo.watch('to-decommission', request.id);
    demo.check(active.status === 'ACTIVE' && active.deployment, `it ended ${demo.outcomeOf(active)}`);
    const during = (await demo.platform.dataCentre(SITE)).used;
    demo.say(`${SITE} in use: ${describeUse(before)} before, ${describeUse(during)} while it runs.`);

    const answer = await insurer.api.decommission(active.deployment.id);
    demo.check(answer.status === 202, `decommissioning was answered ${answer.status}, not 202`);
    const gone = await demo.watch('to-decommission', request.id);
    demo.check(gone.status === 'DECOMMISSIONED', `it ended ${gone.status}, not DECOMMISSIONED`);
    const after = (await demo.platform.dataCentre(SITE)).used;
    demo.check(sameUse(before, after), `${SITE} uses ${describeUse(after)}, not ${describeUse(before)} as before`);
    const left = await demo.simulator.inspectResources('provider', { request: request.id });
    demo.check(left.length === 0, `the partner still holds ${left.map((r) => r.id).join(', ')}`);
    return `DECOMMISSIONED; ${SITE} use back to before`;
  },
};
