import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { describeCaller } from '#libs/access/src/domain/caller.js';
import { NotFoundError, RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import { ProblemDetailsFilter } from '#libs/core/src/http/problem-details.filter.js';
import { demandOf, type IaasSpec } from '../../domain/iaas-spec.js';
import { stepsFor } from '../../domain/iaas-steps.js';
import { runIdempotently } from '../../idempotency/idempotent-transaction.js';
import type { StoredResponse } from '../../idempotency/stored-response.js';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import { recordChange } from '../../persistence/request-journal.js';
import { placeAndHold } from '../../placement/place-request.js';
import { assertNoNetworkConflicts } from '../network/network-rules.js';
import { readProvisioningRequest } from '../provisioning-request.reader.js';
import { newRequestId } from '../request-id.js';
import { SubmitProvisioningRequestCommand } from './submit-provisioning-request.command.js';

const locationOf = (id: string): string => `/v1/provisioning-requests/${id}`;

/**
 * Submission is one transaction: the idempotency key, the request, its placement and held
 * capacity, its steps, its events and the outbox row that starts the executor. Either all of it
 * is there, or none of it.
 */
@CommandHandler(SubmitProvisioningRequestCommand)
export class SubmitProvisioningRequestHandler implements ICommandHandler<SubmitProvisioningRequestCommand> {
  private readonly problems = new ProblemDetailsFilter();

  constructor(private readonly dataSource: DataSource) {}

  async execute(command: SubmitProvisioningRequestCommand): Promise<StoredResponse> {
    const { caller, tenantId } = command;
    // Another tenant is as missing as one that never existed.
    if (caller.scope.kind === 'tenant' && caller.scope.tenantId !== tenantId) throw new NotFoundError('tenant', tenantId);
    assertNoNetworkConflicts(command.spec);
    return runIdempotently(this.dataSource, command.idempotency, (manager) => this.submit(manager, command));
  }

  private async submit(manager: EntityManager, { caller, tenantId, service, spec }: SubmitProvisioningRequestCommand): Promise<StoredResponse> {
    const { tenant, sizes } = await submissionContext(manager, tenantId, spec);
    const demand = demandOf(spec, sizes);
    const id = newRequestId();
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

    const placed = await placeAndHold(
      manager,
      { id, tenantId, homeCountry: tenant.homeCountry, service, demand, preference: spec.preference },
      async (dataCentre, placement): Promise<StoredResponse> => {
        await insertSteps(manager, id, spec);
        await recordChange(manager, submitted, {
          columns: { status: 'PROVISIONING', data_centre_code: dataCentre, placement },
          events: [
            { type: 'placed', data: { dataCentre, reason: placement.reason } },
            { type: 'capacity-reserved', data: { dataCentre, ...demand } },
          ],
          next: { delayMs: 0 },
        });
        const body = await readProvisioningRequest(manager, id);
        return { status: 202, body: body as unknown as Record<string, unknown>, location: locationOf(id) };
      },
    );
    if (placed.dataCentre !== null) return placed.value;
    const rejection = placed.rejection;
    await recordChange(manager, submitted, {
      columns: {
        status: 'REJECTED',
        placement: placed.placement,
        failure: { reason: rejection.code, detail: rejection.detail, demand },
        finished_at: new Date(),
      },
      events: [{ type: 'rejected', data: { reason: rejection.code, detail: rejection.detail } }],
      next: null,
    });
    const problem = this.problems.toProblem(
      new RuleViolationError(rejection.code, `Provisioning request ${id} was rejected: ${rejection.detail}`, {
        requestId: id,
        request: locationOf(id),
        demand,
        candidates: placed.placement.candidates,
      }),
    );
    return { status: 422, body: problem, location: null };
  }
}

interface ContextRow {
  tenant: { home_country: string; status: string; suspended_reason: string | null } | null;
  sizes: { code: string; vcpu: number; memory_gib: number }[];
  images: string[];
}

/**
 * What a submission needs to know first, in one query: the tenant, locked against a concurrent
 * suspension until this transaction ends (a suspension updates the row, and waits for the share
 * lock), and the sizes and images the spec names. Refuses a missing (404) or suspended tenant,
 * then (422) every group whose size or image the catalogue lacks. Returns the sizes by code.
 */
async function submissionContext(
  manager: EntityManager,
  id: string,
  spec: IaasSpec,
): Promise<{ tenant: { homeCountry: string }; sizes: Map<string, { vcpu: number; memoryGib: number }> }> {
  const {
    rows: [row],
  } = await preparedQuery<ContextRow>(
    manager,
    `SELECT (SELECT row_to_json(t) FROM (SELECT home_country, status, suspended_reason FROM tenants WHERE id = $1 FOR SHARE) t) AS tenant,
            (SELECT coalesce(json_agg(s), '[]') FROM (SELECT code, vcpu, memory_gib FROM sizes WHERE code = ANY($2)) s) AS sizes,
            (SELECT coalesce(json_agg(i.id), '[]') FROM images i WHERE i.id = ANY($3::uuid[])) AS images`,
    [id, [...new Set(spec.vms.map((group) => group.size))], [...new Set(spec.vms.map((group) => group.image))]],
  );
  const { tenant } = row;
  if (!tenant) throw new NotFoundError('tenant', id);
  if (tenant.status !== 'active') {
    throw new RuleViolationError(
      'tenant-suspended',
      `Tenant '${id}' is suspended${tenant.suspended_reason ? ` (${tenant.suspended_reason})` : ''}: resume it before provisioning for it.`,
      { tenant: id, errors: [{ field: 'tenant', message: 'tenant is suspended' }] },
    );
  }
  const sizes = new Map(row.sizes.map((size) => [size.code, { vcpu: size.vcpu, memoryGib: size.memory_gib }]));
  const images = new Set(row.images);
  const errors = spec.vms.flatMap((group, i) => [
    ...(sizes.has(group.size) ? [] : [{ field: `spec.vms.${i}.size`, message: `spec.vms.${i}.size '${group.size}' is not a size in the catalogue` }]),
    ...(images.has(group.image) ? [] : [{ field: `spec.vms.${i}.image`, message: `spec.vms.${i}.image '${group.image}' is not an image in the catalogue` }]),
  ]);
  if (errors.length > 0) {
    throw new RuleViolationError('unknown-catalogue-item', `The request names what the catalogue does not have: ${errors.map((e) => e.message).join('; ')}.`, {
      errors,
    });
  }
  return { tenant: { homeCountry: tenant.home_country }, sizes };
}

/** Every step of the spec, in order, in one statement: capacity is already held, a link not asked for is skipped. */
async function insertSteps(manager: EntityManager, requestId: string, spec: IaasSpec): Promise<void> {
  const steps = stepsFor(spec).map((step, position) => {
    const status = step.name === 'reserve-capacity' ? 'succeeded' : step.skipped ? 'skipped' : 'pending';
    return { position, name: step.name, status, attempts: status === 'succeeded' ? 1 : 0 };
  });
  await preparedQuery(
    manager,
    `INSERT INTO provisioning_steps (request_id, position, name, status, attempts, started_at, finished_at, items)
     SELECT $1, s.position, s.name, s.status, s.attempts,
            CASE WHEN s.status = 'succeeded' THEN now() END, CASE WHEN s.status <> 'pending' THEN now() END, '[]'
     FROM jsonb_to_recordset($2::jsonb) AS s(position int, name text, status text, attempts int)`,
    [requestId, JSON.stringify(steps)],
  );
}
