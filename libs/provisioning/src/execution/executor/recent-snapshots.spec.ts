import { describe, expect, it } from '@jest/globals';
import { afterTransition, RecentSnapshots } from './recent-snapshots.js';
import { stepSnapshot } from '../../testing/snapshot-fixtures.js';
import type { RequestSnapshot, StepSnapshot } from './request-snapshot.js';

const step = (position: number, status: StepSnapshot['status']): StepSnapshot =>
  stepSnapshot(position, position === 0 ? 'ensure-tenant-org' : 'create-network', status);

const request = (id: string, version: number): RequestSnapshot => ({
  id,
  tenantId: 't',
  status: 'PROVISIONING',
  version,
  cancelRequested: false,
  dataCentreCode: 'cn-beijing-1',
  partner: 'china-telecom',
  spec: { vms: [], storageGib: 0, networkCidr: '10.0.0.0/16', hybridLink: null, preference: { dataCentre: null, country: null } },
  steps: [step(0, 'running'), step(1, 'pending')],
});

describe('RecentSnapshots', () => {
  it('answers only at the version it holds', () => {
    const recent = new RecentSnapshots();
    recent.remember(request('a', 3));
    expect(recent.at('a', 3)?.version).toBe(3);
    expect(recent.at('a', 2)).toBeNull();
    expect(recent.at('a', 4)).toBeNull();
    expect(recent.at('b', 3)).toBeNull();
  });

  it('keeps the newest snapshot of a request, and forgets on demand', () => {
    const recent = new RecentSnapshots();
    recent.remember(request('a', 3));
    recent.remember(request('a', 4));
    expect(recent.at('a', 3)).toBeNull();
    expect(recent.at('a', 4)).not.toBeNull();
    expect(recent.size).toBe(1);
    recent.forget('a');
    expect(recent.at('a', 4)).toBeNull();
  });

  it('stays within its capacity, evicting the request moved longest ago', () => {
    const recent = new RecentSnapshots(2);
    recent.remember(request('a', 1));
    recent.remember(request('b', 1));
    recent.remember(request('a', 2));
    recent.remember(request('c', 1));
    expect(recent.size).toBe(2);
    expect(recent.at('b', 1)).toBeNull();
    expect(recent.at('a', 2)).not.toBeNull();
    expect(recent.at('c', 1)).not.toBeNull();
  });
});

describe('afterTransition', () => {
  it('replaces the changed steps by position, takes the new status and version, keeps the rest', () => {
    const before = request('a', 3);
    const done = { ...step(0, 'succeeded'), attempts: 1 };
    const after = afterTransition(before, { status: 'ROLLING_BACK', steps: [done], events: [], next: { delayMs: 0 } }, 4);
    expect(after).toEqual({ ...before, status: 'ROLLING_BACK', version: 4, steps: [done, before.steps[1]] });
    expect(before.version).toBe(3);
  });

  it('takes a cancel from the columns, and ignores columns a snapshot does not hold', () => {
    const before = request('a', 3);
    expect(afterTransition(before, { columns: { cancel_requested: true }, steps: [], events: [], next: null }, 4).cancelRequested).toBe(true);
    expect(afterTransition(before, { columns: { finished_at: new Date() }, steps: [], events: [], next: null }, 4)).toEqual({ ...before, version: 4 });
  });
});
