import type { ScenarioContext } from '../runner/scenario-context.js';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProvisioningRequestView } from '../client/api-views.js';
import { iaasRequest } from './iaas-request.js';
import type { Scenario } from './scenario.js';

export const scenario: Scenario = {
  name: 'idempotent-retry',
  title: 'A client times out and sends the same request again',
  story:
    'Kansai Railway Company submits, gives up waiting before the answer comes, and resends with the same ' +
    'Idempotency-Key: it gets the request it first made, not a second one.',
  expected: 'one request; the resend replays it',
  async run(demo: ScenarioContext) {
    const railway = demo.tenant('Kansai Railway Company');
    const body = iaasRequest(railway, { vms: [{ size: 'm1.medium', image: demo.image('Red Hat Enterprise Linux 7'), count: 2 }] });
    const idempotencyKey = `kansai-${randomUUID()}`;
    const ownRequests = async () => (await railway.api.all<ProvisioningRequestView>(`/v1/provisioning-requests?tenant=${railway.id}`)).length;
    const before = await ownRequests();

    // A client with a deadline too short for the answer: the call goes out, the client stops listening.
    const first = await railway.api.submit(body, { idempotencyKey, timeoutMs: 5 }).then(
      (answer) => `answered ${answer.status}`,
      () => 'timed out',
    );
    demo.say(`First call: ${first}. The client resends with the same Idempotency-Key.`);
    let resend = await demo.submit('resent', railway, body, { idempotencyKey });
    // 409: the first call is still being handled. A client waits a moment and asks again.
    for (let tries = 0; resend.status === 409 && tries < 50; tries++) {
      await sleep(100);
      resend = await demo.submit('resent', railway, body, { idempotencyKey });
    }
    demo.check(resend.status === 202 && resend.request, `the resend was answered ${resend.status}: ${resend.problem?.detail ?? ''}`);
    const again = await railway.api.submit(body, { idempotencyKey });
    const againId = (again.body as ProvisioningRequestView).id;
    demo.check(again.status === 202 && againId === resend.request.id, `a third send was answered ${again.status} with ${againId}`);
    demo.check(again.headers.get('idempotent-replayed') === 'true', 'the third send was not marked Idempotent-Replayed');
    const after = await ownRequests();
    demo.check(after === before + 1, `the tenant has ${after - before} new requests, not 1`);
    const replayed = resend.headers.get('idempotent-replayed') === 'true';
    demo.say(`One request, ${resend.request.id}; the resend ${replayed ? 'replayed the first call’s answer' : 'made it, the first call having never arrived'}.`);
    await demo.watch('resent', resend.request.id);
    return 'one request; resends replay it';
  },
};
