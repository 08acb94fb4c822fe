import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { describeCaller } from '#libs/access/src/domain/caller.js';
import { NotFoundError, RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import { ProblemDetailsFilter } from '#libs/core/src/http/problem-details.filter.js';
import { demandOf, type IaasSpec } from '../../domain/iaas-spec.js';
import { stepsFor } from '../../domain/iaas-steps.js';
import { runIdempotently } from '../../idempotency/idempotent-transaction.js';
import type { StoredResponse } from '../../idempotency/stored-response.js';
import { appendEvent, changeRequest, scheduleAdvance } from '../../persistence/request-journal.js';
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
    const tenant = await activeTenant(manager, tenantId);
    const sizes = await catalogueSizes(manager, spec);
    const demand = demandOf(spec, sizes);
    const id = newRequestId();
    const submitted = { id, status: 'SUBMITTED' as const, version: 0 };
    await manager.query(
      `INSERT INTO provisioning_requests (id, tenant_id, service, spec, status, version, demand, submitted_by)
       VALUES ($1, $2, $3, $4, 'SUBMITTED', 0, $5, $6)`,
      [id, tenantId, service, spec, demand, caller.keyId],
    );
    await appendEvent(manager, id, 'submitted', { tenant: tenantId, service, demand, by: describeCaller(caller) });

    const placed = await placeAndHold(
      manager,
      { id, tenantId, homeCountry: tenant.homeCountry, service, demand, preference: spec.preference },
      async (dataCentre, placement): Promise<StoredResponse> => {
        const version = await changeRequest(manager, submitted, { status: 'PROVISIONING', data_centre_code: dataCentre, placement });
        await appendEvent(manager, id, 'placed', { dataCentre, reason: placement.reason });
        await appendEvent(manager, id, 'capacity-reserved', { dataCentre, ...demand });
        await insertSteps(manager, id, spec);
        await scheduleAdvance(manager, id, version);
        const body = await readProvisioningRequest(manager, id);
        return { status: 202, body: body as unknown as Record<string, unknown>, location: locationOf(id) };
      },
    );
    if (placed.dataCentre !== null) return placed.value;
    const rejection = placed.rejection;
    await changeRequest(manager, submitted, {
      status: 'REJECTED',
      placement: placed.placement,
      failure: { reason: rejection.code, detail: rejection.detail, demand },
      finished_at: new Date(),
    });
    await appendEvent(manager, id, 'rejected', { reason: rejection.code, detail: rejection.detail });
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

/**
 * The tenant, locked against a concurrent suspension until this transaction ends (a suspension
 * updates the row, and waits for the share lock).
 */
async function activeTenant(manager: EntityManager, id: string): Promise<{ homeCountry: string }> {
  const [tenant]: { home_country: string; status: string; suspended_reason: string | null }[] = await manager.query(
    `SELECT home_country, status, suspended_reason FROM tenants WHERE id = $1 FOR SHARE`,
    [id],
  );
  if (!tenant) throw new NotFoundError('tenant', id);
  if (tenant.status !== 'active') {
    throw new RuleViolationError(
      'tenant-suspended',
      `Tenant '${id}' is suspended${tenant.suspended_reason ? ` (${tenant.suspended_reason})` : ''}: resume it before provisioning for it.`,
      { tenant: id, errors: [{ field: 'tenant', message: 'tenant is suspended' }] },
    );
  }
  return { homeCountry: tenant.home_country };
}

/** The sizes the spec names, by code; a 422 naming each group whose size or image the catalogue lacks. */
async function catalogueSizes(manager: EntityManager, spec: IaasSpec): Promise<Map<string, { vcpu: number; memoryGib: number }>> {
  const sizeRows: { code: string; vcpu: number; memory_gib: number }[] = await manager.query(
    `SELECT code, vcpu, memory_gib FROM sizes WHERE code = ANY($1)`,
    [[...new Set(spec.vms.map((group) => group.size))]],
  );
  const imageRows: { id: string }[] = await manager.query(`SELECT id FROM images WHERE id = ANY($1::uuid[])`, [
    [...new Set(spec.vms.map((group) => group.image))],
  ]);
  const sizes = new Map(sizeRows.map((row) => [row.code, { vcpu: row.vcpu, memoryGib: row.memory_gib }]));
  const images = new Set(imageRows.map((row) => row.id));
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

/** Every step of the spec, in order: capacity is already held, a link not asked for is skipped. */
async function insertSteps(manager: EntityManager, requestId: string, spec: IaasSpec): Promise<void> {
  for (const [position, step] of stepsFor(spec).entries()) {
    const status = step.name === 'reserve-capacity' ? 'succeeded' : step.skipped ? 'skipped' : 'pending';
    await manager.query(
      `INSERT INTO provisioning_steps (request_id, position, name, status, attempts, started_at, finished_at, items)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $4 = 'succeeded' THEN now() END, CASE WHEN $4 <> 'pending' THEN now() END, '[]')`,
      [requestId, position, step.name, status, status === 'succeeded' ? 1 : 0],
    );
  }
}
