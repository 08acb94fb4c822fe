// The simulated partner backends' closed vocabularies; the migration's CHECK constraints mirror them.

export const RESOURCE_TYPES = ['org', 'network', 'volume', 'vm', 'vpn-link'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const RESOURCE_STATES = ['creating', 'active', 'deleting', 'deleted'] as const;
export type ResourceState = (typeof RESOURCE_STATES)[number];

export const POWER_STATES = ['off', 'on'] as const;
export type PowerState = (typeof POWER_STATES)[number];

export const OPERATION_ACTIONS = ['create', 'delete', 'power-on'] as const;
export type OperationAction = (typeof OPERATION_ACTIONS)[number];

export const OPERATION_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

export const FAULT_KINDS = ['transient', 'permanent'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How a simulated outage is answered: 503, or 429 with Retry-After. */
export const OUTAGE_STATUSES = [503, 429] as const;
export type OutageStatus = (typeof OUTAGE_STATUSES)[number];

/** Any partner code is its own backend; codes are slugs so they sit safely in paths and ids. */
export const PARTNER_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** What a client may send as an Idempotency-Key: 1 to 255 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
