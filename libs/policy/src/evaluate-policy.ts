import type { PolicyInput, PolicySite } from './policy-context.js';
import type { PolicyRule, PolicyRuleKind } from './policy-rule.js';
import { checkApproval } from './rules/approval.rule.js';
import { checkDataCentreStatus } from './rules/data-centre-status.rule.js';
import { checkJurisdictionResidency } from './rules/jurisdiction-residency.rule.js';
import { checkProcurementExclusion } from './rules/procurement-exclusion.rule.js';
import { checkQuota } from './rules/quota.rule.js';
import { checkServiceAvailability } from './rules/service-availability.rule.js';
import { checkTenantResidency } from './rules/tenant-residency.rule.js';
import { checkTenantStatus } from './rules/tenant-status.rule.js';
import type { Verdict } from './rules/verdict.js';
import { isoDay, listing } from './wording.js';

export interface RuleResult {
  ruleId: string;
  ruleVersion: number;
  kind: PolicyRuleKind;
  passed: boolean;
  reason: string;
}

export interface CandidateDecision {
  dataCentre: string;
  country: string;
  operator: string;
  /** Every result passed. */
  compliant: boolean;
  /** Every enabled filter rule's result for this site, request-level ones included, in rule order. */
  results: RuleResult[];
}

export interface PolicyDecision {
  /** The tenant may have the request and at least one site complies; capacity is placement's business. */
  allowed: boolean;
  rulesUsed: { id: string; version: number; kind: PolicyRuleKind }[];
  /** Rules about the request itself, the same for every site: tenant status, quota, procurement. */
  request: RuleResult[];
  /** Every site given, by code. */
  candidates: CandidateDecision[];
  /** Every enabled approval rule; `passed: false` means that rule wants a person to approve. */
  approval: { required: boolean; reasons: RuleResult[] };
  summary: string;
}

/** Where a rule's outcome belongs: to the request, to each site, or to the approval gate. */
type Judgement =
  | { scope: 'request'; verdict: Verdict }
  | { scope: 'site'; verdictFor: (site: PolicySite) => Verdict }
  | { scope: 'approval'; verdict: Verdict };

function judge(rule: PolicyRule, { tenant, request }: PolicyInput, today: string): Judgement {
  switch (rule.kind) {
    case 'tenant-status':
      return { scope: 'request', verdict: checkTenantStatus(tenant) };
    case 'quota':
      return { scope: 'request', verdict: checkQuota(tenant, request.demand) };
    case 'procurement-exclusion':
      return { scope: 'request', verdict: checkProcurementExclusion(rule.params, tenant, request.images) };
    case 'tenant-residency':
      return { scope: 'site', verdictFor: (site) => checkTenantResidency(tenant, site) };
    case 'jurisdiction-residency':
      return { scope: 'site', verdictFor: (site) => checkJurisdictionResidency(rule.params, tenant, site) };
    case 'service-availability':
      return { scope: 'site', verdictFor: (site) => checkServiceAvailability(request.service, site) };
    case 'data-centre-status':
      return { scope: 'site', verdictFor: (site) => checkDataCentreStatus(site, today) };
    case 'approval':
      return { scope: 'approval', verdict: checkApproval(rule.params, tenant, request.demand) };
  }
}

/**
 * Evaluates every enabled rule for the request and for every site. Disabled rules are skipped and
 * left out of `rulesUsed`. `now` is read as a UTC day (see the data-centre-status rule).
 */
export function evaluatePolicy(rules: readonly PolicyRule[], input: PolicyInput): PolicyDecision {
  const today = isoDay(input.now);
  const enabled = rules.filter((rule) => rule.enabled);
  const judged = enabled.map((rule) => ({ rule, judgement: judge(rule, input, today) }));
  const stamp = (rule: PolicyRule, verdict: Verdict): RuleResult => ({ ruleId: rule.id, ruleVersion: rule.version, kind: rule.kind, ...verdict });
  const siteless = (scope: 'request' | 'approval'): RuleResult[] =>
    judged.flatMap(({ rule, judgement }) => (judgement.scope === scope ? [stamp(rule, judgement.verdict)] : []));

  const request = siteless('request');
  const candidates = [...input.sites]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((site): CandidateDecision => {
      // Request-level results are repeated on each site, so a refused site always names its rule.
      const results = judged.flatMap(({ rule, judgement }) => {
        if (judgement.scope === 'approval') return [];
        return [stamp(rule, judgement.scope === 'site' ? judgement.verdictFor(site) : judgement.verdict)];
      });
      return { dataCentre: site.code, country: site.country, operator: site.operator, compliant: results.every((r) => r.passed), results };
    });
  const approvalReasons = siteless('approval');
  const approval = { required: approvalReasons.some((r) => !r.passed), reasons: approvalReasons };
  return {
    allowed: request.every((r) => r.passed) && candidates.some((c) => c.compliant),
    rulesUsed: enabled.map(({ id, version, kind }) => ({ id, version, kind })),
    request,
    candidates,
    approval,
    summary: summarise(request, candidates, approval),
  };
}

/** The reasons of the failed results, as one text. */
export const failingReasons = (results: readonly RuleResult[]): string =>
  results
    .filter((r) => !r.passed)
    .map((r) => r.reason)
    .join(' ');

function summarise(request: RuleResult[], candidates: CandidateDecision[], approval: PolicyDecision['approval']): string {
  if (request.some((r) => !r.passed)) return `Refused: ${failingReasons(request)}`;
  if (candidates.length === 0) return 'Refused: there is no data centre to place the request in.';
  const compliant = candidates.filter((c) => c.compliant).map((c) => c.dataCentre);
  if (compliant.length === 0) {
    return `Refused: no data centre complies with the policy. ${candidates.map((c) => `${c.dataCentre}: ${failingReasons(c.results)}`).join(' ')}`;
  }
  const comply = compliant.length === 1 ? 'complies' : 'comply';
  const allowed = `${compliant.length} of ${candidates.length} data centres ${comply} with the policy (${listing(compliant)})`;
  return approval.required ? `Allowed, pending approval: ${allowed}. ${failingReasons(approval.reasons)}` : `Allowed: ${allowed}.`;
}
