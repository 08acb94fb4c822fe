import {
  type OperationAction,
  type OperationStatus,
  type PartnerOperation,
  type PartnerOperationError,
  type PartnerResource,
  type PowerState,
  RESOURCE_TYPES,
  type ResourceState,
  type ResourceType,
} from '../partner-backend.js';

/** The partner answered 2xx with a body we cannot read; the caller treats it as transient. */
export class UnexpectedBodyError extends Error {}

type Json = Record<string, unknown>;

const ACTIONS: readonly OperationAction[] = ['create', 'delete', 'power-on'];
const STATUSES: readonly OperationStatus[] = ['running', 'succeeded', 'failed'];
const STATES: readonly ResourceState[] = ['creating', 'active', 'deleting', 'deleted'];

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UnexpectedBodyError(`${what} is not an object`);
  return value as Json;
}

function text(body: Json, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new UnexpectedBodyError(`${field} is not a string`);
  return value;
}

function oneOf<T extends string>(body: Json, field: string, allowed: readonly T[]): T {
  const value = text(body, field);
  if (!allowed.includes(value as T)) throw new UnexpectedBodyError(`${field} '${value}' is not one of ${allowed.join(', ')}`);
  return value as T;
}

const textOrNull = (body: Json, field: string): string | null => (body[field] === null || body[field] === undefined ? null : text(body, field));

function operationError(value: unknown): PartnerOperationError | null {
  if (value === undefined || value === null) return null;
  const error = object(value, 'error');
  return { code: text(error, 'code'), message: text(error, 'message'), permanent: error.permanent !== false };
}

export function parseOperation(value: unknown): PartnerOperation {
  const body = object(value, 'the operation');
  const status = oneOf(body, 'status', STATUSES);
  return {
    id: text(body, 'id'),
    partner: text(body, 'partner'),
    action: oneOf(body, 'action', ACTIONS),
    status,
    resourceType: oneOf<ResourceType>(body, 'resourceType', RESOURCE_TYPES),
    resourceId: text(body, 'resourceId'),
    createdAt: text(body, 'createdAt'),
    completedAt: textOrNull(body, 'completedAt'),
    error: status === 'failed' ? (operationError(body.error) ?? { code: 'operation-failed', message: 'The operation failed.', permanent: true }) : null,
  };
}

export function parseResource(value: unknown): PartnerResource {
  const body = object(value, 'a resource');
  const power = textOrNull(body, 'power');
  if (power !== null && power !== 'on' && power !== 'off') throw new UnexpectedBodyError(`power '${power}' is not on or off`);
  return {
    id: text(body, 'id'),
    partner: text(body, 'partner'),
    type: oneOf<ResourceType>(body, 'type', RESOURCE_TYPES),
    state: oneOf(body, 'state', STATES),
    power: power as PowerState | null,
    labels: object(body.labels, 'labels') as Record<string, string>,
    spec: object(body.spec, 'spec'),
    createdAt: text(body, 'createdAt'),
    deletedAt: textOrNull(body, 'deletedAt'),
  };
}

export function parseResourceList(value: unknown): PartnerResource[] {
  const items = object(value, 'the list').items;
  if (!Array.isArray(items)) throw new UnexpectedBodyError('items is not an array');
  return items.map(parseResource);
}
