import { describe, expect, it } from '@jest/globals';
import { callIdentity } from './call-identity.js';

const labels = { tenant: '5d1c…', request: 'a7f0…', step: 'create-vms', item: 'vm-0' };

describe('callIdentity', () => {
  it('knows a create by its type and its labels but request, in any key order', () => {
    const identity = callIdentity({ action: 'create', type: 'vm', labels }, null);
    expect(identity).toBe('create vm {"item":"vm-0","step":"create-vms","tenant":"5d1c…"}');
    const { item, step, tenant } = labels;
    expect(callIdentity({ action: 'create', type: 'vm', labels: { item, step, tenant, request: 'another run' } }, null)).toBe(identity);
    expect(callIdentity({ action: 'create', type: 'volume', labels }, null)).not.toBe(identity);
    expect(callIdentity({ action: 'create', type: 'vm', labels: { ...labels, item: 'vm-1' } }, null)).not.toBe(identity);
  });

  it('knows a delete, a power-on and a poll by the resource they act on and their action, not by its id', () => {
    const vm = { type: 'vm' as const, labels, action: null };
    const deletion = callIdentity({ action: 'delete', resourceId: 'sbnk-vm-0123' }, vm);
    expect(deletion).toBe('delete vm {"item":"vm-0","step":"create-vms","tenant":"5d1c…"}');
    expect(callIdentity({ action: 'delete', resourceId: 'sbnk-vm-4567' }, { ...vm, labels: { ...labels, request: 'another run' } })).toBe(deletion);
    expect(callIdentity({ action: 'power-on', resourceId: 'sbnk-vm-0123' }, vm)).toBe(deletion.replace('delete', 'power-on'));
    expect(callIdentity({ action: 'poll', operationId: 'sbnk-op-89ab' }, { ...vm, action: 'create' })).toBe(
      'poll create vm {"item":"vm-0","step":"create-vms","tenant":"5d1c…"}',
    );
  });

  it('falls back on the id as given when the partner has no such resource or operation', () => {
    expect(callIdentity({ action: 'delete', resourceId: 'sbnk-vm-nope' }, null)).toBe('delete id sbnk-vm-nope');
    expect(callIdentity({ action: 'poll', operationId: 'sbnk-op-nope' }, null)).toBe('poll id sbnk-op-nope');
  });

  it('knows a listing by its filter but request, absent fields left out', () => {
    const identity = callIdentity({ action: 'list', filter: { tenant: 't', type: 'org', state: 'all' } }, null);
    expect(identity).toBe('list {"state":"all","tenant":"t","type":"org"}');
    expect(callIdentity({ action: 'list', filter: { state: 'all', request: 'r', type: 'org', tenant: 't' } }, null)).toBe(identity);
    expect(callIdentity({ action: 'list', filter: { request: 'r', tenant: undefined } }, null)).toBe('list {}');
  });
});
