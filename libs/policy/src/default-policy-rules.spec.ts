import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY_RULES } from './default-policy-rules.js';
import { evaluatePolicy } from './evaluate-policy.js';
import { POLICY_RULE_KINDS, validatePolicyRuleInput } from './policy-rule.js';
import { demand, policyInput, request } from './testing/policy-fixtures.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the seeded policy rules', () => {
  it('are valid as an operator would have to send them', () => {
    for (const rule of DEFAULT_POLICY_RULES) expect([rule.name, validatePolicyRuleInput(rule.kind, rule.params)]).toEqual([rule.name, []]);
  });

  it('have distinct fixed UUIDs, start at version 1, are enabled, and cover every kind', () => {
    const ids = DEFAULT_POLICY_RULES.map((rule) => rule.id);
    expect(ids.every((id) => UUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(DEFAULT_POLICY_RULES.every((rule) => rule.version === 1 && rule.enabled)).toBe(true);
    expect(new Set(DEFAULT_POLICY_RULES.map((rule) => rule.kind))).toEqual(new Set(POLICY_RULE_KINDS));
  });

  it('ask for approval from 64 vCPU or 20 VMs', () => {
    const needsApproval = (vcpu: number, vms: number) =>
      evaluatePolicy(DEFAULT_POLICY_RULES, policyInput({ request: request({ demand: demand({ vcpu, vms }) }) })).approval.required;
    expect([needsApproval(63, 19), needsApproval(64, 1), needsApproval(8, 20)]).toEqual([false, true, true]);
  });
});
