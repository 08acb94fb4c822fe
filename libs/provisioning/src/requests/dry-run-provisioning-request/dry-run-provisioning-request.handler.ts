import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import type { PolicyDecision } from '#libs/policy/src/evaluate-policy.js';
import { type PlacementRecord, placementRecord } from '#libs/policy/src/plan-placement.js';
import { type Demand, demandOf, type IaasSpec } from '../../domain/iaas-spec.js';
import { proposePlacement } from '../../placement/place-request.js';
import { readPlacementContext } from '../../placement/policy-input.reader.js';
import { assertNoNetworkConflicts } from '../network/network-rules.js';
import { submissionSizes } from '../submit-provisioning-request/submit-provisioning-request.handler.js';

export interface DryRunResult {
  dryRun: true;
  /** What a submission now would most likely become; concurrent submissions may still change it. */
  outcome: 'would-provision' | 'would-await-approval' | 'would-be-rejected';
  tenant: string;
  service: string;
  demand: Demand;
  decision: PolicyDecision;
  placement: PlacementRecord;
  rejection: { code: string; detail: string } | null;
}

export class DryRunProvisioningRequestQuery extends Query<DryRunResult> {
  constructor(
    readonly caller: Caller,
    readonly tenantId: string,
    readonly service: 'iaas',
    readonly spec: IaasSpec,
  ) {
    super();
  }
}

/**
 * The policy decision and the placement a submission would get, from reads alone: no request, no
 * hold, no idempotency record, no event. The same checks as a submission come first, so a dry run
 * that passes names a body the submission accepts.
 */
@QueryHandler(DryRunProvisioningRequestQuery)
export class DryRunProvisioningRequestHandler implements IQueryHandler<DryRunProvisioningRequestQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ caller, tenantId, service, spec }: DryRunProvisioningRequestQuery): Promise<DryRunResult> {
    if (caller.scope.kind === 'tenant' && caller.scope.tenantId !== tenantId) throw new NotFoundError('tenant', tenantId);
    assertNoNetworkConflicts(spec);
    const manager = this.dataSource.manager;
    const context = await readPlacementContext(manager, tenantId, spec);
    const demand = demandOf(spec, submissionSizes(context, tenantId, spec));
    // No request id yet to draw ties with: among equally utilised sites, the submission's own draw decides.
    const { decision, plan } = await proposePlacement(manager, { id: 'dry-run', tenantId, service, spec, demand }, new Date(), null, context);
    const chosen = plan.order[0] ?? null;
    let outcome: DryRunResult['outcome'] = 'would-provision';
    if (chosen === null) outcome = 'would-be-rejected';
    else if (decision.approval.required) outcome = 'would-await-approval';
    return { dryRun: true, outcome, tenant: tenantId, service, demand, decision, placement: placementRecord(plan, chosen), rejection: plan.rejection };
  }
}
