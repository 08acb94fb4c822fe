import { describe, expect, it } from '@jest/globals';
import { completeOperation, permanentErrorFor, type SimOperation } from './operation.js';
import type { SimResource } from './resource.js';
import { newResourceId, partnerPrefix, startDeleting } from './resource.js';

const at = new Date('2026-12-01T10:00:00Z');

const resource = (overrides: Partial<SimResource> = {}): SimResource => ({
  id: 'ctel-vm-1',
  partner: 'china-telecom',
  type: 'vm',
  labels: { tenant: 't', request: 'r' },
  spec: {},
  state: 'creating',
  power: 'off',
  createdAt: new Date('2026-12-01T09:59:59Z'),
  deletedAt: null,
  ...overrides,
});

const operation = (overrides: Partial<SimOperation> = {}): SimOperation => ({
  id: 'ctel-op-1',
  partner: 'china-telecom',
  action: 'create',
  resourceId: 'ctel-vm-1',
  resourceType: 'vm',
  idempotencyKey: 'k',
  fingerprint: 'f',
  status: 'running',
  plannedError: null,
  completesAt: at,
  completedAt: null,
  createdAt: new Date('2026-12-01T09:59:59Z'),
  ...overrides,
});

const failure = permanentErrorFor('create', 'vm', 'ctel-vm-1', 'china-telecom');
const idle = { createPending: false };

describe('completeOperation', () => {
  it('makes a created resource active', () => {
    expect(completeOperation(operation(), resource(), idle)).toEqual({ status: 'succeeded', resource: { state: 'active', power: 'off' } });
  });

  it('leaves nothing live behind a failed create', () => {
    expect(completeOperation(operation({ plannedError: failure }), resource(), idle)).toEqual({
      status: 'failed',
      resource: { state: 'deleted', power: 'off' },
    });
  });

  it('does not bring back a resource deleted while its create was running', () => {
    expect(completeOperation(operation(), resource({ state: 'deleting' }), idle).resource.state).toBe('deleting');
    expect(completeOperation(operation(), resource({ state: 'deleted', deletedAt: at }), idle).resource.state).toBe('deleted');
  });

  it('deletes on a successful delete, powering a vm off; other types have no power', () => {
    expect(completeOperation(operation({ action: 'delete' }), resource({ state: 'deleting', power: 'on' }), idle).resource).toEqual({
      state: 'deleted',
      power: 'off',
    });
    expect(completeOperation(operation({ action: 'delete' }), resource({ type: 'network', state: 'deleting', power: null }), idle).resource).toEqual({
      state: 'deleted',
      power: null,
    });
  });

  it('keeps a resource whose delete failed: active, or creating if its create still runs', () => {
    const failedDelete = operation({ action: 'delete', plannedError: permanentErrorFor('delete', 'vm', 'ctel-vm-1', 'china-telecom') });
    expect(completeOperation(failedDelete, resource({ state: 'deleting' }), idle)).toMatchObject({ status: 'failed', resource: { state: 'active' } });
    expect(completeOperation(failedDelete, resource({ state: 'deleting' }), { createPending: true }).resource.state).toBe('creating');
  });

  it('powers on an active vm, and only on success', () => {
    expect(completeOperation(operation({ action: 'power-on' }), resource({ state: 'active' }), idle).resource.power).toBe('on');
    const failed = operation({ action: 'power-on', plannedError: permanentErrorFor('power-on', 'vm', 'ctel-vm-1', 'china-telecom') });
    expect(completeOperation(failed, resource({ state: 'active' }), idle)).toEqual({ status: 'failed', resource: { state: 'active', power: 'off' } });
    expect(completeOperation(operation({ action: 'power-on' }), resource({ state: 'deleted', deletedAt: at }), idle).resource.power).toBe('off');
  });
});

describe('resources', () => {
  it('start deleting unless already deleted', () => {
    expect(startDeleting(resource({ state: 'active' })).state).toBe('deleting');
    const gone = resource({ state: 'deleted', deletedAt: at });
    expect(startDeleting(gone)).toBe(gone);
  });

  it('have ids that say which partner and what type', () => {
    expect(newResourceId('china-telecom', 'vm', 'abc')).toBe('ctel-vm-abc');
    expect(newResourceId('softbank', 'vpn-link', 'abc')).toBe('sbnk-vpn-link-abc');
    expect(partnerPrefix('acme-cloud-services')).toBe('acmecl');
  });
});
