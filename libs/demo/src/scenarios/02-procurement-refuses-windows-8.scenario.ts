import type { ScenarioContext } from '../runner/scenario-context.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

export const scenario: Scenario = {
  name: 'procurement-refuses-windows-8',
  title: 'A Chinese government bureau asks for Windows 8.1',
  story:
    'The Hebei education bureau wants 24 Windows 8.1 desktops. Chinese government procurement excludes Windows 8; ' +
    'the same request on NeoKylin is allowed, and at that size a person must approve it.',
  expected: 'REJECTED by procurement; NeoKylin awaits approval',
  async run(demo: ScenarioContext) {
    const bureau = demo.tenant('Hebei Provincial Education Bureau');
    const desktops = (image: string) => iaasRequest(bureau, { vms: [{ size: 'm1.small', image: demo.image(image), count: 24 }] });

    const windows = await demo.submit('windows-8.1', bureau, desktops('Windows 8.1 Enterprise'));
    demo.check(windows.status === 422, `Windows 8.1 was answered ${windows.status}, not 422`);
    const refusing = windows.request?.decision?.request.find((rule) => !rule.passed);
    demo.check(refusing?.kind === 'procurement-exclusion', `the refusing rule was ${refusing?.kind ?? 'none'}, not procurement-exclusion`);
    demo.check(windows.request?.status === 'REJECTED', `the request is ${windows.request?.status}, not REJECTED`);
    demo.say(`Refused by ${refusing.kind}: ${refusing.reason}`);

    const neoKylin = await demo.submit('neokylin', bureau, desktops('NeoKylin Server 6'));
    demo.check(neoKylin.status === 202 && neoKylin.request, `NeoKylin was answered ${neoKylin.status}, not 202`);
    demo.check(neoKylin.request.status === 'AWAITING_APPROVAL', `NeoKylin is ${neoKylin.request.status}, not AWAITING_APPROVAL`);
    demo.say(`NeoKylin waits for approval at ${neoKylin.request.dataCentre}, its capacity held.`);
    // The approval itself is another scenario's story: give the held capacity back.
    const rejected = await demo.platform.reject(neoKylin.request.id, 'The demo moves on.');
    demo.check(rejected.status === 200, `rejecting the NeoKylin request was answered ${rejected.status}`);
    await demo.watch('neokylin', neoKylin.request.id);
    return 'REJECTED (procurement-exclusion); NeoKylin AWAITING_APPROVAL';
  },
};
