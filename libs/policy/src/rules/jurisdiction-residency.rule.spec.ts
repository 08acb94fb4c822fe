import { describe, expect, it } from '@jest/globals';
import type { JurisdictionResidencyParams } from '../policy-rule.js';
import { site, tenant, tokyo, usEast } from '../testing/policy-fixtures.js';
import { checkJurisdictionResidency } from './jurisdiction-residency.rule.js';

const CHINA: JurisdictionResidencyParams = { country: 'CN', residency: 'in-country', partnerOperatedOnly: true };
const BRITAIN: JurisdictionResidencyParams = { country: 'GB', residency: 'in-region', partnerOperatedOnly: false };

const beijingBank = tenant({ residency: 'none' });
const sakura = tenant({ name: 'Sakura Mutual Insurance', homeCountry: 'JP' });
const ownedInChina = site('cn-rogue-1', { ownership: 'owned', operator: 'provider' });
const pennine = tenant({ name: 'Pennine College Group', homeCountry: 'GB', homeRegion: 'europe', residency: 'none' });

describe('jurisdiction-residency rule', () => {
  it('passes a Chinese tenant at a partner-operated site in China, saying both parts hold', () => {
    expect(checkJurisdictionResidency(CHINA, beijingBank, site('cn-beijing-1'))).toEqual({
      passed: true,
      reason:
        "Jurisdiction CN requires in-country residency in CN for tenants at home there, as tenant 'Beijing Commercial Bank' is; cn-beijing-1 is in CN. " +
        "Jurisdiction CN allows only partner-operated data centres; cn-beijing-1 is operated by partner 'china-telecom'.",
    });
  });

  it('keeps a Chinese tenant in China even when the tenant itself asks for no residency', () => {
    expect(checkJurisdictionResidency(CHINA, beijingBank, tokyo())).toEqual({
      passed: false,
      reason: "Jurisdiction CN requires in-country residency in CN for tenants at home there, as tenant 'Beijing Commercial Bank' is; jp-tokyo-1 is in JP.",
    });
  });

  it('refuses a provider-owned site in China to a Chinese tenant, naming only the broken part', () => {
    expect(checkJurisdictionResidency(CHINA, beijingBank, ownedInChina)).toEqual({
      passed: false,
      reason: "Jurisdiction CN allows only partner-operated data centres; cn-rogue-1 is owned by the provider (operator 'provider').",
    });
  });

  it('refuses a provider-owned site in China to a foreign tenant too', () => {
    expect(checkJurisdictionResidency(CHINA, sakura, ownedInChina)).toEqual({
      passed: false,
      reason: "Jurisdiction CN allows only partner-operated data centres; cn-rogue-1 is owned by the provider (operator 'provider').",
    });
  });

  it('does not apply to a foreign tenant outside the country, and says why', () => {
    expect(checkJurisdictionResidency(CHINA, sakura, tokyo())).toEqual({
      passed: true,
      reason: "Jurisdiction CN's rule does not apply: tenant 'Sakura Mutual Insurance' is at home in JP and jp-tokyo-1 is in JP, not CN.",
    });
  });

  it('holds tenants of an in-region jurisdiction to their region', () => {
    const frankfurt = site('de-frankfurt-1', { country: 'DE', regionCode: 'europe', ownership: 'owned', operator: 'provider' });
    expect(checkJurisdictionResidency(BRITAIN, pennine, frankfurt).passed).toBe(true);
    expect(checkJurisdictionResidency(BRITAIN, pennine, usEast())).toEqual({
      passed: false,
      reason:
        "Jurisdiction GB requires in-region residency in region europe for tenants at home there, as tenant 'Pennine College Group' is; " +
        'us-east-1 is in US, region north-america.',
    });
  });

  it('says only the tenant part when the law has no ownership part', () => {
    expect(checkJurisdictionResidency(BRITAIN, beijingBank, usEast())).toEqual({
      passed: true,
      reason: "Jurisdiction GB's rule does not apply: tenant 'Beijing Commercial Bank' is at home in CN, not GB.",
    });
  });
});
