import type { ScenarioContext } from '../runner/scenario-context.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

export const scenario: Scenario = {
  name: 'worker-killed-mid-flight',
  title: 'A worker dies with requests in flight',
  story:
    'The work moves to a worker in a process of its own, which is killed with SIGKILL while four requests are under way; ' +
    'another worker takes over, and every request finishes with no duplicate at the partner.',
  expected: 'all 4 ACTIVE, no duplicate resource',
  async run(demo: ScenarioContext) {
    const image = demo.image('Ubuntu Server 14.04 LTS');
    const tenants = ['Cascade Energy Corporation', 'Midwest Mutual Insurance', 'Cascade Energy Corporation', 'Midwest Mutual Insurance'];
    await demo.setPartnerPace('provider', demo.timing.slowPartner);
    await demo.worker.stopInProcess();
    let worker = await demo.worker.startChild();
    try {
      demo.say(`Worker process ${worker.pid} takes the work.`);
      const submitted = await Promise.all(
        tenants.map((name, i) =>
          demo.submit(`flight-${i + 1}`, demo.tenant(name), iaasRequest(demo.tenant(name), {
            vms: [{ size: 'm1.small', image, count: 2 }],
            networkCidr: `10.${60 + i}.0.0/16`,
            preference: { country: 'US', required: true },
          })),
        ),
      );
      const refused = submitted.find((s) => s.status !== 202 || !s.request);
      demo.check(!refused, `a submission was answered ${refused?.status}: ${refused?.problem?.detail ?? ''}`);
      const ids = submitted.map((s) => s.request!.id);
      await demo.watch('flight-1', ids[0], (r) => r.progress.done >= 3 || r.status !== 'PROVISIONING');
      await worker.kill('SIGKILL');
      demo.say(`Worker process ${worker.pid} killed with SIGKILL mid-flight; its jobs' locks lapse after ${demo.timing.jobLockMs} ms.`);
      await demo.setPartnerPace('provider', demo.timing.partners.provider);
      worker = await demo.worker.startChild();
      demo.say(`Worker process ${worker.pid} takes over.`);
      const done = await Promise.all(ids.map((id, i) => demo.watch(`flight-${i + 1}`, id)));
      const notActive = done.filter((r) => r.status !== 'ACTIVE');
      demo.check(notActive.length === 0, notActive.map((r) => `${demo.outcomeOf(r)}`).join('; '));
      for (const request of done) {
        const held = await demo.simulator.inspectResources('provider', { request: request.id });
        const items = held.map((r) => `${r.labels.step}/${r.labels.item}`);
        const duplicates = items.filter((item, i) => items.indexOf(item) !== i);
        demo.check(duplicates.length === 0, `request ${request.id} has duplicates at the partner: ${duplicates.join(', ')}`);
        const deployment = await demo.platform.deployment(request.deployment!.id);
        const own = deployment.resources.filter((r) => !r.shared).length;
        demo.check(held.length === own, `request ${request.id}: the partner holds ${held.length} resources, its deployment lists ${own}`);
      }
      return '4 ACTIVE; no duplicate at the partner';
    } finally {
      await worker.kill('SIGTERM');
      await demo.worker.startInProcess();
    }
  },
};
