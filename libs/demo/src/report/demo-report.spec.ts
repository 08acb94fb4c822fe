import { describe, expect, it } from '@jest/globals';
import type { ProvisioningRequestView } from '../client/api-views.js';
import { decisiveReason, recordOf, type ScenarioResult, summaryTable } from './demo-report.js';

const request = (overrides: Partial<ProvisioningRequestView>): ProvisioningRequestView => ({
  id: 'r1',
  tenant: 't1',
  status: 'ACTIVE',
  dataCentre: 'cn-beijing-1',
  progress: { done: 8, total: 8 },
  version: 7,
  cancelRequested: false,
  placement: {
    dataCentre: 'cn-beijing-1',
    reason: 'cn-beijing-1: the least utilised compliant data centre with room.',
    candidates: [{ dataCentre: 'cn-beijing-1', country: 'CN', operator: 'china-telecom', outcome: 'chosen', reason: 'least utilised' }],
  },
  reservation: null,
  steps: [{ position: 0, name: 'reserve-capacity', status: 'succeeded', attempts: 1, compensationAttempts: 0, items: [], lastError: null }],
  failure: null,
  deployment: null,
  decision: { allowed: true, request: [{ kind: 'quota', passed: true, reason: 'within quota' }], candidates: [] },
  createdAt: '2026-12-04T10:00:00.000Z',
  updatedAt: '2026-12-04T10:00:02.500Z',
  ...overrides,
});

describe('the demo report', () => {
  it('gives the decisive reason: the failure, else the refusing rule, else why the site won', () => {
    expect(decisiveReason(request({ failure: { reason: 'approval-timed-out', detail: 'approval timed out' } }))).toBe('approval timed out');
    const refused = request({ decision: { allowed: false, request: [{ kind: 'procurement-exclusion', passed: false, reason: 'No Windows 8.' }], candidates: [] } });
    expect(decisiveReason(refused)).toBe('procurement-exclusion: No Windows 8.');
    expect(decisiveReason(request({}))).toBe('cn-beijing-1: the least utilised compliant data centre with room.');
  });

  it('records a request with its partner, steps and how long it took from submission', () => {
    const record = recordOf('bank', 'Beijing Commercial Bank', 202, new Date('2026-12-04T10:00:00.000Z'), request({}));
    expect(record).toMatchObject({
      label: 'bank',
      finalStatus: 'ACTIVE',
      partner: 'china-telecom',
      steps: [{ name: 'reserve-capacity', status: 'succeeded', attempts: 1, compensationAttempts: 0 }],
      durationMs: 2500,
      decision: { allowed: true, refusedBy: [], sitesRuledOut: [] },
    });
    const refused = request({
      decision: {
        allowed: false,
        request: [{ kind: 'procurement-exclusion', passed: false, reason: 'No Windows 8.' }],
        candidates: [{ dataCentre: 'jp-tokyo-1', country: 'JP', operator: 'softbank', compliant: false, results: [{ kind: 'tenant-residency', passed: false, reason: 'JP' }] }],
      },
    });
    expect(recordOf('w', 'x', 422, new Date(), refused).decision).toEqual({
      allowed: false,
      refusedBy: ['procurement-exclusion', 'tenant-residency'],
      sitesRuledOut: ['jp-tokyo-1'],
    });
    expect(recordOf('refused', 'x', 422, new Date(), null)).toMatchObject({ id: null, finalStatus: null, durationMs: null });
  });

  it('lays the summary out in aligned columns, one row per scenario', () => {
    const result = (name: string, passed: boolean): ScenarioResult => ({
      name,
      title: '',
      expected: 'ACTIVE',
      actual: passed ? 'ACTIVE' : 'not as expected',
      passed,
      failure: passed ? null : 'it ended FAILED',
      durationMs: 1234,
      requests: [],
    });
    const table = summaryTable([result('first', true), result('second-longer', false)]);
    expect(table).toEqual([
      '#  scenario       expected outcome  actual outcome   time   result',
      '-  -------------  ----------------  ---------------  -----  ------',
      '1  first          ACTIVE            ACTIVE           1.2 s  pass',
      '2  second-longer  ACTIVE            not as expected  1.2 s  FAIL',
    ]);
  });
});
