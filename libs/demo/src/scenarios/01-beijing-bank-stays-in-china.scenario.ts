import type { ScenarioContext } from '../runner/scenario-context.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

export const scenario: Scenario = {
  name: 'beijing-bank-stays-in-china',
  title: 'A Beijing bank asks for IaaS with no preference',
  story:
    'Beijing Commercial Bank wants servers and names no site. Foreigners may not own data centres in China, ' +
    'and Chinese data stays in China: only a China Telecom site in China may take it.',
  expected: 'ACTIVE at a China Telecom site in CN',
  async run(demo: ScenarioContext) {
    const bank = demo.tenant('Beijing Commercial Bank');
    const body = iaasRequest(bank, { vms: [{ size: 'm1.medium', image: demo.image('Red Hat Enterprise Linux 7'), count: 2 }], storageGib: 200 });
    const { status, request } = await demo.submit('bank-servers', bank, body);
    demo.check(status === 202 && request, `the submission answered ${status}, not 202`);
    const done = await demo.watch('bank-servers', request.id);
    demo.check(done.status === 'ACTIVE', `it ended ${demo.outcomeOf(done)}`);
    const chosen = done.placement?.candidates.find((c) => c.outcome === 'chosen');
    demo.check(chosen?.country === 'CN' && chosen.operator === 'china-telecom', `it was placed at ${chosen?.dataCentre} (${chosen?.operator})`);
    const abroad = done.placement!.candidates.filter((c) => ['US', 'GB', 'JP'].includes(c.country));
    demo.check(abroad.length > 0, 'the decision named no US, UK or Japanese site');
    const unexplained = abroad.filter((c) => c.outcome !== 'lost' || !/residency/.test(c.reason));
    demo.check(unexplained.length === 0, `not ruled out by residency: ${unexplained.map((c) => c.dataCentre).join(', ')}`);
    demo.say(`Ruled out: ${abroad.map((c) => c.dataCentre).join(', ')}. ${abroad[0].reason}`);
    return `ACTIVE in ${chosen.dataCentre}; ${abroad.length} foreign sites ruled out`;
  },
};
