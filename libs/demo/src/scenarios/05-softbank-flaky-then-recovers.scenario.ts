import type { ScenarioContext } from '../runner/scenario-context.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

const FAILURE_RATE = 0.3;

export const scenario: Scenario = {
  name: 'softbank-flaky-then-recovers',
  title: "SoftBank's backend fails nearly a third of its calls for a while",
  story:
    `SoftBank answers ${FAILURE_RATE * 100}% of calls with 503 or 429 while three Japanese tenants provision; ` +
    'the control plane retries each call with backoff and every request still completes.',
  expected: 'all 3 ACTIVE, with retries',
  async run(demo: ScenarioContext) {
    const image = demo.image('Ubuntu Server 14.04 LTS');
    const tenants = ['Sakura Mutual Insurance', 'Kansai Railway Company', 'Tokyo Dental Clinics Group'].map((name) => demo.tenant(name));
    await demo.setPartnerFailures('softbank', { transientFailureRate: FAILURE_RATE });
    try {
      const submitted = await Promise.all(
        tenants.map((tenant, i) =>
          demo.submit(`jp-${i + 1}`, tenant, iaasRequest(tenant, { vms: [{ size: 'm1.medium', image, count: 3 }], preference: { dataCentre: 'jp-tokyo-1', required: true } })),
        ),
      );
      const refused = submitted.find((s) => s.status !== 202 || !s.request);
      demo.check(!refused, `a submission was answered ${refused?.status}: ${refused?.problem?.detail ?? ''}`);
      const done = await Promise.all(submitted.map((s, i) => demo.watch(`jp-${i + 1}`, s.request!.id)));
      const notActive = done.filter((r) => r.status !== 'ACTIVE');
      demo.check(notActive.length === 0, `${notActive.map((r) => `${demo.outcomeOf(r)}`).join('; ')}`);
      const retries = done.flatMap((r) => r.steps).reduce((sum, step) => sum + step.attempts - Math.min(1, step.attempts), 0);
      demo.check(retries > 0, 'no step needed a retry: the failures did not happen');
      demo.say(`${retries} retried calls in all; every request reached ACTIVE in jp-tokyo-1.`);
      return `3 ACTIVE after ${retries} retries`;
    } finally {
      await demo.setPartnerFailures('softbank', { transientFailureRate: 0 });
    }
  },
};
