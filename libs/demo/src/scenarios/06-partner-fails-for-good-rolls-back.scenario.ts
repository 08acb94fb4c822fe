import type { ScenarioContext } from '../runner/scenario-context.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

export const scenario: Scenario = {
  name: 'partner-fails-for-good-rolls-back',
  title: 'A partner fails for good in the middle of a request',
  story:
    "The provider's US backend fails for good to create one of three VMs, after the org, network and volume exist: " +
    'the control plane rolls back, deleting in reverse order, and the partner keeps nothing of the request.',
  expected: 'ROLLED_BACK, nothing left at the partner',
  async run(demo: ScenarioContext) {
    const energy = demo.tenant('Cascade Energy Corporation');
    const body = iaasRequest(energy, {
      vms: [{ size: 'm1.large', image: demo.image('Ubuntu Server 14.04 LTS'), count: 3 }],
      preference: { country: 'US', required: true },
    });
    // The first VM create is accepted, and its operation fails for good when it completes.
    await demo.simulator.addFault('provider', { action: 'create', resourceType: 'vm', kind: 'permanent', count: 1 });
    const { status, request } = await demo.submit('doomed', energy, body);
    demo.check(status === 202 && request, `the submission answered ${status}, not 202`);
    const done = await demo.watch('doomed', request.id);
    demo.check(done.status === 'ROLLED_BACK', `it ended ${demo.outcomeOf(done)}, not ROLLED_BACK`);
    demo.check(done.reservation?.status === 'released', `its capacity is ${done.reservation?.status}, not released`);
    const left = await demo.simulator.inspectResources('provider', { request: request.id });
    demo.check(left.length === 0, `the partner still holds ${left.map((r) => `${r.type} ${r.id} (${r.state})`).join(', ')}`);
    const created = await demo.simulator.inspectResources('provider', { request: request.id, state: 'all' });
    demo.say(`The partner made ${created.length} resources for it and deleted every one; its capacity was released.`);
    return 'ROLLED_BACK; partner holds nothing of it';
  },
};
