import type { EntityManager } from 'typeorm';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import type {
  CapacityReservationRow,
  DeploymentRow,
  ProvisioningRequestRow,
  ProvisioningStepRow,
} from '../persistence/provisioning.entities.js';
import { type ProvisioningRequestResponse, toProvisioningRequestResponse } from './provisioning-request.response.js';
import { isUuid } from './request-id.js';

/** Columns as the entities name them; time stamps inside JSON arrive as ISO strings. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

interface RequestParts extends ProvisioningRequestRow {
  steps: Json<ProvisioningStepRow>[];
  reservation: Json<CapacityReservationRow> | null;
  deployment: Pick<DeploymentRow, 'id' | 'status'> | null;
}

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));

/**
 * The request resource, read with the given manager: inside a command's transaction (the 202 body
 * that an idempotency key stores) or outside it (queries). Null when no such request exists. One
 * query, its steps, reservation and deployment as JSON: submission reads it under its transaction.
 */
export async function readProvisioningRequest(manager: EntityManager, id: string): Promise<ProvisioningRequestResponse | null> {
  if (!isUuid(id)) return null;
  const {
    rows: [row],
  } = await preparedQuery<RequestParts>(
    manager,
    `SELECT r.id, r.tenant_id AS "tenantId", r.service, r.spec, r.status, r.version, r.data_centre_code AS "dataCentreCode",
            r.placement, r.demand, r.cancel_requested AS "cancelRequested", r.failure, r.submitted_by AS "submittedBy",
            r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.finished_at AS "finishedAt",
            r.decision, r.approval, r.approval_deadline AS "approvalDeadline",
            (SELECT coalesce(json_agg(s ORDER BY s."position"), '[]') FROM (
               SELECT request_id AS "requestId", position, name, status, attempts, compensation_attempts AS "compensationAttempts",
                      started_at AS "startedAt", finished_at AS "finishedAt", items, last_error AS "lastError"
               FROM provisioning_steps WHERE request_id = r.id) s) AS steps,
            (SELECT row_to_json(c) FROM (
               SELECT request_id AS "requestId", data_centre_code AS "dataCentreCode", tenant_id AS "tenantId", vcpu,
                      memory_gib AS "memoryGib", storage_gib AS "storageGib", public_ips AS "publicIps", vms, status,
                      created_at AS "createdAt", updated_at AS "updatedAt"
               FROM capacity_reservations WHERE request_id = r.id) c) AS reservation,
            (SELECT row_to_json(d) FROM (SELECT id, status FROM deployments WHERE request_id = r.id) d) AS deployment
     FROM provisioning_requests r WHERE r.id = $1`,
    [id],
  );
  if (!row) return null;
  const { steps, reservation, deployment, ...request } = row;
  return toProvisioningRequestResponse({
    request,
    steps: steps.map((step) => ({ ...step, startedAt: date(step.startedAt), finishedAt: date(step.finishedAt) })),
    reservation: reservation && { ...reservation, createdAt: new Date(reservation.createdAt), updatedAt: new Date(reservation.updatedAt) },
    deployment,
  });
}
