import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { IAAS_STEPS } from '../../domain/iaas-steps.js';
import type { ItemOutcome, ItemWork } from './item-work.js';
import { ProvisioningSaga } from './provisioning-saga.js';
import type { ExecutionItem, RequestSnapshot, StepSnapshot } from './request-snapshot.js';
import { stepSnapshot } from '../../testing/snapshot-fixtures.js';
import { UndoSaga } from './undo-saga.js';

const config = loadConfig({ STEP_MAX_ATTEMPTS: '3', STEP_RETRY_BASE_MS: '100' });
const now = new Date('2026-01-01T00:00:00Z');

const item = (key: string, status: ExecutionItem['status'], resourceId: string | null = null): ExecutionItem => ({
  key,
  idempotencyKey: `k-${key}`,
  operationId: null,
  resourceId,
  status,
});

function requestWith(overrides: Partial<Record<(typeof IAAS_STEPS)[number], Partial<StepSnapshot>>>, status: RequestSnapshot['status'] = 'PROVISIONING'): RequestSnapshot {
  return {
    id: '6fa459ea-ee8a-4ca4-894e-db77e160355e',
    tenantId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
    status,
    version: 7,
    cancelRequested: false,
    dataCentreCode: 'cn-beijing-1',
    partner: 'china-telecom',
    spec: { vms: [{ size: 'm1.small', image: 'img', count: 2 }], storageGib: 0, networkCidr: '10.0.0.0/16', hybridLink: null, preference: { dataCentre: null, country: null } },
    steps: IAAS_STEPS.map((name, position) =>
      stepSnapshot(position, name, name === 'reserve-capacity' ? 'succeeded' : name === 'create-hybrid-link' ? 'skipped' : 'pending', overrides[name]),
    ),
  };
}

/** Every item answers the same way. */
const itemsThat = (answer: (item: ExecutionItem) => ItemOutcome): ItemWork =>
  ({ forward: async (_c: unknown, i: ExecutionItem) => answer(i), backward: async (_c: unknown, i: ExecutionItem) => answer(i) }) as unknown as ItemWork;

describe('ProvisioningSaga', () => {
  it('begins the first pending step, planning its items before any partner call', async () => {
    const saga = new ProvisioningSaga(itemsThat(() => { throw new Error('no partner call expected'); }), config);
    const transition = (await saga.advance(requestWith({}), now))!;
    expect(transition.steps).toEqual([expect.objectContaining({ name: 'ensure-tenant-org', status: 'running', attempts: 1, items: [expect.objectContaining({ key: 'org', status: 'pending' })] })]);
    expect(transition.events).toEqual([{ type: 'step-started', data: { step: 'ensure-tenant-org', attempt: 1 } }]);
    expect(transition.next).toEqual({ delayMs: 0 });
  });

  it('retries a transient failure after at least the partner’s Retry-After, counting the attempt', async () => {
    const saga = new ProvisioningSaga(itemsThat((i) => ({ item: i, trouble: { kind: 'transient', message: '429', retryAfterMs: 5000 } })), config);
    const running = requestWith({ 'ensure-tenant-org': { status: 'running', attempts: 1, items: [item('org', 'pending')] } });
    const transition = (await saga.advance(running, now))!;
    expect(transition.status).toBeUndefined();
    expect(transition.steps[0]).toMatchObject({ attempts: 2, lastError: '429' });
    expect(transition.events[0]).toMatchObject({ type: 'step-attempt-failed', data: { attempt: 1, error: '429' } });
    expect(transition.next!.delayMs).toBeGreaterThanOrEqual(5000);
  });

  it('treats spent retries as a permanent failure and starts the rollback', async () => {
    const saga = new ProvisioningSaga(itemsThat((i) => ({ item: i, trouble: { kind: 'transient', message: '503', retryAfterMs: null } })), config);
    const running = requestWith({ 'ensure-tenant-org': { status: 'running', attempts: 3, items: [item('org', 'pending')] } });
    const transition = (await saga.advance(running, now))!;
    expect(transition.status).toBe('ROLLING_BACK');
    expect(transition.steps[0]).toMatchObject({ status: 'failed', lastError: 'Gave up after 3 attempts: 503' });
    expect(transition.events.map((e) => e.type)).toEqual(['step-failed', 'rollback-started']);
  });

  it('polls again later while an operation runs, without waiting in the job', async () => {
    const saga = new ProvisioningSaga(itemsThat((i) => ({ item: { ...i, status: 'running', operationId: 'op', operationStartedAt: now.toISOString() }, trouble: null })), config);
    const running = requestWith({ 'create-network': { status: 'running', attempts: 1, items: [item('network', 'pending')] } }, 'PROVISIONING');
    running.steps[1] = { ...running.steps[1], status: 'succeeded' };
    const transition = (await saga.advance(running, now))!;
    expect(transition.events).toEqual([]);
    expect(transition.next).toEqual({ delayMs: config.steps.pollBaseMs });
  });

  it('on success begins the next step in the same transition, with power-on planned from the VMs', async () => {
    const saga = new ProvisioningSaga(itemsThat((i) => ({ item: { ...i, status: 'succeeded', resourceId: `res-${i.key}` }, trouble: null })), config);
    const request = requestWith({
      'ensure-tenant-org': { status: 'succeeded' },
      'create-network': { status: 'succeeded' },
      'create-volumes': { status: 'succeeded' },
      'create-vms': { status: 'running', attempts: 1, items: [item('vm-0', 'running'), item('vm-1', 'pending')] },
    });
    const transition = (await saga.advance(request, now))!;
    expect(transition.steps.map((s) => [s.name, s.status])).toEqual([['create-vms', 'succeeded'], ['power-on', 'running']]);
    expect(transition.steps[1].items.map((i) => [i.key, i.resourceId])).toEqual([['vm-0', 'res-vm-0'], ['vm-1', 'res-vm-1']]);
  });

  it('turns a cancel into a rollback before touching anything', async () => {
    const saga = new ProvisioningSaga(itemsThat(() => { throw new Error('no partner call expected'); }), config);
    const transition = (await saga.advance({ ...requestWith({}), cancelRequested: true }, now))!;
    expect(transition).toMatchObject({ status: 'ROLLING_BACK', events: [{ type: 'rollback-started' }] });
  });
});

describe('UndoSaga', () => {
  it('undoes the last step that did something first', async () => {
    const saga = new UndoSaga(itemsThat((i) => ({ item: { ...i, status: 'deleted' }, trouble: null })), config);
    const request = requestWith(
      { 'ensure-tenant-org': { status: 'succeeded' }, 'create-network': { status: 'succeeded', items: [item('network', 'succeeded', 'n1')] }, 'create-volumes': { status: 'failed' } },
      'ROLLING_BACK',
    );
    const transition = await saga.advance(request, now);
    expect(transition.steps.map((s) => [s.name, s.status])).toEqual([['create-volumes', 'compensated']]);
  });

  it('ends FAILED with the leftovers, keeping the capacity, when an undo gave up', async () => {
    const saga = new UndoSaga(itemsThat(() => { throw new Error('nothing left to call'); }), config);
    const network = { ...item('network', 'succeeded', 'n1'), leftover: true };
    const request = requestWith({ 'ensure-tenant-org': { status: 'compensated' }, 'create-network': { status: 'compensation-failed', items: [network] } }, 'ROLLING_BACK');
    const transition = await saga.advance(request, now);
    expect(transition.status).toBe('FAILED');
    expect(transition.columns!.failure).toMatchObject({ leftovers: [{ partner: 'china-telecom', type: 'network', resourceId: 'n1' }] });
    expect(transition.effects ?? []).toEqual([]);
  });

  it('releases the capacity and ends DECOMMISSIONED when everything is gone', async () => {
    const saga = new UndoSaga(itemsThat(() => { throw new Error('nothing left to call'); }), config);
    const all: Partial<Record<(typeof IAAS_STEPS)[number], Partial<StepSnapshot>>> = Object.fromEntries(
      IAAS_STEPS.map((name) => [name, { status: name === 'create-hybrid-link' ? 'skipped' : 'compensated' }]),
    );
    const request = requestWith({ ...all, 'reserve-capacity': { status: 'succeeded' }, 'commit-reservation': { status: 'succeeded' } }, 'DECOMMISSIONING');
    const transition = await saga.advance(request, now);
    expect(transition.status).toBe('DECOMMISSIONED');
    expect(transition.effects).toEqual([{ kind: 'release-capacity' }, { kind: 'deployment-status', status: 'decommissioned' }]);
    expect(transition.steps.map((s) => [s.name, s.status])).toEqual([['reserve-capacity', 'compensated'], ['commit-reservation', 'compensated']]);
  });
});
