import type { Fault, NewFault } from '../domain/fault.js';
import type { SimOperation } from '../domain/operation.js';
import type { CallTarget } from '../domain/partner-sim.ports.js';
import type { SimulationProfile } from '../domain/profile.js';
import type { SimResource } from '../domain/resource.js';
import type {
  FaultKind,
  OperationAction,
  OperationStatus,
  OutageStatus,
  PowerState,
  ResourceState,
  ResourceType,
} from '../domain/vocabulary.js';
import type { FaultRow, OperationRow, ProfileRow, ResourceRow } from './partner-sim.entities.js';

// Reads only for resources and operations: the ledger writes them in plain SQL.
// Rows hold plain text where the domain has closed vocabularies; the CHECK constraints of the
// migration guarantee the casts below.

export const resourceMapper = {
  toDomain: (row: ResourceRow): SimResource => ({
    id: row.id,
    partner: row.partner,
    type: row.type as ResourceType,
    labels: row.labels,
    spec: row.spec,
    state: row.state as ResourceState,
    power: row.power as PowerState | null,
    createdAt: row.createdAt,
    deletedAt: row.deletedAt,
  }),
};

export const operationMapper = {
  toDomain: (row: OperationRow): SimOperation => ({
    id: row.id,
    partner: row.partner,
    action: row.action as OperationAction,
    resourceId: row.resourceId,
    resourceType: row.resourceType as ResourceType,
    idempotencyKey: row.idempotencyKey,
    fingerprint: row.fingerprint,
    status: row.status as OperationStatus,
    plannedError:
      row.errorCode === null ? null : { code: row.errorCode, message: row.errorMessage ?? '', permanent: row.errorPermanent ?? true },
    completesAt: row.completesAt,
    completedAt: row.completedAt,
    createdAt: row.createdAt,
  }),
};

export const profileMapper = {
  toDomain: (row: ProfileRow): SimulationProfile => ({
    latencyMs: row.latencyMs,
    jitterMs: row.jitterMs,
    transientFailureRate: row.transientFailureRate,
    permanentFailureRate: row.permanentFailureRate,
    seed: row.seed === null ? null : Number(row.seed),
  }),
  toPersistence: (partner: string, profile: SimulationProfile): Partial<ProfileRow> => ({
    partner,
    ...profile,
    seed: profile.seed === null ? null : String(profile.seed),
  }),
};

export const callTargetMapper = {
  toDomain: (row: Pick<ResourceRow, 'type' | 'labels'> & { action: string | null }): CallTarget => ({
    type: row.type as ResourceType,
    labels: row.labels,
    action: row.action as OperationAction | null,
  }),
};

export const faultMapper = {
  toDomain: (row: FaultRow): Fault => ({
    id: String(row.id),
    partner: row.partner,
    action: row.action as OperationAction,
    resourceType: row.resourceType as ResourceType | null,
    kind: row.kind as FaultKind,
    count: row.count,
    remaining: row.remaining,
    httpStatus: row.httpStatus as OutageStatus | null,
    retryAfterSeconds: row.retryAfterSeconds,
  }),
  toPersistence: (fault: NewFault): Partial<FaultRow> => ({ ...fault, remaining: fault.count }),
};
