import { describe, expect, it } from '@jest/globals';
import { site } from '../testing/policy-fixtures.js';
import { checkDataCentreStatus } from './data-centre-status.rule.js';

const shanghai = site('cn-shanghai-1', { status: 'planned', availableFrom: '2027-04-01' });

describe('data-centre-status rule', () => {
  it('passes an active site', () => {
    expect(checkDataCentreStatus(site('cn-beijing-1'), '2026-06-01')).toEqual({ passed: true, reason: 'cn-beijing-1 is active.' });
  });

  it('refuses a planned site before it opens, naming both days', () => {
    expect(checkDataCentreStatus(shanghai, '2027-03-31')).toEqual({
      passed: false,
      reason: 'cn-shanghai-1 is planned and opens on 2027-04-01; it takes no work before then (today is 2027-03-31).',
    });
  });

  it('passes a planned site from its opening day on', () => {
    expect(checkDataCentreStatus(shanghai, '2027-04-01')).toEqual({
      passed: true,
      reason: 'cn-shanghai-1 is planned to open on 2027-04-01, which has come (today is 2027-04-01).',
    });
    expect(checkDataCentreStatus(shanghai, '2027-05-10').passed).toBe(true);
  });

  it('refuses a planned site without an opening day', () => {
    expect(checkDataCentreStatus({ ...shanghai, availableFrom: null }, '2030-01-01')).toEqual({
      passed: false,
      reason: 'cn-shanghai-1 is planned and has no opening date; it takes no work until it opens.',
    });
  });

  it('refuses a site in maintenance or offline', () => {
    expect(checkDataCentreStatus(site('jp-osaka-1', { status: 'maintenance' }), '2026-06-01')).toEqual({
      passed: false,
      reason: 'jp-osaka-1 is in maintenance; it takes no work until it is active again.',
    });
    expect(checkDataCentreStatus(site('jp-osaka-1', { status: 'offline' }), '2026-06-01')).toEqual({
      passed: false,
      reason: 'jp-osaka-1 is offline; it takes no work until it is active again.',
    });
  });
});
