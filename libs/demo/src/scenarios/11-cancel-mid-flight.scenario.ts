import type { ScenarioContext } from '../runner/scenario-context.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

const SITE = 'uk-south-1';

export const scenario: Scenario = {
  name: 'cancel-mid-flight',
  title: 'An operator cancels a request while it provisions',
  story: `Pennine College Group cancels its request while the partner is still building it: the control plane stops, undoes what was done, and ${SITE} gets its capacity back.`,
  expected: `ROLLED_BACK; ${SITE} capacity back`,
  async run(demo: ScenarioContext) {
    const college = demo.tenant('Pennine College Group');
    const before = (await demo.platform.dataCentre(SITE)).used;
    await demo.setPartnerPace('provider', demo.timing.slowPartner);
    const body = iaasRequest(college, {
      vms: [{ size: 'm1.medium', image: demo.image('Ubuntu Server 14.04 LTS'), count: 4 }],
      preference: { dataCentre: SITE, required: true },
    });
    const { status, request } = await demo.submit('to-cancel', college, body);
    demo.check(status === 202 && request, `the submission answered ${status}, not 202`);
    const midway = await demo.watch('to-cancel', request.id, (r) => r.progress.done >= 3 || r.status !== 'PROVISIONING');
    demo.check(midway.status === 'PROVISIONING', `it was ${midway.status} before it could be cancelled`);
    const cancel = await college.api.cancel(request.id);
    demo.check(cancel.status === 202, `cancel was answered ${cancel.status}, not 202`);
    demo.say(`Cancelled at step ${midway.progress.done}/${midway.progress.total}.`);
    const done = await demo.watch('to-cancel', request.id);
    demo.check(done.status === 'ROLLED_BACK', `it ended ${done.status}, not ROLLED_BACK`);
    const after = (await demo.platform.dataCentre(SITE)).used;
    demo.check(after.vcpu === before.vcpu && after.storageGib === before.storageGib, `${SITE} uses ${after.vcpu} vCPU, not ${before.vcpu} as before`);
    const left = await demo.simulator.inspectResources('provider', { request: request.id });
    demo.check(left.length === 0, `the partner still holds ${left.map((r) => r.id).join(', ')}`);
    return `ROLLED_BACK; ${SITE} capacity back`;
  },
};
