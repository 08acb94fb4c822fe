import type { EntityManager } from 'typeorm';
import { evaluatePolicy, type PolicyDecision } from '#libs/policy/src/evaluate-policy.js';
import { checkQuota } from '#libs/policy/src/rules/quota.rule.js';
import { checkTenantStatus } from '#libs/policy/src/rules/tenant-status.rule.js';
import { type PlacementPlan, type PlacementRecord, placementRecord, planPlacement } from '#libs/policy/src/plan-placement.js';
import type { Service } from '#libs/catalogue/src/domain/vocabulary.js';
import type { Demand, IaasSpec } from '../domain/iaas-spec.js';
import { holdCapacity } from '../persistence/capacity-ledger.js';
import type { ChangeWrite } from '../persistence/request-journal.js';
import { type PlacementContext, policyInputOf, readPlacementContext, readPolicyTenant } from './policy-input.reader.js';

export interface PlacementRequest {
  id: string;
  tenantId: string;
  service: Service;
  spec: IaasSpec;
  demand: Demand;
}

/** What the policy and the scheduler made of a request, before anything is held. */
export interface PlacementProposal {
  decision: PolicyDecision;
  plan: PlacementPlan;
}

export type PlacementOutcome<T> =
  | { placed: true; dataCentre: string; decision: PolicyDecision; placement: PlacementRecord; value: T }
  | { placed: false; decision: PolicyDecision; placement: PlacementRecord; rejection: { code: string; detail: string } };

/**
 * Decides and plans without writing anything: the dry run, and the first half of a submission.
 * From `context` when the caller has read it already (readPlacementContext), else read here.
 */
export async function proposePlacement(
  manager: EntityManager,
  request: PlacementRequest,
  now: Date,
  tieBreaker: string | null = request.id,
  context?: PlacementContext,
): Promise<PlacementProposal> {
  const { input, rules } = policyInputOf(context ?? (await readPlacementContext(manager, request.tenantId, request.spec)), request, now);
  const decision = evaluatePolicy(rules, input);
  const plan = planPlacement(decision, {
    sites: input.sites,
    demand: request.demand,
    preference: request.spec.preference,
    ...(tieBreaker === null ? {} : { tieBreaker }),
  });
  return { decision, plan };
}

/**
 * Decides, places and holds, in the caller's transaction, with `onPlaced` (what placing makes
 * possible: the steps, the status change) written inside the hold. The plan is made from what was
 * read; the holds are conditional updates that re-check quota and room, so a concurrent request
 * that took them first makes this one try the next compliant site (never a non-compliant one), or
 * be rejected with the numbers, rather than overbook.
 */
export async function placeAndHold<T>(
  manager: EntityManager,
  request: PlacementRequest,
  now: Date,
  onPlaced: (dataCentre: string, decision: PolicyDecision, placement: PlacementRecord, reservationRow: ChangeWrite) => Promise<T>,
  context?: PlacementContext,
): Promise<PlacementOutcome<T>> {
  const { decision, plan } = await proposePlacement(manager, request, now, request.id, context);
  if (plan.rejection) return { placed: false, decision, placement: placementRecord(plan, null), rejection: plan.rejection };
  const taken: string[] = [];
  for (const dataCentreCode of plan.order) {
    const placement = placementRecord(plan, dataCentreCode, taken);
    const reservation = { requestId: request.id, tenantId: request.tenantId, dataCentreCode, demand: request.demand };
    const hold = await holdCapacity(manager, reservation, (reservationRow) => onPlaced(dataCentreCode, decision, placement, reservationRow));
    if (hold.held) return { placed: true, dataCentre: dataCentreCode, decision, placement, value: hold.value };
    if (hold.reason === 'over-quota') {
      const rejection = { code: 'quota-exceeded', detail: await quotaShortfall(manager, request) };
      return { placed: false, decision, placement: placementRecord(plan, null, taken), rejection };
    }
    taken.push(dataCentreCode);
  }
  const placement = placementRecord(plan, null, taken);
  return { placed: false, decision, placement, rejection: { code: 'no-compliant-capacity', detail: `No compliant capacity. ${placement.reason}` } };
}

/**
 * Why the quota hold failed, read after it did: the tenant was suspended, or other requests of
 * the tenant took the room first. Said by the same rules that decided, on what is now in use.
 */
async function quotaShortfall(manager: EntityManager, request: PlacementRequest): Promise<string> {
  const tenant = await readPolicyTenant(manager, request.tenantId);
  const status = checkTenantStatus(tenant);
  if (!status.passed) return `It was suspended while the request was being placed. ${status.reason}`;
  return `Concurrent requests of the tenant took its quota first. ${checkQuota(tenant, request.demand).reason}`;
}
