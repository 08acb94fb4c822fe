import type { ScenarioContext } from '../runner/scenario-context.js';
import { seconds } from '../report/demo-report.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

export const scenario: Scenario = {
  name: 'government-approval-and-timeout',
  title: 'A government request waits for a person to approve it',
  story:
    "A large request of the Hebei education bureau waits, its capacity held, until China Telecom's operator approves it; " +
    'a second one nobody decides on is rejected when its approval times out, and its capacity is released.',
  expected: 'approved → ACTIVE; other REJECTED on timeout',
  async run(demo: ScenarioContext) {
    const bureau = demo.tenant('Hebei Provincial Education Bureau');
    const body = (cidr: string) =>
      iaasRequest(bureau, { vms: [{ size: 'm1.small', image: demo.image('NeoKylin Server 6'), count: 20 }], storageGib: 0, networkCidr: cidr });

    const approved = await demo.submit('to-approve', bureau, body('10.50.0.0/16'));
    demo.check(approved.request?.status === 'AWAITING_APPROVAL', `the first request is ${approved.request?.status ?? approved.status}, not AWAITING_APPROVAL`);
    const operator = demo.partnerOperator('china-telecom');
    const decision = await operator.approve(approved.request.id, 'Capacity plan agreed with the bureau.');
    demo.check(decision.status === 200, `China Telecom's approval was answered ${decision.status}`);
    demo.say("China Telecom's operator approved it; the policy was checked again at that moment.");
    const active = await demo.watch('to-approve', approved.request.id);
    demo.check(active.status === 'ACTIVE', `the approved request ended ${demo.outcomeOf(active)}`);

    const ignored = await demo.submit('left-to-time-out', bureau, body('10.51.0.0/16'));
    demo.check(ignored.request?.status === 'AWAITING_APPROVAL', `the second request is ${ignored.request?.status ?? ignored.status}`);
    demo.say(`Nobody decides on the second; its approval times out after ${seconds(demo.timing.approvalTimeoutMs)}.`);
    const expired = await demo.watch('left-to-time-out', ignored.request.id);
    demo.check(expired.status === 'REJECTED', `the unapproved request ended ${expired.status}, not REJECTED`);
    demo.check(/approval timed out/i.test(expired.failure?.detail ?? ''), `it was rejected for another reason: ${expired.failure?.detail}`);
    demo.check(expired.reservation?.status === 'released', `its capacity is ${expired.reservation?.status}, not released`);
    return 'approved → ACTIVE; other REJECTED (approval timed out)';
  },
};
