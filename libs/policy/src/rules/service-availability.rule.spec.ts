import { describe, expect, it } from '@jest/globals';
import { site, usEast } from '../testing/policy-fixtures.js';
import { checkServiceAvailability } from './service-availability.rule.js';

describe('service-availability rule', () => {
  it('passes a site offering the service', () => {
    expect(checkServiceAvailability('iaas', site('cn-beijing-1'))).toEqual({ passed: true, reason: 'cn-beijing-1 offers iaas.' });
  });

  it('refuses a site without the service, and says what it does offer', () => {
    expect(checkServiceAvailability('daas', usEast({ services: ['iaas', 'draas'] }))).toEqual({
      passed: false,
      reason: 'us-east-1 does not offer daas; it offers only iaas and draas.',
    });
  });

  it('refuses a site offering nothing yet', () => {
    expect(checkServiceAvailability('iaas', site('cn-new-1', { services: [] }))).toEqual({
      passed: false,
      reason: 'cn-new-1 does not offer iaas; it offers no service yet.',
    });
  });
});
