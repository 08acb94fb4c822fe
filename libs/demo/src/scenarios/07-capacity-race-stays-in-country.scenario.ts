import type { DataCentreView } from '../client/api-views.js';
import type { ScenarioContext } from '../runner/scenario-context.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

const VCPU_PER_REQUEST = 16;

/** Leaves `site` room for `fits` requests, runs `race`, then gives the site its capacity back. */
async function withRoomFor<T>(demo: ScenarioContext, site: string, fits: number, race: () => Promise<T>): Promise<T> {
  const before = await demo.platform.dataCentre(site);
  await demo.platform.changeCapacity(site, { vcpu: before.used.vcpu + fits * VCPU_PER_REQUEST });
  try {
    return await race();
  } finally {
    await demo.platform.changeCapacity(site, { vcpu: before.capacity.vcpu });
  }
}

const overCapacity = (site: DataCentreView): boolean =>
  (['vcpu', 'memoryGib', 'storageGib', 'publicIps'] as const).some((pool) => site.used[pool] > site.capacity[pool]);

export const scenario: Scenario = {
  name: 'capacity-race-stays-in-country',
  title: 'More simultaneous requests than a site can hold',
  story:
    'Six Japanese requests at once for jp-tokyo-1, which has room for three: the rest go to jp-osaka-1, none abroad. ' +
    'Then four Chinese requests for cn-beijing-1, room for two: China has no other open site, so two are refused.',
  expected: 'JP overflow in Osaka; CN overflow REJECTED',
  async run(demo: ScenarioContext) {
    const image = demo.image('Ubuntu Server 14.04 LTS');
    const body = (tenantName: string, preference: { dataCentre: string }) =>
      iaasRequest(demo.tenant(tenantName), { vms: [{ size: 'm1.xlarge', image, count: VCPU_PER_REQUEST / 8 }], storageGib: 0, preference });
    const race = (labelPrefix: string, tenantNames: string[], site: string) =>
      Promise.all(tenantNames.map((name, i) => demo.submit(`${labelPrefix}-${i + 1}`, demo.tenant(name), body(name, { dataCentre: site }))));

    const japanese = ['Sakura Mutual Insurance', 'Kansai Railway Company', 'Tokyo Dental Clinics Group'];
    const jp = await withRoomFor(demo, 'jp-tokyo-1', 3, () => race('jp-race', [...japanese, ...japanese], 'jp-tokyo-1'));
    const jpSites = jp.map((s) => s.request?.dataCentre ?? `answered ${s.status}`);
    const count = (sites: string[], site: string) => sites.filter((s) => s === site).length;
    demo.check(count(jpSites, 'jp-tokyo-1') === 3 && count(jpSites, 'jp-osaka-1') === 3, `placed: ${jpSites.join(', ')}`);
    demo.say(`Japan: 3 in jp-tokyo-1, 3 in jp-osaka-1, none outside Japan.`);

    const chinese = ['Beijing Commercial Bank', 'North China Power Distribution'];
    const cn = await withRoomFor(demo, 'cn-beijing-1', 2, () => race('cn-race', [...chinese, ...chinese], 'cn-beijing-1'));
    const cnPlaced = cn.filter((s) => s.status === 202).map((s) => s.request?.dataCentre);
    const cnRefused = cn.filter((s) => s.status === 422);
    demo.check(cnPlaced.length === 2 && cnPlaced.every((site) => site === 'cn-beijing-1'), `China placed: ${cnPlaced.join(', ') || 'none'}`);
    const wrongReason = cnRefused.filter((s) => !s.problem?.type.endsWith('/no-compliant-capacity'));
    demo.check(cnRefused.length === 2 && wrongReason.length === 0, `China refused ${cnRefused.length}: ${wrongReason.map((s) => s.problem?.type).join(', ')}`);
    demo.say(`China: 2 in cn-beijing-1; 2 refused: ${cnRefused[0].problem!.detail}`);

    const sites = await Promise.all(['jp-tokyo-1', 'jp-osaka-1', 'cn-beijing-1'].map((code) => demo.platform.dataCentre(code)));
    const over = sites.filter(overCapacity);
    demo.check(over.length === 0, `over capacity: ${over.map((s) => s.code).join(', ')}`);
    await Promise.all(
      [...jp.map((s, i) => [`jp-race-${i + 1}`, s] as const), ...cn.map((s, i) => [`cn-race-${i + 1}`, s] as const)]
        .filter(([, s]) => s.status === 202)
        .map(([label, s]) => demo.watch(label, s.request!.id)),
    );
    // Who wins a race differs from run to run; the report names each by where it ended instead.
    demo.relabelByOutcome('jp-race-');
    demo.relabelByOutcome('cn-race-');
    return 'JP 3 Tokyo + 3 Osaka; CN 2 placed, 2 REJECTED';
  },
};
