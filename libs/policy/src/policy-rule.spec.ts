import { describe, expect, it } from '@jest/globals';
import { validatePolicyRuleInput } from './policy-rule.js';

const windows8 = { vendor: 'Microsoft', osFamily: 'windows', versionPrefix: '8' };
const exclusion = { country: 'CN', segments: ['government'], images: [windows8], rationale: 'Chinese government procurement excludes Windows 8.' };

describe('validatePolicyRuleInput', () => {
  it('accepts valid params of every kind', () => {
    expect(validatePolicyRuleInput('tenant-status', {})).toEqual([]);
    expect(validatePolicyRuleInput('quota', {})).toEqual([]);
    expect(validatePolicyRuleInput('jurisdiction-residency', { country: 'CN', residency: 'in-country', partnerOperatedOnly: true })).toEqual([]);
    expect(validatePolicyRuleInput('procurement-exclusion', exclusion)).toEqual([]);
    expect(validatePolicyRuleInput('approval', { segments: ['government'], reason: 'Reviewed.' })).toEqual([]);
    expect(validatePolicyRuleInput('approval', { minVms: 20, reason: 'Large.' })).toEqual([]);
  });

  it('refuses an unknown kind, listing the known ones', () => {
    expect(validatePolicyRuleInput('latency', {})).toEqual([
      {
        field: 'kind',
        message:
          'kind must be one of: tenant-status, tenant-residency, jurisdiction-residency, procurement-exclusion, ' +
          'service-availability, data-centre-status, quota, approval',
      },
    ]);
  });

  it('refuses missing or non-object params', () => {
    expect(validatePolicyRuleInput('quota', undefined)).toEqual([{ field: 'params', message: 'params is required' }]);
    expect(validatePolicyRuleInput('quota', null)).toEqual([{ field: 'params', message: 'params must be an object' }]);
    expect(validatePolicyRuleInput('quota', [])).toEqual([{ field: 'params', message: 'params must be an object' }]);
  });

  it('refuses unknown params, even on kinds that take none', () => {
    expect(validatePolicyRuleInput('service-availability', { service: 'iaas' })).toEqual([
      { field: 'params.service', message: 'params.service is not a known field' },
    ]);
  });

  it('names every missing and mistyped jurisdiction field', () => {
    expect(validatePolicyRuleInput('jurisdiction-residency', { country: 'cn', residency: 'none' })).toEqual([
      { field: 'params.partnerOperatedOnly', message: 'params.partnerOperatedOnly is required' },
      { field: 'params.country', message: "params.country must be an ISO 3166-1 alpha-2 country code in upper case, e.g. 'CN'" },
      { field: 'params.residency', message: 'params.residency must be one of: in-country, in-region' },
    ]);
    expect(validatePolicyRuleInput('jurisdiction-residency', { country: 'CN', residency: 'in-region', partnerOperatedOnly: 'yes' })).toEqual([
      { field: 'params.partnerOperatedOnly', message: 'params.partnerOperatedOnly must be true or false' },
    ]);
  });

  it('checks segments against the vocabulary, and refuses empty or repeated lists', () => {
    expect(validatePolicyRuleInput('procurement-exclusion', { ...exclusion, segments: ['ministry', 'government', 'government'] })).toEqual([
      { field: 'params.segments.0', message: 'params.segments.0 must be one of: enterprise-large, enterprise-medium, government' },
      { field: 'params.segments.2', message: 'params.segments.2 repeats "government"' },
    ]);
    expect(validatePolicyRuleInput('procurement-exclusion', { ...exclusion, segments: [] })).toEqual([
      { field: 'params.segments', message: 'params.segments must not be empty' },
    ]);
    expect(validatePolicyRuleInput('procurement-exclusion', { ...exclusion, segments: 'government' })).toEqual([
      { field: 'params.segments', message: 'params.segments must be a list' },
    ]);
  });

  it('checks each image matcher: known fields, a known family, and at least one field', () => {
    const images = [{}, { osFamily: 'bsd' }, { vendor: 'Microsoft', edition: 'Enterprise' }, { versionPrefix: '' }];
    expect(validatePolicyRuleInput('procurement-exclusion', { ...exclusion, images })).toEqual([
      { field: 'params.images.0', message: 'params.images.0 must give at least one of vendor, osFamily, versionPrefix' },
      { field: 'params.images.1.osFamily', message: 'params.images.1.osFamily must be one of: windows, linux' },
      { field: 'params.images.2.edition', message: 'params.images.2.edition is not a known field' },
      { field: 'params.images.3.versionPrefix', message: 'params.images.3.versionPrefix must not be empty' },
    ]);
  });

  it('refuses a blank or overlong rationale', () => {
    expect(validatePolicyRuleInput('procurement-exclusion', { ...exclusion, rationale: '  ' })).toEqual([
      { field: 'params.rationale', message: 'params.rationale must not be empty' },
    ]);
    expect(validatePolicyRuleInput('procurement-exclusion', { ...exclusion, rationale: 'x'.repeat(501) })).toEqual([
      { field: 'params.rationale', message: 'params.rationale must be at most 500 characters' },
    ]);
  });

  it('needs an approval rule to have a trigger and a reason', () => {
    expect(validatePolicyRuleInput('approval', { reason: 'Why not.' })).toEqual([
      { field: 'params', message: 'params must give at least one of segments, minVcpu, minMemoryGib, minStorageGib, minVms' },
    ]);
    expect(validatePolicyRuleInput('approval', { minVcpu: 64 })).toEqual([{ field: 'params.reason', message: 'params.reason is required' }]);
  });

  it('takes thresholds as whole numbers of at least 1, never as text', () => {
    const message = (field: string) => ({ field: `params.${field}`, message: `params.${field} must be a whole number of at least 1` });
    expect(validatePolicyRuleInput('approval', { minVcpu: 0, minMemoryGib: 1.5, minStorageGib: '100', minVms: null, reason: 'Large.' })).toEqual([
      message('minVcpu'),
      message('minMemoryGib'),
      message('minStorageGib'),
      message('minVms'),
    ]);
  });
});
