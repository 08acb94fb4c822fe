import type { ScenarioContext } from '../runner/scenario-context.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

export const scenario: Scenario = {
  name: 'building-society-hybrid-link',
  title: 'A UK building society links the cloud to its own site',
  story:
    'Thames Valley Building Society wants servers in the UK joined to its on-premises network by a VPN: ' +
    'the hybrid cloud the product is named for.',
  expected: 'ACTIVE in GB with a vpn-link',
  async run(demo: ScenarioContext) {
    const society = demo.tenant('Thames Valley Building Society');
    const body = iaasRequest(society, {
      vms: [{ size: 'm1.large', image: demo.image('Windows Server 2012 R2'), count: 2 }],
      networkCidr: '10.40.0.0/16',
      hybridLink: { onPremisesCidr: '192.168.0.0/16', vpnGatewayAddress: '203.0.113.10' },
    });
    const { status, request } = await demo.submit('hybrid', society, body);
    demo.check(status === 202 && request, `the submission answered ${status}, not 202`);
    const done = await demo.watch('hybrid', request.id);
    demo.check(done.status === 'ACTIVE' && done.deployment, `it ended ${demo.outcomeOf(done)}`);
    const chosen = done.placement?.candidates.find((c) => c.outcome === 'chosen');
    demo.check(chosen?.country === 'GB', `it was placed in ${chosen?.country}, not GB`);
    const deployment = await society.api.deployment(done.deployment.id);
    const link = deployment.resources.find((r) => r.type === 'vpn-link');
    demo.check(link, `the deployment has no vpn-link among ${deployment.resources.map((r) => r.type).join(', ')}`);
    demo.say(`Deployment ${deployment.id}: ${deployment.resources.map((r) => r.type).join(', ')}; the link is ${link.id}.`);
    return `ACTIVE in ${chosen.dataCentre} with a vpn-link`;
  },
};
