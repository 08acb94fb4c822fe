import { describe, expect, it } from '@jest/globals';
import { actionOfController, describeScope, outcomeOf } from './audit-event.js';

describe('audit events', () => {
  it('names the action after the use case', () => {
    expect(actionOfController('CreateApiKeyHttpController')).toBe('create-api-key');
    expect(actionOfController('ChangeDataCentreStatusHttpController')).toBe('change-data-centre-status');
  });

  it('tells succeeded, refused and failed calls apart by status', () => {
    expect([200, 201, 204, 400, 401, 403, 404, 409, 413, 429, 500, 503].map(outcomeOf)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'failed',
      'failed',
    ]);
  });

  it('describes a scope with its id', () => {
    expect(describeScope({ keyId: 'k', role: 'platform-operator', scope: { kind: 'platform' } })).toBe('platform');
    expect(describeScope({ keyId: 'k', role: 'partner-operator', scope: { kind: 'partner', partnerCode: 'softbank' } })).toBe(
      'partner:softbank',
    );
  });
});
