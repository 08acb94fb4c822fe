import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { describeCaller } from '#libs/access/src/domain/caller.js';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { NotFoundError, RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import { ProblemDetailsFilter } from '#libs/core/src/http/problem-details.filter.js';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import type { PolicyDecision } from '#libs/policy/src/evaluate-policy.js';
import type { PlacementRecord } from '#libs/policy/src/plan-placement.js';
import { type Demand, demandOf, type IaasSpec } from '../../domain/iaas-spec.js';
import { stepsFor } from '../../domain/iaas-steps.js';
import { runIdempotently } from '../../idempotency/idempotent-transaction.js';
import type { StoredResponse } from '../../idempotency/stored-response.js';
import { type ChangeWrite, recordChange } from '../../persistence/request-journal.js';
import { beginFirstStep } from '../../execution/executor/provisioning-saga.js';
import type { StepSnapshot } from '../../execution/executor/request-snapshot.js';
import { placeAndHold } from '../../placement/place-request.js';
import { type PlacementContext, readPlacementContext } from '../../placement/policy-input.reader.js';
import { assertNoNetworkConflicts } from '../network/network-rules.js';
import { readProvisioningRequest } from '../provisioning-request.reader.js';
import { newRequestId } from '../request-id.js';
import { SubmitProvisioningRequestCommand } from './submit-provisioning-request.command.js';

const locationOf = (id: string): string => `/v1/provisioning-requests/${id}`;

/**
 * Submission is one transaction: the idempotency key, the request with its policy decision, its
 * placement and held capacity and quota, its steps, its events and the outbox row that starts the
 * executor. Either all of it is there, or none of it. A refused request is kept too, REJECTED with
 * the decision that refused it. A request that needs approval keeps its hold and waits.
 */
@CommandHandler(SubmitProvisioningRequestCommand)
export class SubmitProvisioningRequestHandler implements ICommandHandler<SubmitProvisioningRequestCommand> {
  private readonly problems = new ProblemDetailsFilter();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async execute(command: SubmitProvisioningRequestCommand): Promise<StoredResponse> {
    const { caller, tenantId } = command;
    // Another tenant is as missing as one that never existed.
    if (caller.scope.kind === 'tenant' && caller.scope.tenantId !== tenantId) throw new NotFoundError('tenant', tenantId);
    assertNoNetworkConflicts(command.spec);
    return runIdempotently(this.dataSource, command.idempotency, (manager) => this.submit(manager, command));
  }

  private async submit(manager: EntityManager, { caller, tenantId, service, spec }: SubmitProvisioningRequestCommand): Promise<StoredResponse> {
    const context = await readPlacementContext(manager, tenantId, spec);
    const demand = demandOf(spec, submissionSizes(context, tenantId, spec));
    const id = newRequestId();
    const now = new Date();
    const submitted = { id, status: 'SUBMITTED' as const, version: 0 };
    await preparedQuery(
      manager,
      `WITH request AS (
         INSERT INTO provisioning_requests (id, tenant_id, service, spec, status, version, demand, submitted_by)
         VALUES ($1, $2, $3, $4, 'SUBMITTED', 0, $5, $6) RETURNING id
       )
       INSERT INTO request_events (request_id, type, data) SELECT id, 'submitted', $7 FROM request`,
      [id, tenantId, service, spec, demand, caller.keyId, { tenant: tenantId, service, demand, by: describeCaller(caller) }],
    );

    const placed = await placeAndHold(manager, { id, tenantId, service, spec, demand }, now, (dataCentre, decision, placement, reservationRow) =>
      this.accept(manager, { ...submitted, tenantId, spec, demand, now }, { dataCentre, decision, placement, reservationRow }),
      context,
    );
    if (placed.placed) return placed.value;

    const { rejection, decision, placement } = placed;
    await recordChange(manager, submitted, {
      columns: { status: 'REJECTED', decision, placement, failure: { reason: rejection.code, detail: rejection.detail, demand }, finished_at: now },
      events: [policyDecided(decision), { type: 'rejected', data: { reason: rejection.code, detail: rejection.detail } }],
      next: null,
    });
    const problem = this.problems.toProblem(
      new RuleViolationError(rejection.code, `Provisioning request ${id} was rejected: ${rejection.detail}`, {
        requestId: id,
        request: locationOf(id),
        demand,
        decision,
        placement,
      }),
    );
    return { status: 422, body: problem, location: null };
  }

  /**
   * Written inside the hold, in one statement: the steps, the reservation row, and the move to
   * PROVISIONING with its first step begun (or to AWAITING_APPROVAL, with no job yet: the
   * approval's job begins it).
   */
  private async accept(
    manager: EntityManager,
    request: { id: string; tenantId: string; status: 'SUBMITTED'; version: number; spec: IaasSpec; demand: Demand; now: Date },
    { dataCentre, decision, placement, reservationRow }: { dataCentre: string; decision: PolicyDecision; placement: PlacementRecord; reservationRow: ChangeWrite },
  ): Promise<StoredResponse> {
    const { id, tenantId, spec, demand, now } = request;
    const awaitsApproval = decision.approval.required;
    const deadline = new Date(now.getTime() + this.config.reservations.approvalTimeoutMs);
    const partner = placement.candidates.find((candidate) => candidate.outcome === 'chosen')!.operator;
    const steps = plannedSteps(spec);
    const first = awaitsApproval ? null : beginFirstStep({ id, tenantId, partner, spec, steps }, now);
    await recordChange(manager, request, {
      columns: {
        status: awaitsApproval ? 'AWAITING_APPROVAL' : 'PROVISIONING',
        data_centre_code: dataCentre,
        decision,
        placement,
        ...(awaitsApproval ? { approval_deadline: deadline } : {}),
      },
      events: [
        policyDecided(decision),
        { type: 'placed', data: { dataCentre, reason: placement.reason } },
        { type: 'capacity-reserved', data: { dataCentre, ...demand } },
        ...(awaitsApproval
          ? [{ type: 'approval-required', data: { reasons: decision.approval.reasons.filter((r) => !r.passed).map((r) => r.reason), deadline: deadline.toISOString() } }]
          : []),
        ...(first ? [first.event] : []),
      ],
      next: awaitsApproval ? null : { delayMs: 0 },
      also: [insertSteps(first ? steps.map((step) => (step.position === first.step.position ? first.step : step)) : steps), reservationRow],
    });
    const body = await readProvisioningRequest(manager, id);
    return { status: 202, body: body as unknown as Record<string, unknown>, location: locationOf(id) };
  }
}

const policyDecided = (decision: PolicyDecision) => ({
  type: 'policy-decided',
  data: { allowed: decision.allowed, summary: decision.summary, rules: decision.rulesUsed },
});

/**
 * What a submission (or a dry run) must know before the policy, from the context it read: that
 * the tenant exists (404; any other refusal of the tenant is the policy's, and is recorded), and
 * the sizes and images the spec names: a 422 naming every group whose size or image the catalogue
 * lacks. Returns the sizes by code.
 */
export function submissionSizes(context: PlacementContext, tenantId: string, spec: IaasSpec): Map<string, { vcpu: number; memoryGib: number }> {
  if (!context.tenant) throw new NotFoundError('tenant', tenantId);
  const sizes = context.sizes;
  const images = new Set(context.images.map((image) => image.id));
  const errors = spec.vms.flatMap((group, i) => [
    ...(sizes.has(group.size) ? [] : [{ field: `spec.vms.${i}.size`, message: `spec.vms.${i}.size '${group.size}' is not a size in the catalogue` }]),
    ...(images.has(group.image) ? [] : [{ field: `spec.vms.${i}.image`, message: `spec.vms.${i}.image '${group.image}' is not an image in the catalogue` }]),
  ]);
  if (errors.length > 0) {
    throw new RuleViolationError('unknown-catalogue-item', `The request names what the catalogue does not have: ${errors.map((e) => e.message).join('; ')}.`, {
      errors,
    });
  }
  return sizes;
}

/** Every step of the spec, in order, before anything ran: capacity is already held, a link not asked for is skipped. */
function plannedSteps(spec: IaasSpec): StepSnapshot[] {
  return stepsFor(spec).map((step, position) => {
    const status = step.name === 'reserve-capacity' ? 'succeeded' : step.skipped ? 'skipped' : 'pending';
    return { position, name: step.name, status, attempts: status === 'succeeded' ? 1 : 0, compensationAttempts: 0, startedAt: null, finishedAt: null, items: [], lastError: null };
  });
}

/**
 * The steps, written by the change that moves the request on (one statement, one round trip less);
 * the time stamps of those already done (or skipped) are the database's now.
 */
const insertSteps =
  (steps: StepSnapshot[]): ChangeWrite =>
  (param) =>
    `INSERT INTO provisioning_steps (request_id, position, name, status, attempts, started_at, finished_at, items)
     SELECT changed.id, s.position, s.name, s.status, s.attempts,
            CASE WHEN s.status = 'succeeded' THEN now() ELSE s.started_at END,
            CASE WHEN s.status IN ('succeeded', 'skipped') THEN now() END, s.items
     FROM changed, jsonb_to_recordset(${param(
       JSON.stringify(steps.map(({ position, name, status, attempts, startedAt, items }) => ({ position, name, status, attempts, started_at: startedAt, items }))),
     )}::jsonb) AS s(position int, name text, status text, attempts int, started_at timestamptz, items jsonb)`;
