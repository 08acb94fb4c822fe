import type { ScenarioContext } from '../runner/scenario-context.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

export const scenario: Scenario = {
  name: 'residency-keeps-japan-in-japan',
  title: 'A Japanese insurer asks for a US data centre',
  story:
    'Sakura Mutual Insurance requires us-east-1. Japan keeps its data in the country, so the control plane refuses, ' +
    'saying why; asked with no site, it places the servers in Japan.',
  expected: 'refused by residency; then placed in JP',
  async run(demo: ScenarioContext) {
    const insurer = demo.tenant('Sakura Mutual Insurance');
    const vms = [{ size: 'm1.large', image: demo.image('Red Hat Enterprise Linux 7'), count: 2 }];

    const us = await demo.submit('in-us-east-1', insurer, iaasRequest(insurer, { vms, preference: { dataCentre: 'us-east-1', required: true } }));
    demo.check(us.status === 422, `requiring us-east-1 was answered ${us.status}, not 422`);
    const sentence = "requires in-country residency in JP; us-east-1 is in US";
    demo.check(us.problem && us.problem.detail.includes(sentence), `the refusal does not say "${sentence}": ${us.problem?.detail}`);
    demo.say(`Refused: ${us.problem.detail}`);

    const anywhere = await demo.submit('anywhere', insurer, iaasRequest(insurer, { vms }));
    demo.check(anywhere.status === 202 && anywhere.request, `the request without a site was answered ${anywhere.status}, not 202`);
    const done = await demo.watch('anywhere', anywhere.request.id);
    const chosen = done.placement?.candidates.find((c) => c.outcome === 'chosen');
    demo.check(done.status === 'ACTIVE' && chosen?.country === 'JP', `it ended ${done.status} in ${chosen?.dataCentre ?? 'no site'}`);
    return `refused (residency); ACTIVE in ${chosen.dataCentre}`;
  },
};
