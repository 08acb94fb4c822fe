import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY_RULES } from './default-policy-rules.js';
import { evaluatePolicy, type PolicyDecision } from './evaluate-policy.js';
import { policyInput, request, rule, site, tenant, tokyo, WINDOWS_8_1 } from './testing/policy-fixtures.js';

const beijing = site('cn-beijing-1');
const hebei = tenant({ name: 'Hebei Provincial Education Bureau', segment: 'government' });
const kindsOf = (results: { kind: string }[]) => results.map((r) => r.kind);
const failed = (decision: PolicyDecision, dataCentre: string) =>
  decision.candidates.find((c) => c.dataCentre === dataCentre)?.results.filter((r) => !r.passed) ?? [];

describe('evaluatePolicy', () => {
  it('judges every site by every enabled rule, and explains why a site fails', () => {
    const decision = evaluatePolicy(DEFAULT_POLICY_RULES, policyInput({ sites: [tokyo(), beijing] }));
    expect(decision.allowed).toBe(true);
    expect(decision.summary).toBe('Allowed: 1 of 2 data centres complies with the policy (cn-beijing-1).');
    expect(decision.candidates.map((c) => [c.dataCentre, c.country, c.operator, c.compliant])).toEqual([
      ['cn-beijing-1', 'CN', 'china-telecom', true],
      ['jp-tokyo-1', 'JP', 'softbank', false],
    ]);
    // Approval rules are not filters: they live in `approval`, not in the sites' results.
    expect(kindsOf(decision.candidates[0].results)).toEqual(kindsOf(DEFAULT_POLICY_RULES.filter((r) => r.kind !== 'approval')));
    expect(failed(decision, 'jp-tokyo-1')).toEqual([
      {
        ruleId: 'cf18e060-7826-4163-9324-aef7bf299626',
        ruleVersion: 1,
        kind: 'tenant-residency',
        passed: false,
        reason: "Tenant 'Beijing Commercial Bank' requires in-country residency in CN; jp-tokyo-1 is in JP.",
      },
      {
        ruleId: 'a05a2a37-cd97-4487-8811-b8539f175ea7',
        ruleVersion: 1,
        kind: 'jurisdiction-residency',
        passed: false,
        reason: "Jurisdiction CN requires in-country residency in CN for tenants at home there, as tenant 'Beijing Commercial Bank' is; jp-tokyo-1 is in JP.",
      },
    ]);
  });

  it('records the rules used with their versions, and the request-level results once more on their own', () => {
    const decision = evaluatePolicy(DEFAULT_POLICY_RULES, policyInput());
    expect(decision.rulesUsed).toEqual(DEFAULT_POLICY_RULES.map(({ id, version, kind }) => ({ id, version, kind })));
    expect(kindsOf(decision.request)).toEqual(['tenant-status', 'procurement-exclusion', 'quota']);
    const revised = evaluatePolicy([rule('quota', {}, { id: 'q', version: 3 })], policyInput());
    expect(revised.request[0]).toMatchObject({ ruleId: 'q', ruleVersion: 3 });
    expect(revised.candidates[0].results[0]).toMatchObject({ ruleId: 'q', ruleVersion: 3 });
  });

  it('skips disabled rules and leaves them out of the rules used', () => {
    const rules = DEFAULT_POLICY_RULES.map((r) => (r.kind.endsWith('residency') ? { ...r, enabled: false } : r));
    const decision = evaluatePolicy(rules, policyInput({ sites: [tokyo()] }));
    expect(decision.allowed).toBe(true);
    expect(kindsOf(decision.rulesUsed)).not.toContain('tenant-residency');
    expect(kindsOf(decision.candidates[0].results)).not.toContain('jurisdiction-residency');
  });

  it('refuses a suspended tenant at every site, each naming the tenant-status rule', () => {
    const decision = evaluatePolicy(DEFAULT_POLICY_RULES, policyInput({ tenant: tenant({ status: 'suspended' }), sites: [tokyo(), beijing] }));
    expect(decision.allowed).toBe(false);
    expect(decision.summary).toBe(
      "Refused: Tenant 'Beijing Commercial Bank' is suspended: its requests are refused until a platform operator resumes it.",
    );
    for (const candidate of decision.candidates) {
      expect(candidate.compliant).toBe(false);
      expect(kindsOf(candidate.results.filter((r) => !r.passed))).toContain('tenant-status');
    }
  });

  it("refuses Windows 8 to a Chinese government tenant, quoting procurement's rationale", () => {
    const decision = evaluatePolicy(DEFAULT_POLICY_RULES, policyInput({ tenant: hebei, request: request({ images: [WINDOWS_8_1] }) }));
    expect(decision.allowed).toBe(false);
    expect(decision.summary).toBe(
      "Refused: Tenant 'Hebei Provincial Education Bureau' is a government tenant at home in CN and may not use " +
        "'Windows 8.1 Enterprise' (Microsoft windows 8.1), which matches Microsoft windows version 8: " +
        'Chinese government procurement excludes Windows 8. Choose another image.',
    );
  });

  it('when no site complies, says for each site every rule it fails', () => {
    const sites = [tokyo(), site('cn-beijing-1', { status: 'maintenance' })];
    const decision = evaluatePolicy(DEFAULT_POLICY_RULES, policyInput({ sites }));
    expect(decision.allowed).toBe(false);
    expect(decision.summary).toBe(
      'Refused: no data centre complies with the policy. ' +
        'cn-beijing-1: cn-beijing-1 is in maintenance; it takes no work until it is active again. ' +
        "jp-tokyo-1: Tenant 'Beijing Commercial Bank' requires in-country residency in CN; jp-tokyo-1 is in JP. " +
        "Jurisdiction CN requires in-country residency in CN for tenants at home there, as tenant 'Beijing Commercial Bank' is; jp-tokyo-1 is in JP.",
    );
  });

  it('refuses when there is no site at all', () => {
    const decision = evaluatePolicy(DEFAULT_POLICY_RULES, policyInput({ sites: [] }));
    expect(decision).toMatchObject({ allowed: false, candidates: [], summary: 'Refused: there is no data centre to place the request in.' });
  });

  it('allows a government request pending approval, without making approval a failure of any site', () => {
    const decision = evaluatePolicy(DEFAULT_POLICY_RULES, policyInput({ tenant: hebei }));
    expect(decision.allowed).toBe(true);
    expect(decision.candidates[0].compliant).toBe(true);
    expect(decision.approval.required).toBe(true);
    expect(decision.approval.reasons.map((r) => [r.ruleId, r.passed])).toEqual([
      ['663f0f45-9a4c-4f7d-adcf-94c6e905594d', false],
      ['4eaed023-de6f-4abb-81a8-f0ff191abd3d', true],
    ]);
    expect(decision.summary).toBe(
      'Allowed, pending approval: 1 of 1 data centres complies with the policy (cn-beijing-1). ' +
        "Needs approval: tenant 'Hebei Provincial Education Bureau' is a government tenant. " +
        'Government workloads are reviewed by an operator before provisioning.',
    );
  });

  it('reads `now` as a UTC day against a planned site\'s opening day', () => {
    const shanghai = site('cn-shanghai-1', { status: 'planned', availableFrom: '2027-04-01' });
    const at = (now: string) => evaluatePolicy(DEFAULT_POLICY_RULES, policyInput({ sites: [shanghai], now: new Date(now) })).allowed;
    expect(at('2027-03-31T23:59:59Z')).toBe(false);
    // Already 1 April in Beijing, still 31 March in UTC: the site is not open yet.
    expect(at('2027-04-01T07:00:00+08:00')).toBe(false);
    expect(at('2027-04-01T00:00:00Z')).toBe(true);
  });

  it('evaluates several rules of one kind each on its own', () => {
    const japan = rule('jurisdiction-residency', { country: 'JP', residency: 'in-country', partnerOperatedOnly: false }, { id: 'jp' });
    const china = rule('jurisdiction-residency', { country: 'CN', residency: 'in-country', partnerOperatedOnly: true }, { id: 'cn' });
    const decision = evaluatePolicy([china, japan], policyInput({ sites: [tokyo()] }));
    expect(decision.candidates[0].results.map((r) => [r.ruleId, r.passed])).toEqual([
      ['cn', false],
      ['jp', true],
    ]);
  });

  it('allows every site when no rule is enabled', () => {
    const decision = evaluatePolicy([], policyInput({ sites: [tokyo(), beijing] }));
    expect(decision).toMatchObject({ allowed: true, rulesUsed: [], request: [], approval: { required: false, reasons: [] } });
    expect(decision.summary).toBe('Allowed: 2 of 2 data centres comply with the policy (cn-beijing-1 and jp-tokyo-1).');
  });
});
